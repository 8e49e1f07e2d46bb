// SPDX-License-Identifier: Apache-2.0
#include "common/run_queue.h"

#include <utility>

namespace hall {

void RunQueue::set_waker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

void RunQueue::post(Task task) {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    waker = waker_;
  }
  // Outside the lock: a waker that posts (or blocks briefly) cannot deadlock the queue.
  if (waker) waker();
}

std::size_t RunQueue::run_pending() {
  std::deque<Task> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(tasks_);
  }
  for (auto& task : batch) task();
  return batch.size();
}

bool RunQueue::empty() const {
  std::lock_guard lock(mutex_);
  return tasks_.empty();
}

}  // namespace hall
