// SPDX-License-Identifier: Apache-2.0
// Derives the reading tables from Debian's pinyin-database (SQLite, /usr/share/pinyin-database/main.db)
// at run time, so no GPL data is compiled into the binaries; search/pinyin.cpp calls it at first use.
//
// What it keeps:
// - every character's default reading: the reading most of the database's two-character words use,
//   ties broken by the single-character frequency (rows with freq 0 are rare readings and only
//   count when a character has nothing else). The raw single-character freq alone reads 称 chen,
//   弹 tan, 露 lou and ties 行 hang/xing; the words read them cheng, dan, lu, xing.
// - a character's other readings with freq > 0 (长 zhang beside chang): a visitor may type either,
//   so search indexes them too, ranked below the reading in context.
// - the phrases (2..kMaxPhraseLength characters) that hold such a polyphone or read otherwise than
//   the defaults, with their freq. Search/pinyin.cpp segments a whole text into the fewest phrases
//   (then the most frequent), so a phrase that reads like the defaults still matters: 长寿 must be
//   there to win 长 from 人长 in 百岁老人长寿补贴. Phrases of plain characters are left out: however
//   they are cut, they read the same.
#include "search/pinyin_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "common/error.h"
#include "common/utf8.h"

namespace hall::search {
namespace {

constexpr std::size_t kMaxPhraseLength = 6;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr std::size_t kMinCharacters = 10000;

// The database stores a syllable as an initial id (s0, s1, ...) and a final id (y0, y1, ...).
// Decoded from the data itself: 居 is (8, 47) "j"+"u", 绿 (10, 56) "l"+"v", 略 (10, 52) "l"+"ue".
constexpr std::string_view kInitials[] = {"",  "b", "c", "ch", "d", "f",  "g", "h", "j", "k", "l", "m",
                                          "n", "p", "q", "r",  "s", "sh", "t", "w", "x", "y", "z", "zh"};
constexpr int kFirstFinalId = 24;
constexpr std::string_view kFinals[] = {"a",  "ai",  "an",   "ang", "ao",  "e",    "ei",  "en",   "eng", "er", "i",
                                        "ia", "ian", "iang", "iao", "ie",  "in",   "ing", "iong", "iu",  "o",  "ong",
                                        "ou", "u",   "ua",   "uai", "uan", "uang", "ue",  "ui",   "un",  "uo", "v"};

// Corrections on top of the database, each for a reading the hall's texts need and the data gets
// wrong. Kept to what a test names.
struct PhraseCorrection {
  std::string_view phrase;
  std::vector<std::string_view> reading;
};
// The district and city: main.db reads 朝阳 (and 朝阳医院, 朝阳公园 ...) as zhao yang, "morning sun",
// yet reads 朝阳区 chao yang; in a service hall it is the place. 给付 (benefits paid, as in the item
// type 行政给付) is jǐfù in the dictionaries; main.db reads it gei fu. Applied wherever the phrase occurs.
const PhraseCorrection kPhraseCorrections[] = {{"朝阳", {"chao", "yang"}}, {"给付", {"ji", "fu"}}};
// Standalone 薄 is báo (thin); the words favour bó (薄弱, 单薄), which stay phrases in the table.
constexpr std::pair<std::string_view, std::string_view> kDefaultCorrections[] = {{"薄", "bao"}};

using SyllableId = std::uint16_t;
constexpr SyllableId kNoReading = 0xFFFF;
using Reading = std::vector<SyllableId>;

class Syllables {
 public:
  SyllableId intern(std::string_view s) {
    const auto [it, added] = ids_.try_emplace(std::string(s), static_cast<SyllableId>(names_.size()));
    if (added) names_.push_back(it->first);
    return it->second;
  }
  const std::string& name(SyllableId id) const { return names_.at(id); }

 private:
  std::unordered_map<std::string, SyllableId> ids_;
  std::vector<std::string> names_;
};

struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

Result<Db> open_db(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    return fail(ErrorCode::not_found,
                path.string() + " not found: install Debian's pinyin-database (apt-get install pinyin-database)");
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return fail(ErrorCode::io, path.string() + ": " + sqlite3_errstr(rc));
  return db;
}

// One row of py_phrase_N: the phrase's code points, its freq and one syllable per code point.
struct Row {
  std::u32string text;
  int freq = 0;
  Reading reading;
};

class RowReader {
 public:
  // Rows of py_phrase_{length-1}; rows with unknown ids or a text of another length are skipped.
  static Result<RowReader> open(sqlite3* db, std::size_t length) {
    std::string sql = "SELECT phrase, freq";
    for (std::size_t i = 0; i < length; ++i) sql += ", s" + std::to_string(i) + ", y" + std::to_string(i);
    sql += " FROM py_phrase_" + std::to_string(length - 1) + " ORDER BY rowid";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      return fail(ErrorCode::corrupt, db_name(db) + ": " + sqlite3_errmsg(db) + " in \"" + sql + "\"");
    }
    return RowReader(Stmt(raw), length);
  }

  // The next usable row, or false at the end or on an error; finish() tells which.
  bool next(Row& row, Syllables& syllables) {
    while ((rc_ = sqlite3_step(st_.get())) == SQLITE_ROW) {
      if (decode(row, syllables)) return true;
      ++skipped_;
    }
    return false;
  }
  Result<void> finish() const {
    if (rc_ == SQLITE_DONE) return {};
    sqlite3* db = sqlite3_db_handle(st_.get());
    return fail(ErrorCode::io,
                db_name(db) + ": " + sqlite3_errmsg(db) + " reading py_phrase_" + std::to_string(length_ - 1));
  }
  std::size_t skipped() const { return skipped_; }

 private:
  RowReader(Stmt st, std::size_t length) : st_(std::move(st)), length_(length) {}

  static std::string db_name(sqlite3* db) {
    const char* name = sqlite3_db_filename(db, "main");
    return name != nullptr ? name : "main.db";
  }

  bool decode(Row& row, Syllables& syllables) const {
    const auto* text = sqlite3_column_text(st_.get(), 0);
    if (text == nullptr) return false;
    const auto cps = utf8::decode(reinterpret_cast<const char*>(text));
    if (cps.size() != length_ || std::ranges::count(cps, U'\uFFFD') > 0) return false;
    row.text.assign(cps.begin(), cps.end());
    row.freq = sqlite3_column_int(st_.get(), 1);
    row.reading.clear();
    for (std::size_t i = 0; i < length_; ++i) {
      const int col = 2 + 2 * static_cast<int>(i);
      const int s = sqlite3_column_int(st_.get(), col);
      const int y = sqlite3_column_int(st_.get(), col + 1) - kFirstFinalId;
      if (s < 0 || s >= std::ssize(kInitials) || y < 0 || y >= std::ssize(kFinals)) return false;
      const auto initial = kInitials[static_cast<std::size_t>(s)];
      row.reading.push_back(syllables.intern(std::string(initial) + std::string(kFinals[static_cast<std::size_t>(y)])));
    }
    return true;
  }

  Stmt st_;
  std::size_t length_;
  int rc_ = SQLITE_OK;
  std::size_t skipped_ = 0;
};

using Defaults = std::unordered_map<char32_t, SyllableId>;
struct KeptPhrase {
  Reading reading;
  int freq = 0;
};
using PhraseTable = std::unordered_map<std::u32string, KeptPhrase>;

struct Tables {
  Syllables syllables;
  Defaults defaults;
  std::unordered_map<char32_t, std::vector<SyllableId>> alternates;
  PhraseTable phrases;
  std::size_t skipped_rows = 0;
};

// Per character and reading: the best single-character freq and how many two-character words use it.
struct CharEvidence {
  std::map<SyllableId, int> single_freq;
  std::map<SyllableId, int> word_count;
};

Result<std::unordered_map<char32_t, CharEvidence>> read_evidence(sqlite3* db, Tables& t) {
  std::unordered_map<char32_t, CharEvidence> evidence;
  Row row;
  auto singles = RowReader::open(db, 1);
  if (!singles) return std::unexpected(singles.error());
  while (singles->next(row, t.syllables)) {
    auto& best = evidence[row.text[0]].single_freq[row.reading[0]];
    best = std::max(best, row.freq);
  }
  if (auto ok = singles->finish(); !ok) return std::unexpected(ok.error());
  auto words = RowReader::open(db, 2);
  if (!words) return std::unexpected(words.error());
  while (words->next(row, t.syllables)) {
    for (std::size_t i = 0; i < 2; ++i) ++evidence[row.text[i]].word_count[row.reading[i]];
  }
  if (auto ok = words->finish(); !ok) return std::unexpected(ok.error());
  t.skipped_rows += singles->skipped() + words->skipped();
  return evidence;
}

SyllableId choose_default(const CharEvidence& e, const Syllables& syllables) {
  // Candidates: the character's readings with freq > 0, else any of its readings, else its words'.
  std::map<SyllableId, int> candidates;
  for (const auto& [id, freq] : e.single_freq) {
    if (freq > 0) candidates[id] = freq;
  }
  if (candidates.empty()) candidates = e.single_freq;
  if (candidates.empty()) {
    for (const auto& [id, count] : e.word_count) candidates[id] = 0;
  }
  // Words, then freq, then the alphabetically first syllable, so that no order of rows matters.
  const auto key = [&](SyllableId id) {
    const auto words = e.word_count.find(id);
    return std::tuple(words == e.word_count.end() ? 0 : words->second, candidates.at(id));
  };
  const auto better = [&](SyllableId a, SyllableId b) {
    return key(a) > key(b) || (key(a) == key(b) && syllables.name(a) < syllables.name(b));
  };
  SyllableId best = kNoReading;
  for (const auto& [id, freq] : candidates) {
    if (best == kNoReading || better(id, best)) best = id;
  }
  return best;
}

char32_t single_code_point(std::string_view utf8) {
  const auto cps = utf8::decode(utf8);
  if (cps.size() != 1) throw std::logic_error("a correction names one character: " + std::string(utf8));
  return cps[0];
}

Result<void> read_defaults(sqlite3* db, Tables& t) {
  auto evidence = read_evidence(db, t);
  if (!evidence) return std::unexpected(evidence.error());
  for (const auto& [cp, e] : *evidence) {
    const SyllableId id = choose_default(e, t.syllables);
    if (id != kNoReading) t.defaults[cp] = id;
  }
  const auto defaults_read = t.defaults.size();
  // Debian's database reads about 25,000 characters; far fewer means another or a damaged file.
  if (defaults_read < kMinCharacters) {
    return fail(ErrorCode::corrupt,
                "main.db reads only " + std::to_string(defaults_read) + " characters: is it Debian's pinyin-database?");
  }
  for (const auto& [ch, syllable] : kDefaultCorrections) {
    t.defaults[single_code_point(ch)] = t.syllables.intern(syllable);
  }
  // After the corrections, so that 薄 keeps bo as its other reading.
  for (const auto& [cp, e] : *evidence) {
    const auto d = t.defaults.find(cp);
    for (const auto& [id, freq] : e.single_freq) {
      if (freq > 0 && (d == t.defaults.end() || d->second != id)) t.alternates[cp].push_back(id);
    }
  }
  return {};
}

void apply_corrections(Row& row, Syllables& syllables) {
  for (const auto& c : kPhraseCorrections) {
    const auto cps = utf8::decode(c.phrase);
    const std::u32string_view needle(cps.data(), cps.size());
    for (auto at = row.text.find(needle); at != std::u32string::npos; at = row.text.find(needle, at + 1)) {
      for (std::size_t k = 0; k < cps.size(); ++k) row.reading[at + k] = syllables.intern(c.reading[k]);
    }
  }
}

// The reading of every phrase of one length: the most frequent row, then the one closest to the
// defaults (fewer phrases to keep), then the first in rowid order.
Result<std::map<std::u32string, Row>> read_phrases(sqlite3* db, std::size_t length, Tables& t) {
  std::map<std::u32string, Row> best;
  const auto matches_defaults = [&](const Row& r) {
    int n = 0;
    for (std::size_t i = 0; i < r.text.size(); ++i) {
      const auto d = t.defaults.find(r.text[i]);
      n += d != t.defaults.end() && d->second == r.reading[i];
    }
    return n;
  };
  const auto key = [&](const Row& r) { return std::tuple(r.freq, matches_defaults(r)); };
  auto reader = RowReader::open(db, length);
  if (!reader) return std::unexpected(reader.error());
  Row row;
  while (reader->next(row, t.syllables)) {
    apply_corrections(row, t.syllables);
    const auto [it, added] = best.try_emplace(row.text, row);
    if (!added && key(row) > key(it->second)) it->second = row;
  }
  if (auto ok = reader->finish(); !ok) return std::unexpected(ok.error());
  t.skipped_rows += reader->skipped();
  for (const auto& c : kPhraseCorrections) {
    const auto cps = utf8::decode(c.phrase);
    if (cps.size() != length) continue;
    Row r{std::u32string(cps.begin(), cps.end()), 0, {}};
    for (const auto s : c.reading) r.reading.push_back(t.syllables.intern(s));
    best.try_emplace(r.text, r);
  }
  return best;
}

// Whether reading `row` could go wrong without it: it holds a polyphone, or it reads a character
// otherwise than its default.
bool worth_keeping(const Row& row, const Tables& t) {
  for (std::size_t i = 0; i < row.text.size(); ++i) {
    if (t.alternates.contains(row.text[i])) return true;
    const auto d = t.defaults.find(row.text[i]);
    if (d == t.defaults.end() || d->second != row.reading[i]) return true;
  }
  return false;
}

Result<Tables> build_tables(sqlite3* db) {
  Tables t;
  if (auto ok = read_defaults(db, t); !ok) return std::unexpected(ok.error());
  for (std::size_t length = 2; length <= kMaxPhraseLength; ++length) {
    auto phrases = read_phrases(db, length, t);
    if (!phrases) return std::unexpected(phrases.error());
    for (auto& [text, row] : *phrases) {
      if (worth_keeping(row, t)) t.phrases.emplace(text, KeptPhrase{std::move(row.reading), row.freq});
    }
  }
  return t;
}

}  // namespace

Result<PinyinTables> derive_pinyin_tables(const std::string& db_path) {
  auto db = open_db(db_path);
  if (!db) return std::unexpected(db.error());
  auto t = build_tables(db->get());
  if (!t) return std::unexpected(t.error());
  // Syllable ids in alphabetical order, only those used, so the tables do not depend on row order.
  std::map<std::string, SyllableId> used;
  for (const auto& [cp, id] : t->defaults) used.emplace(t->syllables.name(id), 0);
  for (const auto& [cp, ids] : t->alternates) {
    for (const auto id : ids) used.emplace(t->syllables.name(id), 0);
  }
  for (const auto& [text, kept] : t->phrases) {
    for (const auto id : kept.reading) used.emplace(t->syllables.name(id), 0);
  }
  if (used.size() >= (1u << syllable_bits))
    return fail(ErrorCode::corrupt, db_path + ": too many syllables for 9 bits");
  PinyinTables out;
  for (auto& [name, id] : used) {
    id = static_cast<SyllableId>(out.syllables.size());
    out.syllables.push_back(name);
  }
  const auto entry = [&](char32_t cp, SyllableId old) {
    return (static_cast<std::uint32_t>(cp) << syllable_bits) | used.at(t->syllables.name(old));
  };
  const std::map<char32_t, SyllableId> chars(t->defaults.begin(), t->defaults.end());
  for (const auto& [cp, id] : chars) {
    if (cp > kMaxCodePoint) return fail(ErrorCode::corrupt, db_path + ": code point out of range");
    out.characters.push_back(entry(cp, id));
  }
  const std::map<char32_t, std::vector<SyllableId>> alternates(t->alternates.begin(), t->alternates.end());
  for (const auto& [cp, ids] : alternates) {
    std::vector<std::uint32_t> entries;
    for (const auto id : ids) entries.push_back(entry(cp, id));
    std::ranges::sort(entries);
    out.alternates.insert(out.alternates.end(), entries.begin(), entries.end());
  }
  constexpr std::uint32_t max_freq = (1u << (32 - phrase_length_bits)) - 1;
  const std::map<std::u32string, KeptPhrase> phrases(t->phrases.begin(), t->phrases.end());
  for (const auto& [text, kept] : phrases) {
    const auto freq = std::min(static_cast<std::uint32_t>(std::max(kept.freq, 0)), max_freq);
    out.phrases.push_back((freq << phrase_length_bits) | static_cast<std::uint32_t>(text.size()));
    for (std::size_t i = 0; i < text.size(); ++i) out.phrases.push_back(entry(text[i], kept.reading[i]));
  }
  return out;
}

}  // namespace hall::search
