// SPDX-License-Identifier: Apache-2.0
#pragma once
// Rung after every change the hub commits, so each open event stream reads the new events at once
// instead of polling queue.db. A stream still looks every few seconds on its own, for events that
// another process wrote to the same queue.db (hallctl).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>

namespace hall::hub {

class EventBell {
 public:
  void ring();
  // Waits until the bell rings after `seen` (a value of rings()), the wait runs out, or `stop` is
  // requested; returns the ring count now.
  std::uint64_t wait(std::uint64_t seen, std::chrono::milliseconds at_most, std::stop_token stop);
  std::uint64_t rings();

 private:
  std::mutex mutex_;
  std::condition_variable_any rung_;
  std::uint64_t rings_ = 0;
};

}  // namespace hall::hub
