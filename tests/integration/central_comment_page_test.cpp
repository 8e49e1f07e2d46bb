// SPDX-License-Identifier: Apache-2.0
// A draft's public page (/n/<id>) on the real `hallctl central serve`, in Debian's headless
// Chromium on a 360x640 phone viewport: an opinion sent gets a receipt, an over-long one is refused
// with what was typed still in the box, and a closed period shows no form. The drafts' periods are
// set from today's date in the hall (+08:00), since the server reads the real clock. Screenshots
// are kept in HALL_TEST_BINARY_DIR/notice-screens for a person to look at.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <filesystem>
#include <sstream>

#include "central/central_store.h"
#include "common/rfc3339.h"
#include "support/child_process.h"
#include "support/demo_notices.h"
#include "support/temp_dir.h"

namespace central_comment_page_test {

using namespace hall;
using Json = nlohmann::ordered_json;

// The demo hall's lift-subsidy draft twice: one open for ten more days, one whose period ended
// yesterday.
std::string two_drafts() {
  const Json open = hall::test::draft_around_today("N-2026-D71", -20, 10);
  REQUIRE(open["draft"].is_object());
  Json closed = hall::test::draft_around_today("N-2026-D72", -40, -1);
  closed["title"] = "安居街道社区食堂运营补助办法（征求意见稿）";
  return Json{{"format", "hallkiosk.notices/1"}, {"notices", Json::array({open, closed})}}.dump();
}

void publish_two_drafts(const std::string& data) {
  SystemClock clock;
  const auto publisher = central::generate_key_pair();
  REQUIRE(central::CentralStore::init(data, publisher, clock));
  auto store = central::CentralStore::open(data, clock, {});
  REQUIRE(store);
  using central::Role;
  const auto add = [&](const std::string& id, Role role) {
    REQUIRE(store->add_admin({id, id, central::generate_key_pair().public_key, {role}}, "operator"));
  };
  add("alice", Role::author);
  add("bob", Role::reviewer);
  add("carol", Role::publisher);
  auto drafts = store->submit_notices("alice", two_drafts());
  INFO((drafts ? "" : drafts.error().message));
  REQUIRE(drafts);
  REQUIRE(drafts->size() == 2);
  for (const auto& d : *drafts) {
    central::NoticeReviewDecision decision{true, "", "无涉密内容", {}};
    for (const auto& h : d.hits) decision.decisions.push_back({h, {notices::ReviewAction::mask, ""}});
    const auto reviewed = store->review_notice("bob", d.id, decision);
    INFO((reviewed ? "" : reviewed.error().message));
    REQUIRE(reviewed);
  }
  const auto published = store->publish("carol", {});
  INFO((published ? "" : published.error().message));
  REQUIRE(published);
}

TEST_CASE("a draft's comment page in headless Chromium: a receipt, an over-long opinion refused, a closed period",
          "[integration][comments]") {
  if (!std::filesystem::exists("/usr/bin/chromium") || !std::filesystem::exists("/usr/bin/chromedriver")) {
    FAIL("chromium and chromium-driver are not installed (platform/deploy/install-deps.sh installs them)");
  }
  hall::test::TempDir dir;
  const std::string data = dir.file("central");
  publish_two_drafts(data);

  hall::test::ChildProcess serve({HALLCTL_PATH, "central", "serve", "--data", data, "--port", "0"},
                                 dir.file("serve.log"));
  const std::string url = serve.read_line(std::chrono::seconds(10));
  REQUIRE(url.starts_with("http://127.0.0.1:"));
  REQUIRE(url.ends_with("/"));
  const std::string out = std::string(HALL_TEST_BINARY_DIR) + "/notice-screens";
  std::filesystem::create_directories(out);

  hall::test::ChildProcess browser(
      {"/usr/bin/python3", COMMENT_CHECK_PATH, url + "n/N-2026-D71", url + "n/N-2026-D72", out},
      dir.file("chromium.err"));
  const hall::test::TermOnExit quit_browser{browser};
  const std::string receipt = browser.read_line(std::chrono::seconds(90));
  INFO(receipt << "\n" << browser.stderr_text());
  REQUIRE(receipt.starts_with("RECEIPT "));
  CHECK(receipt.size() == std::string("RECEIPT ").size() + 8);

  const std::string refused = browser.read_line(std::chrono::seconds(60));
  CHECK(refused.starts_with("REFUSED "));
  CHECK_THAT(refused, Catch::Contains("2000"));
  CHECK_THAT(refused, Catch::EndsWith("| KEPT 2100"));  // nothing typed is lost

  const std::string closed = browser.read_line(std::chrono::seconds(60));
  CHECK(closed.starts_with("CLOSED "));
  CHECK_THAT(closed, Catch::Contains("已结束"));
  CHECK_THAT(closed, Catch::EndsWith("| FORM 0"));
  CHECK(browser.read_line(std::chrono::seconds(30)) == "WIDTH 360");  // no sideways scroll on a small phone
  CHECK(browser.read_line(std::chrono::seconds(30)).empty());         // the script ends
  CHECK(browser.stop(std::chrono::seconds(30)) == 0);
  CHECK(serve.stop(std::chrono::seconds(5), SIGTERM) == 0);

  // The one opinion that got through is in the store, with its receipt; the refused one is not.
  SystemClock clock;
  auto store = central::CentralStore::open(data, clock, {});
  REQUIRE(store);
  const auto list = store->comments("N-2026-D71", "bob");
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  CHECK(list->front().receipt == receipt.substr(8));
  CHECK(list->front().contact == "王先生 139 1234 5678");
  CHECK(std::filesystem::file_size(out + "/notice-comment-refused.png") > 1000);
}

}  // namespace central_comment_page_test
