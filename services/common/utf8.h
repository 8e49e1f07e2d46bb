// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::utf8 {

// Byte offset of the first invalid sequence (overlong forms and surrogates are invalid), or nullopt.
std::optional<std::size_t> first_invalid(std::string_view text);

// The code points of valid UTF-8 text; an invalid byte decodes as U+FFFD.
std::vector<char32_t> decode(std::string_view text);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Number of code points (invalid bytes count one each).
std::size_t length(std::string_view text);

// A C0 control character, DEL or a C1 control. Tab, CR and LF count as controls too:
// guide text is single paragraphs, and a stray control breaks slips and screens alike.
bool is_control(char32_t cp);

bool is_han(char32_t cp);

}  // namespace hall::utf8
