// SPDX-License-Identifier: Apache-2.0
#include "search/search_terms.h"

#include <cctype>

#include "common/utf8.h"
#include "search/pinyin.h"

namespace hall::search {

namespace {

std::string join_syllables(const std::vector<char32_t>& code_points, const std::vector<std::string>& syllables) {
  std::string out;
  bool in_ascii_run = false;
  for (std::size_t i = 0; i < syllables.size() && i < code_points.size(); ++i) {
    if (syllables[i].empty()) {
      in_ascii_run = false;
      continue;
    }
    // Letters and digits of one Latin word stay one "syllable" ("CT" in CT检查 reads "ct").
    const bool ascii = code_points[i] < 0x80;
    if (!(ascii && in_ascii_run) && !out.empty()) out += ' ';
    out += syllables[i];
    in_ascii_run = ascii;
  }
  return out;
}

}  // namespace

std::string spaced_pinyin(std::string_view text) {
  return join_syllables(utf8::decode(text), pinyin_of(text));
}

std::vector<std::string> other_spaced_pinyin(std::string_view text, std::size_t limit) {
  const auto code_points = utf8::decode(text);
  auto syllables = pinyin_of(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < syllables.size() && i < code_points.size() && out.size() < limit; ++i) {
    if (syllables[i].empty() || code_points[i] < 0x80) continue;
    const std::string in_context = syllables[i];
    for (const auto& other : readings_of(code_points[i])) {
      if (other == in_context || out.size() >= limit) continue;
      syllables[i] = other;
      out.push_back(join_syllables(code_points, syllables));
    }
    syllables[i] = in_context;
  }
  return out;
}

std::string initials_of(std::string_view spaced) {
  std::string out;
  bool at_start = true;
  for (const char c : spaced) {
    if (c == ' ') {
      at_start = true;
    } else if (at_start) {
      out += c;
      at_start = false;
    }
  }
  return out;
}

std::string spaced_words(std::string_view english) {
  std::string out;
  bool in_word = false;
  for (char c : english) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\'') continue;
    const bool word_char = std::isalnum(byte) || byte >= 0x80;  // non-ASCII stays inside its word
    if (!word_char) {
      in_word = false;
      continue;
    }
    if (!in_word && !out.empty()) out += ' ';
    in_word = true;
    out += static_cast<char>(std::tolower(byte));
  }
  return out;
}

std::string normalise_query(std::string_view query) {
  std::string out;
  for (char32_t cp : utf8::decode(query)) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII forms
    // A hyphen joins words like a space does: "old-age" and "old age" are typed for the same thing.
    if (cp == ' ' || cp == 0x3000 || cp == '\'' || cp == '-' || cp == 0xFFFD || utf8::is_control(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    utf8::append(out, cp);
  }
  return out;
}
}  // namespace hall::search
