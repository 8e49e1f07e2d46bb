// SPDX-License-Identifier: Apache-2.0
#pragma once
// The working-day calendar as administrators enter it from each year's State Council notice
// ("hallkiosk.workdays/1", README): untrusted bytes in, a WorkingCalendar or every problem listed
// with its JSON path. The central store will sign and publish it like the catalogue.
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/working_calendar.h"

namespace hall::notices {

Result<WorkingCalendar> parse_calendar_file(std::string_view bytes);

// The bytes of the calendar file at `path` (at most 1 MiB, as parse_calendar_file takes), unchecked.
Result<std::string> read_calendar_bytes(const std::string& path);

}  // namespace hall::notices
