// SPDX-License-Identifier: Apache-2.0
// The phone page in a real browser: Debian's headless Chromium opens /t/<token> on a 360x640
// viewport, shows the number, and when the clerk calls, the page names the window by itself (no
// reload by hand). Screenshots are kept in HALL_TEST_BINARY_DIR/phone-screens for a person to look at.
#include <catch2/catch.hpp>

#include <filesystem>

#include "hub_fixture.h"

using namespace hall::test;

TEST_CASE("the phone page in headless Chromium shows the number and then the window, by itself", "[hub]") {
  if (!std::filesystem::exists("/usr/bin/chromium") || !std::filesystem::exists("/usr/bin/chromedriver")) {
    FAIL("chromium and chromium-driver are not installed (platform/deploy/install-deps.sh installs them)");
  }
  HubHall hall;
  hall.add_staff("S01", "2468");
  RunningHub hub(hall);
  const auto first = hub.post("/api/v1/tickets", R"({"guide_id":"G-0001"})", hall.kiosk);
  const auto mine = hub.post("/api/v1/tickets", R"({"guide_id":"G-0001"})", hall.kiosk);
  REQUIRE(mine.status == 201);
  const std::string url = mine.json()["status_url"];
  const std::string out = std::string(HALL_TEST_BINARY_DIR) + "/phone-screens";
  std::filesystem::create_directories(out);

  ChildProcess browser({"/usr/bin/python3", PHONE_CHECK_PATH, url, out}, hall.dir.file("chromium.err"));
  const TermOnExit quit_browser{browser};
  const std::string shown = browser.read_line(std::chrono::seconds(60));
  INFO(browser.stderr_text());
  REQUIRE(shown.rfind("SHOWN A002", 0) == 0);
  CHECK(shown.find("前面还有 1 人") != std::string::npos);

  // The clerk finishes A001 and calls A002: the open page follows.
  const std::string clerk = hub.sign_in("S01", "2468", "W1");
  const std::string id1 = std::to_string(first.json()["id"].get<long long>());
  REQUIRE(hub.post("/api/v1/windows/W1/call-next", "", clerk).status == 200);
  REQUIRE(hub.post("/api/v1/tickets/" + id1 + "/start", "", clerk).status == 200);
  REQUIRE(hub.post("/api/v1/tickets/" + id1 + "/finish", "", clerk).status == 200);
  REQUIRE(hub.post("/api/v1/windows/W1/call-next", "", clerk).json()["number"] == "A002");
  const std::string called = browser.read_line(std::chrono::seconds(60));
  CHECK(called == "CALLED 请到 1号窗口");
  const std::string width = browser.read_line(std::chrono::seconds(30));
  CHECK(width == "WIDTH 360");  // nothing wider than a small phone
  const std::string large = browser.read_line(std::chrono::seconds(60));
  CHECK(large.rfind("LARGE-WIDTH 360 ", 0) == 0);  // large system text still fits, no sideways scroll
  CHECK(browser.read_line(std::chrono::seconds(30)).empty());  // the script ends: its stdout closes
  CHECK(browser.stop(std::chrono::seconds(30)) == 0);
  CHECK(std::filesystem::file_size(out + "/phone-called.png") > 1000);
}
