// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every text a slip prints, in zh-CN and en, as one small table (slip_text.cpp). A slip is printed
// in one language; "{}" marks are filled in order by fill().
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "slip/slip.h"

namespace hall::slip {

// The text for `key` in `language`; empty for a key the table lacks.
std::string_view text(std::string_view key, Language language);

// text() with each "{}" replaced by the next value; an unknown key prints as "[key]", so a gap
// shows on paper and in the key test rather than as an empty line.
std::string fill(std::string_view key, Language language, std::initializer_list<std::string_view> values);

// Every key of the table, for the test that each has both languages.
std::vector<std::string_view> text_keys();

}  // namespace hall::slip
