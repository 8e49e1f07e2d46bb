// SPDX-License-Identifier: Apache-2.0
// SIGKILL at random points while `hallctl sync --once` applies a large update: afterwards the
// catalogue is wholly the old one or wholly the new one, the trusted version never went down,
// and SQLite's quick_check passes. Rounds are few and the update is sized to keep this ~20 s.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "catalogue/catalogue_store.h"
#include "support/run_process.h"
#include "support/sync_publisher.h"
#include "support/temp_dir.h"
#include "sync/sync_state.h"
#include "synthetic_catalogue.h"

using namespace hall;
using namespace hall::test;
namespace fs = std::filesystem;

namespace {

constexpr int guide_count = 600;
// SYNC_CRASH_ROUNDS overrides (the sanitizer build runs fewer: each of its starts is slow).
int rounds_to_run() {
  const char* env = std::getenv("SYNC_CRASH_ROUNDS");
  return env ? std::max(1, std::atoi(env)) : 20;
}

std::vector<nlohmann::ordered_json> guides_of(const std::string& catalogue_text) {
  auto c = nlohmann::ordered_json::parse(catalogue_text);
  return c["guides"].get<std::vector<nlohmann::ordered_json>>();
}

// Runs hallctl in a child and kills it after `delay`; returns how it ended (-1: killed).
int run_and_kill(const std::vector<std::string>& argv, std::chrono::microseconds delay) {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Snapshot {
  std::int64_t version = 0;
  std::string exported;
  std::string quick_check;
};

Snapshot snapshot(const std::string& data_dir) {
  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(data_dir + "/catalogue.db", clock);
  REQUIRE(store);
  auto state = sync::load_sync_state(store->database());
  REQUIRE(state);
  auto exported = store->export_current();
  REQUIRE(exported);
  auto check = store->database().quick_check();
  REQUIRE(check);
  return {state->catalogue_version, *exported, *check};
}

void copy_folder(const std::string& from, const std::string& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("kill -9 during apply leaves the old catalogue or the new one, never a mix", "[sync][crash]") {
  TempDir dir;
  const auto key = make_signing_key();
  Publication pub = new_publication(key);
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  pub.publish(guides_of(bench::synthetic_catalogue(guide_count, 1)), now);
  pub.write_to(dir.file("publish-old"));
  pub.publish(guides_of(bench::synthetic_catalogue(guide_count, 2)), now);  // every guide changes
  pub.write_to(dir.file("publish-new"));
  write_file(dir.file("trusted_keys.json"), pub.files.at("keys/1.json"));

  const std::string base = dir.file("hall-base");
  const auto hallctl = [&](const std::string& data, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {HALLCTL_PATH, "sync"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--data", data});
    return run_process(argv);
  };
  REQUIRE(hallctl(base, {"--trust", dir.file("trusted_keys.json")}).exit_code == 0);
  const auto first = hallctl(base, {"--once", "--url", dir.file("publish-old")});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const Snapshot old_state = snapshot(base);
  REQUIRE(old_state.version == 1);

  // One undisturbed run: the new state, and how long an apply takes (the window to kill in).
  const std::string full = dir.file("hall-full");
  copy_folder(base, full);
  const auto started = std::chrono::steady_clock::now();
  const auto update = hallctl(full, {"--once", "--url", "file://" + dir.file("publish-new")});
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  INFO(update.err);
  REQUIRE(update.exit_code == 0);
  const Snapshot new_state = snapshot(full);
  REQUIRE(new_state.version == 2);
  REQUIRE(new_state.exported != old_state.exported);

  std::random_device seed_source;
  const auto seed = seed_source();
  INFO("seed " << seed << ", an undisturbed apply takes " << took.count() << " µs");
  std::mt19937_64 rng(seed);
  // Most of a run is start-up, fetching and verifying; lean the kills towards the apply at its end.
  std::uniform_int_distribution<std::int64_t> when(took.count() / 3, took.count() * 11 / 10);
  int wholly_old = 0, wholly_new = 0;
  const int rounds = rounds_to_run();
  for (int round = 0; round < rounds; ++round) {
    const std::string hall = dir.file("hall-" + std::to_string(round));
    copy_folder(base, hall);
    const auto delay = std::chrono::microseconds{when(rng)};
    run_and_kill({HALLCTL_PATH, "sync", "--once", "--url", dir.file("publish-new"), "--data", hall}, delay);
    const Snapshot after = snapshot(hall);
    INFO("round " << round << ", killed after " << delay.count() << " µs");
    CHECK(after.quick_check == "ok");
    CHECK(after.version >= 1);  // the trusted version never goes down
    if (after.version == 1) {
      CHECK(after.exported == old_state.exported);
      ++wholly_old;
    } else {
      CHECK(after.version == 2);
      CHECK(after.exported == new_state.exported);
      ++wholly_new;
    }
    // A killed hall finishes the update on its next poll.
    if (round == 0) {
      REQUIRE(hallctl(hall, {"--once", "--url", dir.file("publish-new")}).exit_code == 0);
      CHECK(snapshot(hall).exported == new_state.exported);
    }
    fs::remove_all(hall);
  }
  WARN("kill -9 rounds: " << wholly_old << " wholly old, " << wholly_new << " wholly new (seed " << seed << ")");
}
