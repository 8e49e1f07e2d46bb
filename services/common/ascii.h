// SPDX-License-Identifier: Apache-2.0
#pragma once
// ASCII character classes that do not depend on the C locale (std::isdigit does, and takes int).

namespace hall {

constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace hall
