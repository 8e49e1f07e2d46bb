// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one way back to the UI thread: workers post closures, the UI thread runs them between
// frames. post() may be called from any thread; run_pending() only from the thread that owns the
// queue. A waker (the host's glfwPostEmptyEvent) interrupts the UI thread's sleep so a posted
// result shows in the next frame, not at the next timer.
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace hall {

class RunQueue {
 public:
  using Task = std::function<void()>;

  // `waker` is called (from the posting thread) after every post; it must be thread-safe.
  void set_waker(std::function<void()> waker);
  void post(Task task);
  // Runs every task posted before the call, in order; tasks they post run next time. Returns
  // how many ran.
  std::size_t run_pending();
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::deque<Task> tasks_;
  std::function<void()> waker_;
};

}  // namespace hall
