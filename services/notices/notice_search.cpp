// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_search.h"

#include <cctype>

namespace hall::notices {

std::string doc_no_initials(std::string_view spaced) {
  std::string out;
  bool at_start = true, digits = false;
  for (const char c : spaced) {
    if (c == ' ') {
      at_start = true;
      continue;
    }
    if (at_start) digits = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (at_start || digits) out += c;
    at_start = false;
  }
  return out;
}

std::vector<search::SearchTerm> notice_search_terms(const Notice& n) {
  using search::TermKind;
  std::vector<search::SearchTerm> terms;
  terms.push_back({TermKind::name, search::normalise_query(n.title.zh)});
  if (std::string spaced = search::spaced_pinyin(n.title.zh); !spaced.empty()) {
    terms.push_back({TermKind::name_initials, search::initials_of(spaced)});
    terms.push_back({TermKind::name_pinyin, std::move(spaced)});
  }
  if (!n.doc_no.empty()) {
    terms.push_back({TermKind::keyword, search::normalise_query(n.doc_no)});
    if (std::string spaced = search::spaced_pinyin(n.doc_no); !spaced.empty()) {
      terms.push_back({TermKind::keyword_initials, doc_no_initials(spaced)});
      terms.push_back({TermKind::keyword_pinyin, std::move(spaced)});
    }
  }
  if (std::string words = search::spaced_words(n.title.en); !words.empty()) {
    terms.push_back({TermKind::english, std::move(words)});
  }
  return terms;
}

NoticeSearch::NoticeSearch(const std::vector<Notice>& notices) {
  std::vector<search::IndexEntry> entries;
  entries.reserve(notices.size());
  for (const auto& n : notices) entries.push_back({n.id, n.title.zh, notice_search_terms(n)});
  index_ = search::SearchIndex(std::move(entries));
}

std::vector<NoticeHit> NoticeSearch::query(std::string_view typed, std::size_t limit) const {
  std::vector<NoticeHit> out;
  for (auto& hit : index_.query(typed, limit)) out.push_back({std::move(hit.guide_id), hit.rank});
  return out;
}

}  // namespace hall::notices
