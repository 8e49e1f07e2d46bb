// SPDX-License-Identifier: Apache-2.0
#pragma once
// Time comes in through this seam so every "before/after the effective date" case is a plain test.
#include <chrono>
#include <cstdint>

namespace hall {

using Instant = std::chrono::sys_seconds;

// An Instant as the databases keep it: whole seconds since the Unix epoch.
inline std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }
inline Instant instant_of(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock a test sets by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(std::chrono::seconds d) { now_ += d; }

 private:
  Instant now_;
};

}  // namespace hall
