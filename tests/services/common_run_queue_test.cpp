// SPDX-License-Identifier: Apache-2.0
// The run queue (workers → UI thread) and the worker pool behind every slow job.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "common/run_queue.h"
#include "common/worker_pool.h"

using namespace std::chrono_literals;

TEST_CASE("run queue: tasks run on the draining thread, in the order posted, and the waker fires per post",
          "[common][run_queue]") {
  hall::RunQueue queue;
  std::atomic<int> wakes{0};
  queue.set_waker([&] { ++wakes; });
  std::vector<int> order;
  const auto drainer = std::this_thread::get_id();
  std::thread worker([&] {
    for (int i = 0; i < 5; ++i)
      queue.post([&, i] {
        CHECK(std::this_thread::get_id() == drainer);
        order.push_back(i);
      });
  });
  worker.join();
  CHECK(wakes == 5);
  CHECK_FALSE(queue.empty());
  CHECK(queue.run_pending() == 5);
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(queue.empty());
}

TEST_CASE("run queue: a task that posts runs on the next drain, not in the same one", "[common][run_queue]") {
  hall::RunQueue queue;
  int second = 0;
  queue.post([&] { queue.post([&] { ++second; }); });
  CHECK(queue.run_pending() == 1);
  CHECK(second == 0);
  CHECK(queue.run_pending() == 1);
  CHECK(second == 1);
}

TEST_CASE("worker pool: jobs run off the caller's thread, several at once", "[common][worker_pool]") {
  hall::WorkerPool pool(2);
  std::promise<void> a_started, b_started;
  auto a = a_started.get_future().share();
  auto b = b_started.get_future().share();
  std::atomic<int> done{0};
  // Each job waits for the other to start: with one thread at a time this would never finish.
  REQUIRE(pool.post([&] {
    a_started.set_value();
    b.wait();
    ++done;
  }));
  REQUIRE(pool.post([&] {
    b_started.set_value();
    a.wait();
    ++done;
  }));
  a.wait();
  b.wait();
  pool.stop();
  CHECK(done == 2);
}

TEST_CASE("worker pool: a full queue refuses instead of growing, and stop() drops what never started",
          "[common][worker_pool]") {
  hall::WorkerPool pool(1, 2);
  std::promise<void> release;
  auto gate = release.get_future().share();
  std::promise<void> running;
  std::atomic<int> ran{0};
  REQUIRE(pool.post([&] {
    running.set_value();
    gate.wait();
    ++ran;
  }));
  running.get_future().wait();
  CHECK(pool.post([&] { ++ran; }));
  CHECK(pool.post([&] { ++ran; }));
  CHECK_FALSE(pool.post([&] { ++ran; }));  // two queued is the limit
  CHECK(pool.queued() == 2);
  std::thread stopper([&] { pool.stop(); });
  std::this_thread::sleep_for(20ms);  // let stop() take the queue before the running job ends
  release.set_value();
  stopper.join();
  CHECK(ran == 1);
  CHECK_FALSE(pool.post([&] { ++ran; }));  // stopped: refused, not run
}
