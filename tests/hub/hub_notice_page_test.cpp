// SPDX-License-Identifier: Apache-2.0
// The hub's /n/<id>, where the kiosk's notice QR code leads: the hall's notices in effect, read
// from its catalogue.db, with a policy's 解读 a tap away, and for a draft open for comment a link to
// the central store's comment page (hall.json notice_url). The hub takes no opinions itself.
#include <catch2/catch.hpp>


#include "hub_fixture.h"
#include "support/demo_notices.h"
#include "support/hallctl.h"

namespace hub_notice_page_test {

using namespace hall::test;

TEST_CASE("the hub's notice page: a policy with its 解读, an open draft pointing to the comment page, 404", "[hub][notices]") {
  HubHall hall;
  Json config = Json::parse(read_file(hall.dir.file("hall.json")));
  config["notice_url"] = "https://zwgk.anju.example.gov.cn/";
  write_file(hall.dir.file("hall.json"), config.dump());
  const auto demo = hallctl({"notice", "import", hall::test::demo + "/notices.json", "--data", hall.data()});
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  // A draft whose period runs from 20 days ago to 10 days on, whatever the day the test runs.
  Json open = draft_around_today("N-2026-D93", -20, 10);
  open["guides"] = {"G-0001", "G-9999"};  // one guide of the hall's catalogue, one it does not hold
  write_file(hall.dir.file("open.json"), Json{{"format", "hallkiosk.notices/1"}, {"notices", {open}}}.dump());
  const auto extra = hallctl({"notice", "import", hall.dir.file("open.json"), "--data", hall.data()});
  INFO(extra.err);
  REQUIRE(extra.exit_code == 0);

  RunningHub hub(hall);
  const auto policy = hub.get("/n/N-2023-001");
  REQUIRE(policy.status == 200);
  CHECK(policy.headers.at("content-type") == "text/html; charset=utf-8");
  CHECK_THAT(policy.body, Catch::Contains("安居街道2023年政务公开工作实施方案"));
  CHECK_THAT(policy.body, Catch::Contains("安居办发〔2023〕1号"));
  CHECK_THAT(policy.body, Catch::Contains("href=\"/n/N-2023-001-JD\""));  // its 解读, one tap away
  const auto reading = hub.get("/n/N-2023-001-JD");
  REQUIRE(reading.status == 200);
  CHECK_THAT(reading.body, Catch::Contains("href=\"/n/N-2023-001\""));

  const auto draft = hub.get("/n/N-2026-D93");
  REQUIRE(draft.status == 200);
  CHECK_THAT(draft.body, Catch::Contains("https://zwgk.anju.example.gov.cn/n/N-2026-D93"));
  CHECK_THAT(draft.body, !Catch::Contains("<form"));
  CHECK_THAT(draft.body, Catch::Contains("相关办事事项：高龄津贴申领</p>"));  // named; the missing one left out  // opinions go to the central store, not here
  CHECK(hub.post("/n/N-2026-D93/comments", "opinion=x").status == 404);

  const auto closed = hub.get("/n/N-2026-D05");  // closed, with its adoption report
  REQUIRE(closed.status == 200);
  CHECK_THAT(closed.body, Catch::Contains("id=\"adoption\""));
  const auto english = hub.get("/n/N-2023-001", {}, "en-US,en;q=0.9");
  CHECK_THAT(english.body, Catch::Contains("lang=\"en\""));

  const auto missing = hub.get("/n/N-2099-X");
  CHECK(missing.status == 404);
  CHECK_THAT(missing.body, Catch::Contains("<html"));
  CHECK(hub.get("/n/%3Cscript%3E").status == 404);
  CHECK(hub.stop() == 0);
}

}  // namespace hub_notice_page_test
