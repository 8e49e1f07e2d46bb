// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall's local calendar: which local day an instant belongs to, when that day ends, and when
// the hall is open. Pure: the zone and the hours come in, nothing is read.
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"

namespace hall::queue {

// "2026-12-01": the local date of `t` in `zone`.
std::string local_date(Instant t, const TimeZone& zone);
// The first instant of the next local day after `t` (local midnight), honouring offset changes.
Instant next_local_midnight(Instant t, const TimeZone& zone);
// "09:00" local time of `t`.
std::string local_clock(Instant t, const TimeZone& zone);

struct OpenSpan {
  Instant open, close;
};

// Reads "mon-fri", "sat", "mon,wed,fri", "mon-sun"; nullopt when `days` says nothing it knows.
std::optional<std::vector<bool>> weekdays_of(const std::string& days);  // [0]=mon .. [6]=sun

// The opening span that contains `t`, if the hall is open then.
std::optional<OpenSpan> open_span_at(const std::vector<OpeningHours>& hours, const TimeZone& zone, Instant t);
// The next opening after `t` within two weeks (none when the hall has no hours at all).
std::optional<Instant> next_opening(const std::vector<OpeningHours>& hours, const TimeZone& zone, Instant t);
// Seconds the hall is open on the local day `date` ("2026-12-01").
long open_seconds_on(const std::vector<OpeningHours>& hours, const TimeZone& zone, const std::string& date);

}  // namespace hall::queue
