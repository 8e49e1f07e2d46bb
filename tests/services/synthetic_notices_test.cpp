// SPDX-License-Identifier: Apache-2.0
// The benchmarks' synthetic notices stay valid under the notice parser and reach the kiosk's
// catalogue database through the bench's own setup (a small set: 50 notices beside 20 guides).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "catalogue/catalogue_store.h"
#include "notices/notice_directory.h"
#include "notices/notice_file.h"
#include "notices/notice_search.h"
#include "notices/notice_store.h"
#include "support/temp_dir.h"
#include "synthetic_notices.h"

namespace synthetic_notices_test {

using namespace hall;
using namespace hall::notices;

const Date today = *parse_iso_date("2026-12-02");

TEST_CASE("synthetic notices: every kind, valid for publishing, the same bytes each time") {
  const std::string bytes = bench::synthetic_notices(50, today);
  CHECK(bytes == bench::synthetic_notices(50, today));
  auto file = parse_notice_file(bytes, Destination::published);
  if (!file) FAIL(file.error().message);
  REQUIRE(file->notices.size() == 50);
  std::set<NoticeKind> kinds;
  int policies_with_doc_no = 0, closed_drafts = 0;
  for (const auto& n : file->notices) {
    kinds.insert(n.kind);
    if (n.kind == NoticeKind::policy && !n.doc_no.empty()) ++policies_with_doc_no;
    if (n.draft && n.draft->adoption) ++closed_drafts;
  }
  CHECK(kinds.size() == 8);
  CHECK(policies_with_doc_no >= 10);
  CHECK(closed_drafts >= 1);
}

TEST_CASE("synthetic notices: the bench's setup imports them beside the guides, in effect and searchable") {
  test::TempDir dir;
  const std::string db = dir.file("catalogue.db");
  auto hall = bench::import_synthetic_hall(db, 20, 50, today);
  if (!hall) FAIL(hall.error().message);
  CHECK(hall->guides == 20);
  CHECK(hall->notices == 50);

  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(db, clock);
  REQUIRE(store);
  auto current = NoticeStore(store->database(), clock).current(today);
  REQUIRE(current);
  CHECK(current->size() == 50);
  // What the kiosk holds of each notice in effect: not its JSON once more (the database has it).
  CHECK(std::all_of(current->begin(), current->end(), [](const Notice& n) { return n.source_json.empty(); }));
  const Directory directory = build_directory(*current, today);
  CHECK_FALSE(directory.open_drafts.empty());

  // The first policy's 文号 is 安居办发〔2026〕1号: its initials with the year find it.
  const NoticeSearch search(*current);
  const auto hits = search.query("ajbf2026");
  REQUIRE_FALSE(hits.empty());
  CHECK(hits.front().notice_id == "SN-P-00000");
}

}  // namespace synthetic_notices_test
