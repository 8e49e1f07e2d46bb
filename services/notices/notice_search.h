// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a visitor can find a notice by at the kiosk's search: its title (汉字, pinyin, initials, the
// English title) and its 文号, whose initials keep their digits whole so "ajbf2023" finds
// 安居办发〔2023〕1号. The guides' index underneath, keyed by notice id; built off the UI thread
// (pinyin), queried on every keystroke.
#include <string>
#include <string_view>
#include <vector>

#include "notices/notice.h"
#include "search/search_index.h"

namespace hall::notices {

struct NoticeHit {
  std::string notice_id;
  search::MatchRank rank;
};

// The terms of one notice, in the guides' vocabulary: the title as the name, the 文号 as a keyword.
std::vector<search::SearchTerm> notice_search_terms(const Notice& n);
// "ajbf20231h" for "an ju ban fa 2023 1 hao": each syllable's initial, a run of digits whole.
std::string doc_no_initials(std::string_view spaced_pinyin);

class NoticeSearch {
 public:
  NoticeSearch() = default;
  explicit NoticeSearch(const std::vector<Notice>& notices);

  // Best first, at most `limit`; an empty or unusable query finds nothing.
  std::vector<NoticeHit> query(std::string_view typed, std::size_t limit = 50) const;
  std::size_t size() const { return index_.guide_count(); }

 private:
  search::SearchIndex index_;
};

}  // namespace hall::notices
