// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace hall {

// "2027-03-01T00:00:00+08:00" or "...Z"; a fraction of a second is accepted and dropped.
// A time without an offset is refused: a guide's date means nothing without its zone.
std::optional<Instant> parse_rfc3339(std::string_view text);

// UTC with "Z", for storage and machine output.
std::string format_rfc3339_utc(Instant t);

// With a fixed offset in seconds east of UTC, e.g. +08:00 for the hall's local time.
std::string format_rfc3339(Instant t, int offset_seconds);

}  // namespace hall
