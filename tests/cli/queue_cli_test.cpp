// SPDX-License-Identifier: Apache-2.0
// hallctl's queue verbs through the real binary: devices, staff, a day's figures, the audit log.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "support/hallctl.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::run_process;
using hall::test::TempDir;
using Json = nlohmann::json;

namespace {

// A data folder with the demo hall's hall.json and nothing else.
struct QueueFolder {
  TempDir dir;
  QueueFolder() {
    hall::test::write_file(dir.file("hall.json"),
                           hall::test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json"));
  }
  std::string data() const { return dir.path(); }
  // Every byte of queue.db, its WAL included (a commit may not be checkpointed yet).
  std::string stored_bytes() const {
    std::string bytes = hall::test::read_file(dir.file("queue.db"));
    if (std::filesystem::exists(dir.file("queue.db-wal"))) bytes += hall::test::read_file(dir.file("queue.db-wal"));
    return bytes;
  }
};

}  // namespace

TEST_CASE("hallctl device add prints the token alone on one line, once, list and revoke", "[cli][queue]") {
  QueueFolder f;
  const auto added = hallctl({"device", "add", "--data", f.data(), "--id", "K1", "--role", "kiosk"});
  REQUIRE(added.exit_code == 0);
  REQUIRE(added.out.size() == 65);  // 64 hex digits and a newline
  CHECK(added.out.find_first_not_of("0123456789abcdef\n") == std::string::npos);
  const auto json = hallctl({"device", "add", "--data", f.data(), "--id", "B1", "--role", "board", "--json"});
  REQUIRE(json.exit_code == 0);
  const auto j = Json::parse(json.out);
  CHECK(j["id"] == "B1");
  CHECK(j["role"] == "board");
  CHECK(j["token"].get<std::string>().size() == 64);
  // The token is not stored: queue.db holds only its hash.
  CHECK(f.stored_bytes().find(added.out.substr(0, 64)) == std::string::npos);
  CHECK(f.stored_bytes().find(hall::sha256_hex(added.out.substr(0, 64))) != std::string::npos);
  CHECK(hallctl({"device", "add", "--data", f.data(), "--id", "K1", "--role", "kiosk"}).exit_code == 2);
  CHECK(hallctl({"device", "add", "--data", f.data(), "--id", "K2", "--role", "printer"}).exit_code == 2);
  REQUIRE(hallctl({"device", "revoke", "--data", f.data(), "--id", "K1"}).exit_code == 0);
  CHECK(hallctl({"device", "revoke", "--data", f.data(), "--id", "K1"}).exit_code == 1);
  const auto listed = hallctl({"device", "list", "--data", f.data(), "--json"});
  REQUIRE(listed.exit_code == 0);
  const auto list = Json::parse(listed.out);
  REQUIRE(list.size() == 2);
  CHECK(list[0]["id"] == "B1");
  CHECK(list[0]["revoked_at"].is_null());
  CHECK(list[1]["id"] == "K1");
  CHECK(list[1]["revoked_at"].is_string());
}

TEST_CASE("hallctl staff add takes the PIN on stdin, list, disable, reset-pin", "[cli][queue]") {
  QueueFolder f;
  const auto added =
      hallctl({"staff", "add", "--data", f.data(), "--id", "S01", "--name", "王芳", "--role", "clerk", "--pin-stdin"},
              "2468\n");
  REQUIRE(added.exit_code == 0);
  const auto bad_pin =
      hallctl({"staff", "add", "--data", f.data(), "--id", "S02", "--name", "李明", "--role", "manager", "--pin-stdin"},
              "12\n");
  CHECK(bad_pin.exit_code == 2);
  CHECK_THAT(bad_pin.err, Catch::Contains("4 to 12 digits"));
  CHECK(hallctl({"staff", "add", "--data", f.data(), "--id", "S03", "--name", "x", "--role", "clerk"}).exit_code == 2);
  REQUIRE(hallctl({"staff", "reset-pin", "--data", f.data(), "--id", "S01", "--pin-stdin"}, "97531\n").exit_code == 0);
  REQUIRE(hallctl({"staff", "disable", "--data", f.data(), "--id", "S01"}).exit_code == 0);
  CHECK(hallctl({"staff", "disable", "--data", f.data(), "--id", "S99"}).exit_code == 1);
  const auto listed = hallctl({"staff", "list", "--data", f.data(), "--json"});
  REQUIRE(listed.exit_code == 0);
  const auto list = Json::parse(listed.out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["name"] == "王芳");
  CHECK(list[0]["disabled"] == true);
  CHECK(f.stored_bytes().find("97531") == std::string::npos);
  const auto audit = hallctl({"audit", "--data", f.data(), "--json"});
  REQUIRE(audit.exit_code == 0);
  std::vector<std::string> actions;
  for (const auto& e : Json::parse(audit.out)) actions.push_back(e["action"]);
  CHECK(actions == std::vector<std::string>{"staff_add", "staff_reset_pin", "staff_disable"});
}

TEST_CASE("hallctl queue stats prints a day's figures per group and per window", "[cli][queue]") {
  QueueFolder f;
  const auto r = hallctl({"queue", "stats", "--data", f.data(), "--date", "2026-12-01", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto j = Json::parse(r.out);
  CHECK(j["date"] == "2026-12-01");
  CHECK(j["open_s"] == 1440 * 60);  // the demo hall is open 00:00-24:00 every day, so a newcomer can take a number
  REQUIRE(j["groups"].size() == 3);
  CHECK(j["groups"][0]["group"] == "A");
  CHECK(j["groups"][0]["issued"] == 0);
  CHECK(j["windows"].size() == 7);
  const auto text = hallctl({"queue", "stats", "--data", f.data(), "--date", "2026-12-05"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("date 2026-12-05, open 1440 min") && Catch::Contains("W7"));
  CHECK(hallctl({"queue", "stats", "--data", f.data(), "--date", "yesterday"}).exit_code == 2);
  CHECK(hallctl({"queue", "frobnicate", "--data", f.data()}).exit_code == 2);
  CHECK(hallctl({"queue", "--help"}).exit_code == 0);
}
