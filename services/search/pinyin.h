#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hall::search {

// Mandarin readings without tones, read in context: the phrase table first (longest match), then
// the character's most frequent reading. One entry per code point of `text`: a syllable for a Han
// character ("zhong"; ü is written "v"), the lower-cased character for an ASCII letter or digit,
// and "" for anything else (punctuation, spaces, a Han character with no reading).
std::vector<std::string> pinyin_of(std::string_view utf8_text);

}  // namespace hall::search
