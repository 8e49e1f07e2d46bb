// SPDX-License-Identifier: Apache-2.0
// Notices in the kiosk's catalogue database: the version rules, all-or-nothing imports, what is
// in effect on a day, and the directory a visitor browses.
#include <catch2/catch.hpp>

#include "support/demo_hall.h"
#include "catalogue/catalogue_store.h"
#include "common/rfc3339.h"
#include "notices/notice_store.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::notices;

using hall::test::demo;

namespace {


Date day(const char* s) {
  return *parse_iso_date(s);
}

NoticeFile demo_file() {
  auto f = load_notice_file(demo + "/notices.json", Destination::published);
  REQUIRE(f);
  return *f;
}

NoticeFile one(Json n) {
  Problems problems;
  auto parsed = parse_notice(n, "notice #1", Destination::central, problems);
  if (!parsed) FAIL(problems.messages().front());
  return NoticeFile{{*parsed}};
}

Json announcement(int version, const std::string& title) {
  Json n = Json::parse(hall::test::read_file(demo + "/notices.json"))["notices"][5];  // N-2026-A03
  n["version"] = version;
  n["title"] = title;
  return n;
}

std::vector<std::string> ids(const std::vector<DirectoryRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

catalogue::CatalogueStore open_catalogue(const hall::test::TempDir& dir, const Clock& clock) {
  auto s = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  REQUIRE(s);
  return std::move(*s);
}

struct Fixture {
  hall::test::TempDir dir;
  ManualClock clock{*parse_rfc3339("2026-12-02T09:00:00+08:00")};
  catalogue::CatalogueStore catalogue = open_catalogue(dir, clock);
  NoticeStore store{catalogue.database(), clock};
};

}  // namespace

TEST_CASE("the demo notices import once and stay unchanged after", "[notices][store]") {
  Fixture f;
  const auto first = f.store.import(demo_file());
  REQUIRE(first);
  CHECK(first->added == 9);
  const auto again = f.store.import(demo_file());
  REQUIRE(again);
  CHECK(again->added == 0);
  CHECK(again->unchanged == 9);
  const auto now = f.store.current(day("2026-12-02"));
  REQUIRE(now);
  CHECK(now->size() == 9);
  CHECK(now->front().id == "N-2026-A03");  // newest first
}

TEST_CASE("a notice store refuses what a kiosk may not hold and changes nothing", "[notices][store]") {
  Fixture f;
  REQUIRE(f.store.import(one(announcement(2, "二版"))));
  struct Case {
    const char* rule;
    Json notice;
    const char* expected;
  };
  Json on_request = announcement(3, "三版");
  on_request["disclosure"] = "on_request";
  on_request["disclosure_reason"] = "涉及第三方";
  const Case cases[] = {
      {"a lower version", announcement(1, "一版"),
       "notice N-2026-A03: $.version: version 1 is lower than the stored version 2"},
      {"the same version with other content", announcement(2, "改过的二版"),
       "notice N-2026-A03: $.version: version 2 is already stored with other content; give the change a higher "
       "version"},
      {"a notice that is not 主动公开", on_request,
       "notice N-2026-A03: $.disclosure: only 主动公开 notices are kept on a kiosk, got on_request"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto r = f.store.import(one(row.notice));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == row.expected);
    const auto now = f.store.current(day("2026-12-02"));
    REQUIRE(now);
    REQUIRE(now->size() == 1);
    CHECK(now->front().title.zh == "二版");
  }
}

TEST_CASE("what is in effect follows effective and expiry dates", "[notices][store]") {
  Fixture f;
  Json later = announcement(2, "一月起的新版");
  later["effective_from"] = "2027-01-01";
  REQUIRE(f.store.import(one(announcement(1, "现行版"))));
  REQUIRE(f.store.import(one(later)));
  const auto title_on = [&](const char* d) -> std::string {
    const auto now = f.store.current(day(d));
    REQUIRE(now);
    return now->empty() ? std::string("(none)") : now->front().title.zh;
  };
  CHECK(title_on("2026-11-30") == "(none)");  // before the first version's effective_from
  CHECK(title_on("2026-12-02") == "现行版");
  CHECK(title_on("2027-01-01") == "一月起的新版");  // switches on its day, offline
  CHECK(title_on("2027-01-05") == "(none)");        // expires_on reached
}

TEST_CASE("the directory puts open drafts first and every category in order", "[notices][store]") {
  Fixture f;
  REQUIRE(f.store.import(demo_file()));
  const auto today = day("2026-12-02");
  const auto now = f.store.current(today);
  REQUIRE(now);
  const auto d = build_directory(*now, today);
  REQUIRE(d.open_drafts.size() == 1);
  CHECK(d.open_drafts[0].id == "N-2026-D07");
  CHECK(d.open_drafts[0].comment_days_left == 18);
  REQUIRE(d.groups.size() == 5);
  CHECK(d.groups[0].category == Category::decision);
  CHECK(ids(d.groups[0].rows) == std::vector<std::string>{"N-2026-D07", "N-2026-M09", "N-2026-D05"});
  CHECK(ids(d.groups[2].rows) == std::vector<std::string>{"N-2026-Q01", "N-2023-001-JD", "N-2023-001"});
  CHECK(d.groups[2].rows.back().doc_no == "安居办发〔2023〕1号");
  CHECK(d.groups[4].rows.size() == 1);  // 结果公开: the proposal reply

  const auto after = build_directory(*now, day("2026-12-20"));
  CHECK(after.open_drafts.empty());                      // the period has ended
  CHECK(build_directory({}, today).groups.size() == 5);  // empty categories stay, for the screen to say so
}
