// SPDX-License-Identifier: Apache-2.0
// kill -9 the hub at random moments while kiosks issue and a clerk calls. After every restart each
// acknowledged ticket is there with (at least) its acknowledged state, numbering goes on with no
// repeat, and PRAGMA quick_check is ok. HUB_CRASH_KILLS sets the number of kills (the suite runs
// 200; tests/hub/crash-soak.sh runs 1,000 and more).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "hub_fixture.h"

using namespace hall::test;

namespace {

struct Acked {
  std::string number;
  std::string state;  // the state the hub acknowledged last
};

int state_rank(const std::string& s) {
  if (s == "waiting") return 0;
  if (s == "called") return 1;
  if (s == "serving") return 2;
  return 3;  // done, no_show, cancelled
}

}  // namespace

TEST_CASE("kill -9 during issuing and calling loses no acknowledged ticket and repeats no number", "[hub]") {
  const char* env = std::getenv("HUB_CRASH_KILLS");
  const int kills = env ? std::atoi(env) : 200;
  HubHall hall(3);
  hall.add_staff("S01", "2468");
  std::mt19937 random(20261202);
  std::map<long long, Acked> acked;
  int key = 0;
  std::string clerk;

  for (int round = 0; round < kills; ++round) {
    RunningHub hub(hall);
    if (clerk.empty()) clerk = hub.sign_in("S01", "2468", "W3");  // the session outlives the kills
    std::atomic<bool> run{true};
    std::mutex mutex;
    std::vector<std::pair<long long, Acked>> round_acks;
    std::vector<std::string> unreadable;  // acknowledged replies whose body was not JSON
    // A reply's body as JSON, or nullopt with the body kept for the test's thread to report.
    const auto read_reply = [&](const Reply& r) {
      auto j = r.parsed();
      if (!j) {
        std::lock_guard lock(mutex);
        unreadable.push_back(r.body);
      }
      return j;
    };
    auto kiosk = std::thread([&] {
      while (run) {
        const auto r = hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk, "k" + std::to_string(key++));
        if (r.status != 201 && r.status != 200) continue;  // cut by the kill: never acknowledged
        const auto j = read_reply(r);
        if (!j) continue;
        std::lock_guard lock(mutex);
        round_acks.push_back({(*j)["id"].get<long long>(), {(*j)["number"], (*j)["state"]}});
      }
    });
    auto counter = std::thread([&] {
      while (run) {
        const auto c = hub.post("/api/v1/windows/W3/call-next", "", clerk);
        Json j;
        if (c.status == 409) {  // the window holds one from before the kill: carry on with it
          const auto q = hub.get("/api/v1/sessions/current", clerk);
          if (q.status != 200) continue;
          const auto current = read_reply(q);
          if (!current || (*current)["current"].is_null()) continue;
          j = (*current)["current"];
        } else if (c.status == 200) {
          const auto called = read_reply(c);
          if (!called) continue;
          j = *called;
        } else {
          continue;
        }
        const long long id = j["id"].get<long long>();
        {
          std::lock_guard lock(mutex);
          round_acks.push_back({id, {j["number"], "called"}});
        }
        const std::string path = "/api/v1/tickets/" + std::to_string(id);
        if (hub.post(path + "/start", "", clerk).status == 200) {
          std::lock_guard lock(mutex);
          round_acks.push_back({id, {j["number"], "serving"}});
        }
        if (hub.post(path + "/finish", "", clerk).status == 200) {
          std::lock_guard lock(mutex);
          round_acks.push_back({id, {j["number"], "done"}});
        }
      }
    });
    // The kill falls at a random moment after the hub has acknowledged something this round, so
    // every round kills a hub at work, however slow the machine is.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    for (;;) {
      {
        std::lock_guard lock(mutex);
        if (!round_acks.empty()) break;
      }
      if (std::chrono::steady_clock::now() > give_up) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 40)(random)));
    hub.stop(SIGKILL);
    run = false;
    kiosk.join();
    counter.join();
    for (const auto& body : unreadable) FAIL_CHECK("an acknowledged reply was not JSON: " << body);

    for (auto& [id, a] : round_acks) {
      auto& known = acked[id];
      if (known.number.empty()) {
        known = a;
      } else {
        CHECK(known.number == a.number);
        if (state_rank(a.state) > state_rank(known.state)) known.state = a.state;
      }
    }
    std::string check;
    const auto stored = stored_tickets(hall.dir.file("queue.db"), &check);
    INFO("round " << round);
    REQUIRE(check == "ok");
    for (const auto& [id, a] : acked) {
      const auto it = stored.find(id);
      REQUIRE(it != stored.end());  // every acknowledged ticket survived
      CHECK(it->second.number == a.number);
      CHECK(state_rank(it->second.state) >= state_rank(a.state));
    }
    // Never twice in a service day (a run across midnight starts again at A001, as halls do).
    std::set<std::string> numbers;
    for (const auto& [id, t] : stored) CHECK(numbers.insert(t.day + " " + t.number).second);
  }
  CHECK(acked.size() >= static_cast<std::size_t>(kills));  // every round acknowledged at least one
}
