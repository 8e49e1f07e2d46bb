// SPDX-License-Identifier: Apache-2.0
// Several services on one queue.db at once, each on its own thread with its own connection (as the
// hub's workers will be): no number issued twice, no ticket held by two windows, every issued
// ticket called exactly once.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

TEST_CASE("issuers and windows at once: no number twice, every ticket called exactly once", "[queue][concurrency]") {
  TempDir dir;
  HallConfig hall = test_hall();
  hall.opening_hours.clear();
  const ManualClock clock(local("2026-12-01T10:00:00+08:00"));
  queue::SodiumRandom random;  // thread-safe
  const auto zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  {
    auto first = queue::QueueService::open(dir.file("queue.db"), hall, zone, clock, random);
    REQUIRE(first);  // the schema exists before the threads start
  }
  constexpr int issuers = 4, per_issuer = 40;
  const std::vector<std::string> windows = {"W1", "W2", "W3"};
  std::mutex m;
  std::vector<std::string> issued, called, failures;
  std::atomic<int> issuing{issuers};
  std::vector<std::thread> threads;
  for (int i = 0; i < issuers; ++i) {
    threads.emplace_back([&, i] {
      auto q = queue::QueueService::open(dir.file("queue.db"), hall, zone, clock, random);
      for (int n = 0; q && n < per_issuer; ++n) {
        auto r = q->issue({"K" + std::to_string(i), "k" + std::to_string(n), n % 2 ? "A" : "B", "", std::nullopt});
        std::lock_guard lock(m);
        if (r) {
          issued.push_back(r->view.ticket.number);
        } else {
          failures.push_back(r.error().error.message);
        }
      }
      --issuing;
    });
  }
  for (const auto& w : windows) {
    threads.emplace_back([&, w] {
      auto q = queue::QueueService::open(dir.file("queue.db"), hall, zone, clock, random);
      const queue::Actor actor{"S-" + w, w};
      for (;;) {
        const bool last_round = issuing.load() == 0;
        auto r = q->call_next(actor);
        if (!r) {
          std::lock_guard lock(m);
          failures.push_back(r.error().error.message);
          return;
        }
        if (!*r) {
          if (last_round) return;
          // Nobody waits yet: a clerk does not press "call" in a tight loop, and a loop that did
          // would take the write lock from the issuers for as long as it spins.
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          continue;
        }
        const auto id = (**r).ticket.id;
        {
          std::lock_guard lock(m);
          called.push_back((**r).ticket.number);
        }
        if (!q->start(actor, id) || !q->finish(actor, id)) {
          std::lock_guard lock(m);
          failures.push_back("start/finish of " + (**r).ticket.number);
          return;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  INFO((failures.empty() ? std::string() : failures.front()));
  CHECK(failures.empty());
  const std::set<std::string> unique_issued(issued.begin(), issued.end());
  CHECK(issued.size() == issuers * per_issuer);
  CHECK(unique_issued.size() == issued.size());  // no number twice
  std::map<std::string, int> times_called;
  for (const auto& n : called) ++times_called[n];
  CHECK(times_called.size() == unique_issued.size());  // every ticket called ...
  for (const auto& [number, times] : times_called) {
    INFO(number);
    CHECK(times == 1);  // ... exactly once, so never by two windows
  }
  CHECK(unique_issued.contains("A080"));
  CHECK(unique_issued.contains("B080"));
}
