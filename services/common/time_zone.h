// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall's civil time zone (default Asia/Shanghai), read from the system's TZif files so a hall
// elsewhere, or a rule change, needs no code change.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace hall {

class TimeZone {
 public:
  // A zone with one fixed offset (tests, and the fallback when tzdata is missing).
  static TimeZone fixed(std::string name, int offset_seconds);
  // Parses TZif (RFC 8536) bytes: versions 1..3, the 64-bit section when present.
  static Result<TimeZone> from_tzif(std::string name, std::string_view bytes);
  // Loads /usr/share/zoneinfo/<name> (or $TZDIR/<name>).
  static Result<TimeZone> load(const std::string& name);

  const std::string& name() const { return name_; }
  int offset_at(Instant t) const;             // seconds east of UTC
  std::string format_local(Instant t) const;  // RFC 3339 with this zone's offset
  // The calendar day at `t` here ("today" for what is in effect), and when the next day begins.
  std::chrono::year_month_day local_date(Instant t) const;
  Instant next_midnight(Instant t) const;

 private:
  std::string name_;
  std::vector<std::int64_t> transitions_;  // UTC seconds, ascending
  std::vector<int> offsets_after_;         // offset in force from transitions_[i] on
  int initial_offset_ = 0;
};

}  // namespace hall
