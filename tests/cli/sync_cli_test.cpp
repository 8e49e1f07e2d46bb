// SPDX-License-Identifier: Apache-2.0
// hallctl sync through the real binary: pin, sync from a published folder, status, refusals.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_process.h"
#include "support/sample_guides.h"
#include "support/sync_publisher.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::test;

namespace {

ProcessResult hallctl_sync(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {HALLCTL_PATH, "sync"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

}  // namespace

TEST_CASE("hallctl sync: trust, once, status", "[cli][sync]") {
  TempDir dir;
  const auto key = make_signing_key();
  Publication pub = new_publication(key);
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  pub.publish({valid_guide("G-A", "高龄津贴申领"), valid_guide("G-B", "残疾人证办理")}, now);
  pub.write_to(dir.file("publish"));
  write_file(dir.file("trusted_keys.json"), pub.files.at("keys/1.json"));
  const std::string data = dir.file("hall");

  SECTION("without a pinned key set, sync refuses") {
    const auto r = hallctl_sync({"--once", "--url", dir.file("publish"), "--data", data});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("hallctl sync --trust"));
  }
  SECTION("pinned, it syncs and reports") {
    REQUIRE(hallctl_sync({"--trust", dir.file("trusted_keys.json"), "--data", data}).exit_code == 0);
    const auto once = hallctl_sync({"--once", "--url", "file://" + dir.file("publish"), "--data", data, "--json"});
    INFO(once.err);
    REQUIRE(once.exit_code == 0);
    const auto report = nlohmann::json::parse(once.out);
    CHECK(report["outcome"] == "applied");
    CHECK(report["objects_fetched"] == 2);

    const auto again = hallctl_sync({"--once", "--url", dir.file("publish"), "--data", data, "--json"});
    REQUIRE(again.exit_code == 0);
    CHECK(nlohmann::json::parse(again.out)["outcome"] == "not_modified");

    const auto status = hallctl_sync({"--status", "--data", data, "--json"});
    REQUIRE(status.exit_code == 0);
    const auto s = nlohmann::json::parse(status.out);
    CHECK(s["catalogue_version"] == 1);
    CHECK(s["stale"] == false);
    CHECK(s["last_error"] == "");

    // A tampered manifest is refused; the status names the reason.
    std::string manifest = read_file(dir.file("publish/manifest.json"));
    manifest.replace(manifest.find("issued_at"), 9, "issued_aT");
    write_file(dir.file("publish/manifest.json"), manifest);
    const auto refused = hallctl_sync({"--once", "--url", dir.file("publish"), "--data", data});
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("bad_signature"));
    const auto after = hallctl_sync({"--status", "--data", data});
    CHECK_THAT(after.out, Catch::Contains("trusted catalogue version: 1"));
    CHECK_THAT(after.out, Catch::Contains("(bad_signature)"));
  }
  SECTION("usage errors") {
    CHECK(hallctl_sync({"--status", "--once", "--data", data}).exit_code == 2);
    CHECK(hallctl_sync({"--once", "--data", data}).exit_code == 2);
    CHECK(hallctl_sync({"--help"}).exit_code == 0);
  }
}
