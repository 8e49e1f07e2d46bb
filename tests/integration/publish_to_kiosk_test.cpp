// SPDX-License-Identifier: Apache-2.0
// The whole path of a guide change, through the real binaries and real HTTP on 127.0.0.1:
// an author submits, another administrator reviews, a publisher publishes; a hall syncs it from the
// central store and another hall from nginx serving the same folder; the hall's poll loop reports a
// heartbeat that the central store's status shows.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "nginx_server.h"
#include "support/child_process.h"
#include "support/hallctl.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::valid_guide;
using Json = nlohmann::json;

namespace {

struct Central {
  hall::test::TempDir dir;
  std::string data = dir.file("central");
  std::unique_ptr<hall::test::ChildProcess> serve;
  std::string url;

  Central() {
    REQUIRE(hallctl({"keygen", "--out", dir.file("publisher.key")}).exit_code == 0);
    REQUIRE(hallctl({"central", "init", "--data", data, "--publisher-key", dir.file("publisher.key")}).exit_code == 0);
    for (const auto& [id, roles] : {std::pair{"alice", "author"}, {"bob", "reviewer"}, {"carol", "publisher"}}) {
      REQUIRE(hallctl({"keygen", "--out", dir.file(std::string(id) + ".key"), "--id", id}).exit_code == 0);
      REQUIRE(hallctl({"central", "add-admin", "--data", data, "--id", id, "--name", id, "--public-key",
                       dir.file(std::string(id) + ".key.pub"), "--roles", roles})
                  .exit_code == 0);
    }
    serve = std::make_unique<hall::test::ChildProcess>(
        std::vector<std::string>{HALLCTL_PATH, "central", "serve", "--data", data, "--port", "0"},
        dir.file("serve.log"));
    url = serve->read_line(std::chrono::seconds(10));
    REQUIRE(url.starts_with("http://127.0.0.1:"));
  }

  hall::test::ProcessResult as(const std::string& who, std::vector<std::string> args) {
    args.insert(args.begin(), "central");
    args.insert(args.end(), {"--url", url, "--key", dir.file(who + ".key")});
    return hallctl(args);
  }

  // Submit, review by another administrator, publish: what 先审查、后公开 asks.
  void change(const std::vector<nlohmann::ordered_json>& guides, int first_draft) {
    const std::string file = dir.file("change-" + std::to_string(first_draft) + ".json");
    hall::test::write_file(file, hall::test::catalogue_text(guides));
    const auto submitted = as("alice", {"submit", file});
    INFO(submitted.err);
    REQUIRE(submitted.exit_code == 0);
    for (std::size_t i = 0; i < guides.size(); ++i) {
      const auto reviewed = as("bob", {"review", std::to_string(first_draft + static_cast<int>(i)), "--approve",
                                       "--note", "无涉密内容"});
      INFO(reviewed.err);
      REQUIRE(reviewed.exit_code == 0);
    }
    const auto published = as("carol", {"publish"});
    INFO(published.err);
    REQUIRE(published.exit_code == 0);
  }
};

Json sync_once(const std::string& url, const std::string& hall) {
  const auto r = hallctl({"sync", "--once", "--url", url, "--data", hall, "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

std::vector<std::string> guide_names(const std::string& hall) {
  const auto r = hallctl({"catalogue", "list", "--data", hall, "--json"});
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> names;
  for (const auto& g : Json::parse(r.out)) names.push_back(g["name"]);
  return names;
}

}  // namespace

TEST_CASE("a reviewed change reaches halls from the central store and from nginx", "[integration][sync]") {
  Central central;
  central.change({valid_guide("G-1", "高龄津贴申领"), valid_guide("G-2", "临时救助申请")}, 1);

  hall::test::TempDir halls;
  const std::string hall_a = halls.file("hall-a"), hall_b = halls.file("hall-b");
  const std::string pinned = central.data + "/publish/keys/1.json";
  REQUIRE(hallctl({"sync", "--trust", pinned, "--data", hall_a}).exit_code == 0);
  REQUIRE(hallctl({"sync", "--trust", pinned, "--data", hall_b}).exit_code == 0);

  // Hall A follows the central store itself; hall B a plain nginx over the published folder.
  hall::test::NginxServer nginx(central.data + "/publish", halls.file("nginx"));
  const auto first_a = sync_once(central.url, hall_a);
  CHECK(first_a["outcome"] == "applied");
  CHECK(first_a["objects_fetched"] == 2);
  const auto first_b = sync_once(nginx.url(), hall_b);
  CHECK(first_b["outcome"] == "applied");
  CHECK(guide_names(hall_a) == std::vector<std::string>{"高龄津贴申领", "临时救助申请"});
  CHECK(guide_names(hall_b) == guide_names(hall_a));

  // Nothing new: a conditional poll moves no body bytes.
  const auto idle = sync_once(nginx.url(), hall_b);
  CHECK(idle["outcome"] == "not_modified");
  CHECK(idle["bytes_fetched"] == 0);

  // One guide changes: each hall fetches the timestamp, the manifest, exactly one bin and one object.
  central.change({valid_guide("G-2", "临时救助申请（急难型）", 2)}, 3);
  const auto change_a = sync_once(central.url, hall_a);
  CHECK(change_a["outcome"] == "applied");
  CHECK(change_a["bins_fetched"] == 1);
  CHECK(change_a["objects_fetched"] == 1);
  const auto change_b = sync_once(nginx.url(), hall_b);
  CHECK(change_b["bins_fetched"] == 1);
  CHECK(change_b["objects_fetched"] == 1);
  CHECK(guide_names(hall_b) == std::vector<std::string>{"高龄津贴申领", "临时救助申请（急难型）"});
  CHECK(nginx.stop() == 0);

  // The kiosk makes its key at set-up; the central store's operator enrols the public half.
  const std::string kiosk_key = halls.file("kiosk.key");
  REQUIRE(hallctl({"keygen", "--out", kiosk_key, "--id", "hall-a-kiosk-1"}).exit_code == 0);
  REQUIRE(hallctl({"central", "add-kiosk", "--data", central.data, "--id", "hall-a-kiosk-1", "--public-key",
                   kiosk_key + ".pub"})
              .exit_code == 0);
  // The hall's poll loop: it syncs, reports a signed heartbeat, and stops cleanly on SIGTERM.
  hall::test::ChildProcess watch({HALLCTL_PATH, "sync", "--watch", "--url", central.url, "--data", hall_a, "--interval",
                                  "1", "--heartbeat", central.url, "--kiosk-key", kiosk_key},
                                 halls.file("watch.log"));
  const std::string line = watch.read_line(std::chrono::seconds(10));
  CHECK_THAT(line, Catch::Contains("catalogue version 2"));
  bool reported = false;
  for (int i = 0; i < 50 && !reported; ++i) {
    const auto status = central.as("carol", {"status", "--json"});
    reported = status.exit_code == 0 && status.out.find("hall-a-kiosk-1") != std::string::npos;
    if (!reported) usleep(100'000);
  }
  CHECK(watch.stop(std::chrono::seconds(5), SIGTERM) == 0);
  INFO("hallctl sync --watch said: " << hall::test::read_file(halls.file("watch.log")));
  CHECK(reported);
  const auto status = central.as("carol", {"status"});
  CHECK_THAT(status.out, Catch::Contains("hall-a-kiosk-1"));
  CHECK(central.serve->stop(std::chrono::seconds(5), SIGTERM) == 0);
}
