// SPDX-License-Identifier: Apache-2.0
// The 主动公开基本目录 built from what is published: every 五公开 category in order (empty ones
// too), newest first, in force by its dates, and the same rows as text, JSON and CSV.
#include <catch2/catch.hpp>

#include "common/rfc3339.h"
#include "notices/notice_catalogue.h"

namespace notice_catalogue_test {

using namespace hall;
using namespace hall::notices;

Date day(const char* iso) { return *parse_iso_date(iso); }

CatalogueEntry entry(const char* id, Category c, const char* date, const char* title) {
  Notice n;
  n.id = id;
  n.category = c;
  n.date = day(date);
  n.title.zh = title;
  n.issuer.name = "安居街道办事处";
  return {n, *parse_rfc3339("2026-12-01T02:00:00Z"), 3};
}

TEST_CASE("the catalogue keeps the 五公开 order, newest first, and says what is in force", "[notices][catalogue]") {
  auto a = entry("N-B", Category::service, "2026-11-01", "旧通知");
  auto b = entry("N-A", Category::service, "2026-12-01", "元旦办公时间, \"调整\"");
  b.notice.effective_from = day("2026-12-01");
  b.notice.expires_on = day("2027-01-05");
  auto c = entry("N-C", Category::decision, "2026-11-20", "征求意见稿");
  const auto groups = build_catalogue({a, b, c});
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].category == Category::decision);
  CHECK(groups[0].entries.size() == 1);
  CHECK(groups[1].entries.empty());
  REQUIRE(groups[3].category == Category::service);
  REQUIRE(groups[3].entries.size() == 2);
  CHECK(groups[3].entries[0].notice.id == "N-A");  // the newer first

  CHECK(in_force(b.notice, day("2026-11-30")) == InForce::not_yet);
  CHECK(in_force(b.notice, day("2026-12-01")) == InForce::in_force);  // from its effective date
  CHECK(in_force(b.notice, day("2027-01-04")) == InForce::in_force);
  CHECK(in_force(b.notice, day("2027-01-05")) == InForce::expired);  // the 失效日期: gone from the kiosk too
  CHECK(in_force(a.notice, day("2099-01-01")) == InForce::in_force);  // no dates: in force

  const std::string text = catalogue_text(groups, day("2027-01-06"));
  CHECK_THAT(text, Catch::StartsWith("主动公开基本目录  2027-01-06  共 3 条\n"));
  CHECK_THAT(text, Catch::Contains("执行公开（0）\n  暂无\n"));
  CHECK_THAT(text, Catch::Contains("失效日期：2027-01-05  已失效  发布于 2026-12-01T10:00:00+08:00"));
  const std::string csv = catalogue_csv(groups, day("2026-12-02"));
  CHECK_THAT(csv, Catch::Contains("\r\n服务公开,,通知公告,\"元旦办公时间, \"\"调整\"\"\",,安居街道办事处,2026-12-01,2026-12-01,"
                                  "2027-01-05,有效,N-A,1,2026-12-01T10:00:00+08:00\r\n"));
  const auto j = catalogue_json(groups, day("2026-11-30"));
  CHECK(j["count"] == 3);
  CHECK(j["categories"][3]["notices"][0]["in_force"] == "not_yet");
  CHECK(j["categories"][3]["count"] == 2);
}

}  // namespace notice_catalogue_test
