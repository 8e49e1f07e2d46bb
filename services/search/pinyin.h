// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace hall::search {

// Mandarin readings without tones, read in context: the text cut into the phrase table's phrases
// (fewest pieces, then the most frequent phrases), other characters by their most frequent reading. One entry per code
// point of `text`: a syllable for a Han character ("zhong"; ü is written "v": 绿 -> "lv", 略 -> "lue"), the lower-cased
// character for an ASCII letter or digit (fullwidth ones too: "Ａ３" -> "a", "3"), and "" for anything else
// (punctuation, spaces, a Han character with no reading). Invalid UTF-8 reads as U+FFFD, i.e. "".
// The tables come from Debian's pinyin-database, read at the first call on this machine (see
// search/pinyin_db.h; cached, see search/pinyin_cache.h); safe to call from any thread. Without
// the database every Han character reads ""; pinyin_ready() says why.
std::vector<std::string> pinyin_of(std::string_view utf8_text);

// Every common reading of one Han character, its default first (长: chang, zhang); one for a
// character with one reading, none for anything else. For indexing what else a visitor may type.
std::vector<std::string> readings_of(char32_t code_point);

// Loads the tables now (import and sync call it first, so a missing package is an error a person
// can act on rather than search terms without pinyin).
Result<void> pinyin_ready();

// Lets the tables go until the next call needs them (it reads them again from the cache): the
// kiosk calls it once its search index is built, since it needs no pinyin until the next reload.
void release_pinyin();

}  // namespace hall::search
