// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>

#include "catalogue/guide.h"
#include "catalogue/json_reader.h"

namespace hall::catalogue {

// Reads and validates one guide object against every rule of the exchange format. Problems are
// added as "guide <id>: $.<path>: <what was expected>"; `fallback_subject` names a guide whose
// own id is unusable (e.g. "guide #3"). Returns the guide only when it added no problem.
std::optional<Guide> parse_guide(const Json& node, const std::string& fallback_subject, Problems& problems);

}  // namespace hall::catalogue
