// SPDX-License-Identifier: Apache-2.0
// The demo hall's 政务公开 notices: fit to publish, the street office's own 2023 plan first, its
// 解读, one draft open and one closed with its adoption report, and a proposal reply whose
// deputy's name the review masked.
#include <catch2/catch.hpp>

#include <set>

#include "support/demo_hall.h"
#include "catalogue/catalogue_file.h"
#include "notices/deidentify.h"
#include "notices/notice_file.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::notices;

using hall::test::demo;

namespace {


const NoticeFile& demo_notices() {
  static const NoticeFile file = [] {
    auto f = load_notice_file(demo + "/notices.json", Destination::published);
    if (!f) FAIL(f.error().message);
    return *f;
  }();
  return file;
}

const Notice& by_id(const std::string& id) {
  for (const auto& n : demo_notices().notices) {
    if (n.id == id) return n;
  }
  FAIL("no demo notice " << id);
  throw;
}

}  // namespace

TEST_CASE("the demo notices are fit to publish and show every kind", "[assets][notices]") {
  std::set<NoticeKind> kinds;
  for (const auto& n : demo_notices().notices) {
    kinds.insert(n.kind);
    CHECK(n.disclosure == Disclosure::active);
    CHECK_FALSE(n.title.en.empty());
  }
  CHECK(kinds.size() == notice_kinds().size());
}

TEST_CASE("the street office's 2023 plan comes first, structured, with a 解读 for residents", "[assets][notices]") {
  const auto& plan = demo_notices().notices.front();
  CHECK(plan.title.zh == "安居街道2023年政务公开工作实施方案");
  CHECK(plan.kind == NoticeKind::policy);
  int parts = 0, sections = 0;
  for (const auto& b : plan.body) {
    if (b.type == BlockType::heading && b.level == 1) ++parts;
    if (b.type == BlockType::heading && b.level == 2) ++sections;
  }
  CHECK(parts == 5);      // 一 to 五
  CHECK(sections == 19);  // 6 + 2 + 3 + 3 + 5
  const auto& jd = by_id("N-2023-001-JD");
  CHECK(jd.kind == NoticeKind::interpretation);
  CHECK(jd.interprets == plan.id);
}

TEST_CASE("one draft is open for comment and one closed with its adoption report", "[assets][notices]") {
  const auto today = *parse_iso_date("2026-12-02");
  const auto& open = by_id("N-2026-D07");
  CHECK(open.open_for_comment(today));
  CHECK(open.comment_days_left(today) == 18);
  const auto& closed = by_id("N-2026-D05");
  CHECK_FALSE(closed.open_for_comment(today));
  REQUIRE(closed.draft->adoption);
  CHECK(closed.draft->adoption->received == 23);
  CHECK(closed.draft->adoption->adopted == 15);
  CHECK(closed.draft->adoption->not_adopted.size() == 3);
}

TEST_CASE("the proposal reply is the reviewed draft with the deputy's name masked", "[assets][notices]") {
  const auto draft_file = load_notice_file(demo + "/notice-drafts/proposal-reply.json", Destination::central);
  INFO((draft_file ? std::string() : draft_file.error().message));
  REQUIRE(draft_file);
  const auto& draft = draft_file->notices.at(0);
  REQUIRE(draft.proposal);
  const auto& deputies = draft.proposal->representatives;
  const Json draft_json = Json::parse(draft.source_json);
  const auto hits = scan_notice(draft_json, deputies);
  REQUIRE(hits.size() == 2);
  std::vector<ReviewedHit> review;
  for (const auto& h : hits) {
    CHECK(h.kind == HitKind::representative_name);
    CHECK(h.mask == "张**");
    review.push_back({h, {ReviewAction::mask, ""}});
  }
  const auto published = apply_review(draft_json, deputies, review);
  REQUIRE(published);
  CHECK(*published == Json::parse(by_id("N-2026-R12").source_json));
  CHECK(scan_notice(*published, deputies).empty());
}

TEST_CASE("nothing personal is published in the demo notices", "[assets][notices]") {
  for (const auto& n : demo_notices().notices) {
    INFO(n.id);
    CHECK(scan_notice(Json::parse(n.source_json), {}).empty());
  }
}

TEST_CASE("every guide a demo notice links to is in the demo catalogue", "[assets][notices]") {
  const auto catalogue = catalogue::load_catalogue_file(demo + "/catalogue.json");
  REQUIRE(catalogue);
  std::set<std::string> ids;
  for (const auto& g : catalogue->guides) ids.insert(g.id);
  int links = 0;
  for (const auto& n : demo_notices().notices) {
    for (const auto& g : n.guides) {
      INFO(n.id << " links to " << g);
      CHECK(ids.count(g) == 1);
      ++links;
    }
  }
  CHECK(links >= 3);
}
