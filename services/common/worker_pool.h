// SPDX-License-Identifier: Apache-2.0
#pragma once
// A few threads for work that must not run on the UI thread (loading a guide, reloading the
// catalogue, hub requests, print jobs). Jobs run in the order posted when there is one thread;
// the destructor finishes the running jobs, drops the ones not started, and joins.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hall {

class WorkerPool {
 public:
  using Job = std::function<void()>;

  // `max_queued`: post() refuses beyond it, so a stuck device cannot grow memory without end.
  explicit WorkerPool(std::size_t threads, std::size_t max_queued = 1024);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the pool is stopping or full: the caller reports it rather than waiting.
  bool post(Job job);
  // Stops taking jobs, waits for the running ones, drops the rest. Idempotent.
  void stop();
  std::size_t queued() const;

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  std::vector<std::thread> threads_;
  std::size_t max_queued_;
  bool stopping_ = false;
};

}  // namespace hall
