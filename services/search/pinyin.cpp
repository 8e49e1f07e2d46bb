// SPDX-License-Identifier: Apache-2.0
// Readings from the tables search/pinyin_db.cpp derives from Debian's pinyin-database on this
// machine (see there for how defaults and phrases are chosen).
#include "search/pinyin.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
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

constexpr std::uint32_t kSyllableMask = (1u << syllable_bits) - 1;

char32_t code_point_of(std::uint32_t entry) {
  return entry >> syllable_bits;
}

// The tables in hash maps, built once at first use (about 25k characters, 280k phrases).
class Readings {
 public:
  struct Phrase {
    std::uint32_t freq;
    std::span<const std::uint32_t> entries;
  };

  explicit Readings(Result<PinyinTables> tables) {
    if (!tables) {
      error_ = tables.error();
      return;
    }
    tables_ = std::move(*tables);
    for (const auto& s : tables_.syllables) syllables_.push_back(s);
    characters_.reserve(tables_.characters.size());
    for (const std::uint32_t e : tables_.characters) characters_.emplace(code_point_of(e), syllable(e));
    for (const std::uint32_t e : tables_.alternates) alternates_[code_point_of(e)].push_back(syllable(e));
    index_phrases();
  }
  Readings(const Readings&) = delete;  // phrases_ points into phrase_text_ and tables_
  Readings& operator=(const Readings&) = delete;

  const Phrase* phrase(std::u32string_view text) const {
    const auto it = phrases_.find(text);
    return it == phrases_.end() ? nullptr : &it->second;
  }
  std::size_t longest() const { return longest_; }

  std::string_view syllable(std::uint32_t entry) const { return syllables_.at(entry & kSyllableMask); }
  const std::optional<Error>& error() const { return error_; }

  std::string_view of_character(char32_t cp) const {
    const auto it = characters_.find(cp);
    return it == characters_.end() ? std::string_view() : it->second;
  }
  std::span<const std::string_view> alternates_of(char32_t cp) const {
    const auto it = alternates_.find(cp);
    return it == alternates_.end() ? std::span<const std::string_view>() : it->second;
  }

 private:
  // The phrases are runs of [head, entry × n]. The keys are their code points, copied into
  // phrase_text_ first, so that no view moves when the map is filled.
  static std::size_t length_of(std::uint32_t head) { return head & ((1u << phrase_length_bits) - 1); }

  void index_phrases() {
    const std::span<const std::uint32_t> table = tables_.phrases;
    for (std::size_t i = 0; i < table.size(); i += length_of(table[i]) + 1) {
      for (const std::uint32_t e : table.subspan(i + 1, length_of(table[i]))) phrase_text_.push_back(code_point_of(e));
    }
    phrases_.reserve(table.size() / 4);
    std::size_t text_at = 0;
    for (std::size_t i = 0; i < table.size(); i += length_of(table[i]) + 1) {
      const std::size_t n = length_of(table[i]);
      phrases_.emplace(std::u32string_view(phrase_text_).substr(text_at, n),
                       Phrase{table[i] >> phrase_length_bits, table.subspan(i + 1, n)});
      text_at += n;
      longest_ = std::max(longest_, n);
    }
  }

  PinyinTables tables_;
  std::optional<Error> error_;
  std::vector<std::string_view> syllables_;
  std::unordered_map<char32_t, std::string_view> characters_;
  std::unordered_map<char32_t, std::vector<std::string_view>> alternates_;
  std::u32string phrase_text_;
  std::unordered_map<std::u32string_view, Phrase> phrases_;
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

// The tables while someone may need them; release_pinyin() lets them go (about 26 MB), and the
// next call reads them again from the cache. A call holds its own reference, so a release while
// another thread reads frees nothing under it.
std::mutex readings_mutex;
std::shared_ptr<const Readings> readings_now;

std::shared_ptr<const Readings> readings() {
  std::lock_guard lock(readings_mutex);
  if (!readings_now) readings_now = std::make_shared<const Readings>(load_tables());
  return readings_now;
}

// A Latin letter or digit, ASCII or fullwidth (Ａ, ３), as its lower-case ASCII; 0 for anything else.
char latin_of(char32_t cp) {
  if (cp >= U'\uFF01' && cp <= U'\uFF5E') cp -= 0xFEE0;  // the fullwidth block mirrors ASCII ! to ~
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return static_cast<char>(cp);
  return 0;
}

}  // namespace

void release_pinyin() {
  std::lock_guard lock(readings_mutex);
  readings_now.reset();
}

Result<void> pinyin_ready() {
  if (const auto& e = readings()->error()) return std::unexpected(*e);
  return {};
}

// The text cut into the fewest pieces (a piece is a kept phrase or one character), and among cuts
// as few, the one whose phrases are the most frequent; a tie goes to the longer first piece.
// Greedy longest match misread 百岁老人长寿: 人长 (ren zhang) took 长 before 长寿 was looked at.
std::vector<std::string> pinyin_of(std::string_view utf8_text) {
  const auto held = readings();
  const Readings& r = *held;
  const std::vector<char32_t> decoded = utf8::decode(utf8_text);  // invalid bytes become U+FFFD
  const std::u32string_view text(decoded.data(), decoded.size());
  const std::size_t n = text.size();
  struct Best {
    std::size_t pieces = 0;
    std::uint64_t freq = 0;
    std::size_t length = 1;
    const Readings::Phrase* phrase = nullptr;
  };
  std::vector<Best> best(n + 1);  // best[i]: the best cut of text[i..]
  for (std::size_t i = n; i-- > 0;) {
    Best b{best[i + 1].pieces + 1, best[i + 1].freq, 1, nullptr};
    for (std::size_t len = 2; len <= std::min(r.longest(), n - i); ++len) {
      const auto* p = r.phrase(text.substr(i, len));
      if (p == nullptr) continue;
      const Best c{best[i + len].pieces + 1, best[i + len].freq + p->freq, len, p};
      if (c.pieces < b.pieces || (c.pieces == b.pieces && c.freq >= b.freq)) b = c;
    }
    best[i] = b;
  }
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; i += best[i].length) {
    if (const auto* p = best[i].phrase) {
      for (const std::uint32_t e : p->entries) out.emplace_back(r.syllable(e));
    } else if (const char latin = latin_of(text[i]); latin != 0) {
      out.emplace_back(1, latin);
    } else {
      out.emplace_back(r.of_character(text[i]));
    }
  }
  return out;
}

std::vector<std::string> readings_of(char32_t code_point) {
  std::vector<std::string> out;
  const auto r = readings();
  if (const auto d = r->of_character(code_point); !d.empty()) out.emplace_back(d);
  for (const auto s : r->alternates_of(code_point)) out.emplace_back(s);
  return out;
}

}  // namespace hall::search
