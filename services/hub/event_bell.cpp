// SPDX-License-Identifier: Apache-2.0
#include "hub/event_bell.h"

namespace hall::hub {

void EventBell::ring() {
  {
    std::lock_guard lock(mutex_);
    ++rings_;
  }
  rung_.notify_all();
}

std::uint64_t EventBell::rings() {
  std::lock_guard lock(mutex_);
  return rings_;
}

std::uint64_t EventBell::wait(std::uint64_t seen, std::chrono::milliseconds at_most, std::stop_token stop) {
  std::unique_lock lock(mutex_);
  rung_.wait_for(lock, stop, at_most, [&] { return rings_ != seen; });
  return rings_;
}

}  // namespace hall::hub
