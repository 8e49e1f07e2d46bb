#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hall::search {

// Mandarin readings without tones, read in context: the phrase table first (longest match), then
// the character's most frequent reading. One entry per code point of `text`: a syllable for a Han
// character ("zhong"; ü is written "v": 绿 -> "lv", 略 -> "lue"), the lower-cased character for an
// ASCII letter or digit (fullwidth ones too: "Ａ３" -> "a", "3"), and "" for anything else
// (punctuation, spaces, a Han character with no reading). Invalid UTF-8 reads as U+FFFD, i.e. "".
// The tables are generated from Debian's pinyin-database at build time and indexed at the first
// call (a few milliseconds); safe to call from any thread.
std::vector<std::string> pinyin_of(std::string_view utf8_text);

}  // namespace hall::search
