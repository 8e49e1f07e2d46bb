// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every role reads once at start, the same way: its UI strings and the hall's time zone.
#include <string>

#include "common/time_zone.h"

namespace hall::kiosk {

// The contents of assets/i18n/<language>.json. A missing file is one line on stderr and "{}": the
// screens then show their keys, not a crash.
std::string load_ui_strings(const std::string& language);

// The hall's zone from tzdata; one not found there is said on stderr and taken as UTC+8.
TimeZone hall_time_zone(const std::string& name);

}  // namespace hall::kiosk
