// SPDX-License-Identifier: Apache-2.0
#pragma once
// When the kiosk was last touched, and when it should give up on the visitor. Separate from
// navigation: any role can use it, and the reset itself is the app's business.
#include <chrono>
#include <optional>

namespace hall::ui {

class IdleTimer {
 public:
  using Time = std::chrono::steady_clock::time_point;

  explicit IdleTimer(std::chrono::seconds timeout) : timeout_(timeout) {}

  void touch(Time now) { last_ = now; }
  // True once `timeout` has passed since the last touch (the first call starts the count).
  bool expired(Time now);
  std::optional<Time> deadline() const;
  std::chrono::seconds timeout() const { return timeout_; }

 private:
  std::chrono::seconds timeout_;
  std::optional<Time> last_;
};

}  // namespace hall::ui
