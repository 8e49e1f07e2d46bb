// SPDX-License-Identifier: Apache-2.0
#pragma once
// Numbers per group per local day: A001, A002 … with no gaps, a fourth digit when a day needs it,
// never a wrap. The counter moves inside the issuing transaction, so a crash loses no number and
// two issuers never share one.
#include <cstdint>
#include <string>

#include "common/clock.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "storage/sqlite.h"

namespace hall::queue {

// "A" + 7 → "A007"; 1234 → "A1234".
std::string format_number(const std::string& letter, std::int64_t sequence);

// The local day numbers are counted for at `now`. The day in progress keeps the zone it began in
// until its own midnight; only then does a changed `zone` take effect, so no day is renumbered.
Result<std::string> service_day(storage::Database& db, Instant now, const TimeZone& zone);

// The next sequence of `group` on `day` (1 for the first), counted in the caller's transaction.
Result<std::int64_t> next_sequence(storage::Database& db, const std::string& day, const std::string& group);

}  // namespace hall::queue
