// SPDX-License-Identifier: Apache-2.0
#pragma once
// The in-memory index a kiosk queries on every keystroke. Built from the terms stored at import;
// answers by binary search over anchored suffixes, so a query costs O(log n + matches).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/search_terms.h"

namespace hall::search {

// The order a person finds natural. A keyword is a colloquial name (低保, 医保, 老年证), so it ranks
// like the name; at the same rank a match in the name goes first.
enum class MatchRank : int {
  exact_name,      // the whole name or a whole keyword, in 汉字 or pinyin (低保, dibao)
  name_prefix,     // the start of a name or keyword (老年, gaol)
  whole_initials,  // every initial of a name or keyword (db for 低保)
  name_substring,  // inside a name or keyword, from a character or a syllable (yanglao)
  english,         // from a word start of the English name or keywords (pens)
  initials,        // the start of a name's or keyword's initials (gljt)
  inner_initials,  // inside the initials (zdcjr)
  other_reading,   // read with another reading of a polyphone (zhangshou for 长寿)
  faq,             // only mentioned in the FAQ
};

const char* to_string(MatchRank r);

struct SearchHit {
  std::string guide_id;
  MatchRank rank;
};

struct IndexEntry {
  std::string guide_id;
  std::string name;
  std::vector<SearchTerm> terms;  // other readings follow the term they vary (catalogue/guide_search_terms)
};

class SearchIndex {
 public:
  SearchIndex() = default;
  explicit SearchIndex(std::vector<IndexEntry> entries);

  // Best match per guide, best first; at one rank, the name before a keyword, then the shorter name. At most `limit`
  // hits.
  std::vector<SearchHit> query(std::string_view typed, std::size_t limit = 200) const;
  std::size_t guide_count() const { return guides_.size(); }
  // A guide's first term of `kind` ("gljtsl" for its initials), empty when it has none. Walks the
  // index: for an example on screen, once per catalogue, not per keystroke.
  std::string term_of(std::string_view guide_id, TermKind kind) const;

 private:
  struct GuideRef {
    std::string id;
    std::size_t name_length;
    std::string name;
  };
  struct Anchor {
    std::string_view suffix;  // from the anchor to the end of the term
    std::uint32_t guide;
    std::uint32_t term_length;  // bytes of the whole term, to tell an exact match
    TermKind kind;
    bool at_start;
  };
  struct FaqText {
    std::string_view text;
    std::uint32_t guide;
  };

  // `reading_in_context`: for another reading, the term it varies (its pinyin or initials), so that
  // only the starts up to the first difference are anchored; later starts would only find again
  // what the reading in context finds, and cost every keystroke.
  void add_term(std::uint32_t guide, const SearchTerm& term, std::string_view reading_in_context = {});
  static void collect_anchored(const std::vector<Anchor>& anchors, std::string_view q, std::vector<int>& best);
  void collect_faq(std::string_view q, std::vector<int>& best) const;

  std::vector<GuideRef> guides_;
  std::vector<std::unique_ptr<std::string>> texts_;  // owns what the views point into
  std::vector<Anchor> anchors_;                      // sorted by suffix
  // Anchors at the start of a term only: a single typed Latin letter means "starts with", and looking
  // at every inner position for it would touch most of the index on the first keystroke.
  std::vector<Anchor> start_anchors_;
  // Other readings of polyphones, apart: a single letter never looks at them (it would find every
  // name again that its reading in context finds), longer queries after the rest.
  std::vector<Anchor> other_anchors_;
  std::vector<FaqText> faq_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> faq_grams_;  // 1- and 2-code-point grams
};

}  // namespace hall::search
