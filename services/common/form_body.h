// SPDX-License-Identifier: Apache-2.0
#pragma once
// An HTML form's body (application/x-www-form-urlencoded), as a phone's browser sends it without
// script: name=value pairs joined by '&', '+' for a space, %XX for any other byte.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace hall::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Every field in order. Refused: a malformed %-escape, or a name or value that is not valid UTF-8
// once decoded (what a person typed must come back as they typed it, or not at all).
Result<FormFields> parse_form(std::string_view body);

// The first value of `name`; nullopt when the form has no such field.
std::optional<std::string> form_value(const FormFields& fields, std::string_view name);

}  // namespace hall::http
