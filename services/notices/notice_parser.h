// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>

#include "catalogue/json_reader.h"
#include "notices/notice.h"

namespace hall::notices {

using catalogue::Json;
using catalogue::Problems;

// Where a notice is going decides two rules: what is `published` (to kiosks, phones, the
// directory) is 主动公开 only and carries no list of deputies; the `central` store keeps the rest.
enum class Destination { central, published };

// Reads and validates one notice object against every rule of the format (README, "The notice
// format"). Problems are added as "notice <id>: $.<path>: <what was expected>"; `fallback_subject`
// names a notice whose own id is unusable ("notice #3"). Returns the notice only when it added no
// problem.
std::optional<Notice> parse_notice(const Json& node, const std::string& fallback_subject, Destination destination,
                                   Problems& problems);

}  // namespace hall::notices
