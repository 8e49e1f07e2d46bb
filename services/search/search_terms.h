// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a guide can be found by. Computed once, at import, and stored with the guide version, so
// loading a catalogue never runs the pinyin converter.
#include <string>
#include <vector>

namespace hall::search {

enum class TermKind : int {
  name = 0,           // 高龄津贴申领
  name_pinyin = 1,    // "gao ling jin tie shen ling" (syllables separated by one space)
  name_initials = 2,  // "gljtsl"
  keyword = 3,        // 老年证
  keyword_pinyin = 4,
  keyword_initials = 5,
  faq = 6,      // a question or an answer
  english = 7,  // "old age allowance" from name_en and keywords_en (words separated by one space)
  // A name or keyword read with another reading of one polyphone: "bai sui lao ren zhang shou ..."
  // beside the phrase table's "chang shou", so either finds it, ranked below the reading in context.
  other_pinyin = 8,
  other_initials = 9,
};

struct SearchTerm {
  TermKind kind;
  std::string text;
};

// "gao ling" for 高龄: syllables of the Han characters, ASCII letters and digits as they are.
std::string spaced_pinyin(std::string_view text);
std::string initials_of(std::string_view spaced_pinyin);
// spaced_pinyin() with one polyphone read otherwise, for each polyphone and each of its other
// readings, in text order; at most `limit`, so a name full of polyphones stays a few terms.
std::vector<std::string> other_spaced_pinyin(std::string_view text, std::size_t limit = 8);

// "old age allowance" for "Old-age Allowance": ASCII lower-cased, words split at anything but a
// letter or digit, apostrophes dropped ("residents'" is one word), so each word start is searchable.
std::string spaced_words(std::string_view english);

// What a visitor typed, made comparable: ASCII lower-cased, full-width forms folded, spaces,
// hyphens and apostrophes dropped.
std::string normalise_query(std::string_view query);

}  // namespace hall::search
