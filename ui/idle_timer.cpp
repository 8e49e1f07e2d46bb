// SPDX-License-Identifier: Apache-2.0
#include "idle_timer.h"

namespace hall::ui {

bool IdleTimer::expired(Time now) {
  if (!last_) last_ = now;
  return now - *last_ >= timeout_;
}

std::optional<IdleTimer::Time> IdleTimer::deadline() const {
  if (!last_) return std::nullopt;
  return *last_ + timeout_;
}

}  // namespace hall::ui
