// Interim reader: looks readings up in Debian's pinyin-database at first use.
#include "search/pinyin.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

#include "common/utf8.h"

namespace hall::search {
namespace {

constexpr const char* initials[] = {"", "b", "c", "ch", "d", "f", "g", "h", "j", "k", "l", "m",
                                    "n", "p", "q", "r", "s", "sh", "t", "w", "x", "y", "z", "zh"};
constexpr const char* finals[] = {"a",  "ai",  "an", "ang", "ao", "e",   "ei",  "en",  "eng", "er", "i",  "ia",
                                  "ian", "iang", "iao", "ie", "in", "ing", "iong", "iu", "o",   "ong", "ou", "u",
                                  "ua", "uai", "uan", "uang", "ue", "ui", "un", "uo", "v"};

std::string syllable(int s, int y) {
  if (s < 0 || s > 23 || y < 24 || y > 56) return {};
  return std::string(initials[s]) + finals[y - 24];
}

struct Table {
  std::unordered_map<char32_t, std::string> chars;
  std::unordered_map<std::string, std::vector<std::string>> phrases;  // 2..4 characters
  std::size_t longest = 1;
};

void load(Table& t) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2("/usr/share/pinyin-database/main.db", &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return;
  }
  std::unordered_map<char32_t, int> best_freq;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT phrase, freq, s0, y0 FROM py_phrase_0", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    const auto cps = utf8::decode(p ? p : "");
    if (cps.size() != 1) continue;
    const int freq = sqlite3_column_int(st, 1);
    const auto found = best_freq.find(cps[0]);
    if (found != best_freq.end() && found->second >= freq) continue;
    const auto s = syllable(sqlite3_column_int(st, 2), sqlite3_column_int(st, 3));
    if (s.empty()) continue;
    best_freq[cps[0]] = freq;
    t.chars[cps[0]] = s;
  }
  sqlite3_finalize(st);
  for (int n = 1; n <= 3; ++n) {
    std::string sql = "SELECT phrase, freq";
    for (int i = 0; i <= n; ++i) sql += ", s" + std::to_string(i) + ", y" + std::to_string(i);
    sql += " FROM py_phrase_" + std::to_string(n) + " ORDER BY freq";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      if (!p) continue;
      const auto cps = utf8::decode(p);
      if (cps.size() != static_cast<std::size_t>(n + 1)) continue;
      std::vector<std::string> reading;
      bool differs = false, ok = true;
      for (int i = 0; i <= n && ok; ++i) {
        auto s = syllable(sqlite3_column_int(st, 2 + 2 * i), sqlite3_column_int(st, 3 + 2 * i));
        ok = !s.empty();
        const auto c = t.chars.find(cps[static_cast<std::size_t>(i)]);
        differs = differs || c == t.chars.end() || c->second != s;
        reading.push_back(std::move(s));
      }
      if (ok && differs) {
        t.phrases[p] = std::move(reading);  // rows come by rising freq: the most frequent wins
        t.longest = std::max(t.longest, static_cast<std::size_t>(n + 1));
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
}

const Table& table() {
  static Table t;
  static std::once_flag once;
  std::call_once(once, [] { load(t); });
  return t;
}

}  // namespace

std::vector<std::string> pinyin_of(std::string_view text) {
  const Table& t = table();
  const auto cps = utf8::decode(text);
  std::vector<std::string> out(cps.size());
  for (std::size_t i = 0; i < cps.size();) {
    bool matched = false;
    for (std::size_t len = std::min(t.longest, cps.size() - i); len >= 2 && !matched; --len) {
      std::string key;
      for (std::size_t k = i; k < i + len; ++k) utf8::append(key, cps[k]);
      const auto p = t.phrases.find(key);
      if (p == t.phrases.end()) continue;
      for (std::size_t k = 0; k < len; ++k) out[i + k] = p->second[k];
      i += len;
      matched = true;
    }
    if (matched) continue;
    const char32_t cp = cps[i];
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      out[i] = std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (const auto c = t.chars.find(cp); c != t.chars.end()) {
      out[i] = c->second;
    }
    ++i;
  }
  return out;
}

}  // namespace hall::search
