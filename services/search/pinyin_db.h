// SPDX-License-Identifier: Apache-2.0
#pragma once
// The reading tables search/pinyin.cpp reads with, derived from Debian's pinyin-database (main.db,
// GPL-2.0-or-later) on this machine at run time: the project ships no part of that data.
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"

namespace hall::search {

// A table entry is (code point << syllable_bits) | syllable id.
inline constexpr unsigned syllable_bits = 9;

// Where the installed package keeps its data; $HALL_PINYIN_DB overrides it.
inline constexpr const char* default_pinyin_db = "/usr/share/pinyin-database/main.db";

struct PinyinTables {
  std::vector<std::string> syllables;     // a syllable's id is its index; without tones, "v" for ü
  std::vector<std::uint32_t> characters;  // (code point << 9) | syllable id, sorted by code point
  // A character's other common readings (长: zhang beside chang), entries as above, sorted by code
  // point then syllable id: what a visitor may type for a polyphone in a name.
  std::vector<std::uint32_t> alternates;
  // Sorted runs: a head (freq << 4) | n, then the phrase's n entries as above. freq is the
  // database's; reading uses it to choose between overlapping phrases (人长 or 长寿).
  std::vector<std::uint32_t> phrases;
};

inline constexpr unsigned phrase_length_bits = 4;

// A few seconds of CPU: read the whole database and keep what reading in context needs.
// not_found names the package to install; corrupt: not Debian's database.
Result<PinyinTables> derive_pinyin_tables(const std::string& db_path);

}  // namespace hall::search
