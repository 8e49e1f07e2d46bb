// SPDX-License-Identifier: Apache-2.0
// Readings from the tables search/pinyin_db.cpp derives from Debian's pinyin-database on this
// machine (see there for how defaults and phrases are chosen).
#include "search/pinyin.h"

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/utf8.h"
#include "search/pinyin_cache.h"
#include "search/pinyin_db.h"

namespace hall::search {
namespace {

constexpr unsigned kSyllableBits = 9;  // a table entry is (code point << 9) | syllable id
constexpr std::uint32_t kSyllableMask = (1u << kSyllableBits) - 1;

char32_t code_point_of(std::uint32_t entry) {
  return entry >> kSyllableBits;
}

// The tables in hash maps, built once at first use (about 25k characters, 4k phrases).
class Readings {
 public:
  explicit Readings(Result<PinyinTables> tables) {
    if (!tables) {
      error_ = tables.error();
      return;
    }
    tables_ = std::move(*tables);
    for (const auto& s : tables_.syllables) syllables_.push_back(s);
    characters_.reserve(tables_.characters.size());
    for (const std::uint32_t e : tables_.characters) characters_.emplace(code_point_of(e), syllable(e));
    index_phrases();
  }
  Readings(const Readings&) = delete;  // phrases_ points into phrase_text_ and tables_
  Readings& operator=(const Readings&) = delete;

  // The entries of the longest phrase that `text` starts with, or none.
  std::span<const std::uint32_t> longest_phrase(std::u32string_view text) const {
    for (std::size_t len = std::min(longest_, text.size()); len >= 2; --len) {
      const auto it = phrases_.find(text.substr(0, len));
      if (it != phrases_.end()) return it->second;
    }
    return {};
  }

  std::string_view syllable(std::uint32_t entry) const { return syllables_.at(entry & kSyllableMask); }
  const std::optional<Error>& error() const { return error_; }

  std::string_view of_character(char32_t cp) const {
    const auto it = characters_.find(cp);
    return it == characters_.end() ? std::string_view() : it->second;
  }

 private:
  // The phrases are runs of [n, entry × n]. The keys are their code points, copied into
  // phrase_text_ first, so that no view moves when the map is filled.
  void index_phrases() {
    const std::span<const std::uint32_t> table = tables_.phrases;
    for (std::size_t i = 0; i < table.size(); i += table[i] + 1) {
      for (const std::uint32_t e : table.subspan(i + 1, table[i])) phrase_text_.push_back(code_point_of(e));
    }
    std::size_t text_at = 0;
    for (std::size_t i = 0; i < table.size(); i += table[i] + 1) {
      const std::size_t n = table[i];
      phrases_.emplace(std::u32string_view(phrase_text_).substr(text_at, n), table.subspan(i + 1, n));
      text_at += n;
      longest_ = std::max(longest_, n);
    }
  }

  PinyinTables tables_;
  std::optional<Error> error_;
  std::vector<std::string_view> syllables_;
  std::unordered_map<char32_t, std::string_view> characters_;
  std::u32string phrase_text_;
  std::unordered_map<std::u32string_view, std::span<const std::uint32_t>> phrases_;
  std::size_t longest_ = 0;
};

std::string pinyin_db_path() {
  const char* env = std::getenv("HALL_PINYIN_DB");
  return env && *env ? env : default_pinyin_db;
}

// From this machine's cache when it holds the tables of this very database, else from main.db.
Result<PinyinTables> load_tables() {
  const std::string db = pinyin_db_path();
  const std::string cache = pinyin_cache_file(db, pinyin_cache_dir());
  if (!cache.empty()) {
    if (auto cached = read_pinyin_cache(cache)) return std::move(*cached);
  }
  auto derived = derive_pinyin_tables(db);
  if (derived && !cache.empty()) write_pinyin_cache(cache, *derived);  // best effort: a read-only home still works
  return derived;
}

const Readings& readings() {
  static const Readings r(load_tables());  // built once, thread-safe
  return r;
}

// A Latin letter or digit, ASCII or fullwidth (Ａ, ３), as its lower-case ASCII; 0 for anything else.
char latin_of(char32_t cp) {
  if (cp >= U'\uFF01' && cp <= U'\uFF5E') cp -= 0xFEE0;  // the fullwidth block mirrors ASCII ! to ~
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return static_cast<char>(cp);
  return 0;
}

}  // namespace

Result<void> pinyin_ready() {
  if (const auto& e = readings().error()) return std::unexpected(*e);
  return {};
}

// Greedy longest match, then each character's default: pinyin_db.cpp keeps exactly the phrases
// this reading needs, so the two must read the same way.
std::vector<std::string> pinyin_of(std::string_view utf8_text) {
  const Readings& r = readings();
  const std::vector<char32_t> decoded = utf8::decode(utf8_text);  // invalid bytes become U+FFFD
  const std::u32string_view text(decoded.data(), decoded.size());
  std::vector<std::string> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto phrase = r.longest_phrase(text.substr(i));
    for (const std::uint32_t e : phrase) out.emplace_back(r.syllable(e));
    if (!phrase.empty()) {
      i += phrase.size();
      continue;
    }
    if (const char latin = latin_of(text[i]); latin != 0) {
      out.emplace_back(1, latin);
    } else {
      out.emplace_back(r.of_character(text[i]));
    }
    ++i;
  }
  return out;
}

}  // namespace hall::search
