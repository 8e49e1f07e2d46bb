// SPDX-License-Identifier: Apache-2.0
#include "catalogue/guide_search_terms.h"

#include <algorithm>

namespace hall::catalogue {

std::vector<search::SearchTerm> search_terms_for(const Guide& guide) {
  std::vector<search::SearchTerm> terms;
  const auto add_with_pinyin = [&](const std::string& text, search::TermKind plain, search::TermKind py,
                                   search::TermKind initials) {
    terms.push_back({plain, search::normalise_query(text)});
    std::string spaced = search::spaced_pinyin(text);
    if (spaced.empty()) return;
    std::string own_initials = search::initials_of(spaced);
    auto others = search::other_spaced_pinyin(text);
    terms.push_back({initials, own_initials});
    terms.push_back({py, std::move(spaced)});
    // Other readings of its polyphones, after the reading in context (the index anchors them only up
    // to where they differ from it): 长寿 is typed zhangshou by some. Their initials only when they
    // differ (zs beside cs), so an unchanged initial adds no second, lower-ranked term.
    std::vector<std::string> other_initials;
    for (auto& other : others) {
      std::string i = search::initials_of(other);
      if (i != own_initials && std::find(other_initials.begin(), other_initials.end(), i) == other_initials.end()) {
        other_initials.push_back(i);
        terms.push_back({search::TermKind::other_initials, std::move(i)});
      }
      terms.push_back({search::TermKind::other_pinyin, std::move(other)});
    }
  };
  add_with_pinyin(guide.name, search::TermKind::name, search::TermKind::name_pinyin, search::TermKind::name_initials);
  for (const auto& k : guide.keywords) {
    add_with_pinyin(k, search::TermKind::keyword, search::TermKind::keyword_pinyin, search::TermKind::keyword_initials);
  }
  // English words, for a visitor who reads the kiosk in English ("pension", "allowance").
  const auto add_english = [&](const std::string& text) {
    std::string words = search::spaced_words(text);
    if (!words.empty()) terms.push_back({search::TermKind::english, std::move(words)});
  };
  add_english(guide.name_en);
  for (const auto& k : guide.keywords_en) add_english(k);
  for (const auto& f : guide.faq) {
    terms.push_back({search::TermKind::faq, search::normalise_query(f.q)});
    terms.push_back({search::TermKind::faq, search::normalise_query(f.a)});
  }
  return terms;
}

}  // namespace hall::catalogue
