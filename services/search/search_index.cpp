// SPDX-License-Identifier: Apache-2.0
#include "search/search_index.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "common/utf8.h"

namespace hall::search {
namespace {

std::uint64_t gram(char32_t a, char32_t b = 0) {
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// Terms stored as space-separated syllables or words: matching runs on the joined form, from a
// syllable or word start, so "pens" finds "basic pension insurance" but "sion" does not.
bool is_spaced(TermKind k) {
  return k == TermKind::name_pinyin || k == TermKind::keyword_pinyin || k == TermKind::english ||
         k == TermKind::other_pinyin;
}

// Byte offsets where a match may start: every code point, or (in pinyin) every syllable.
std::vector<std::size_t> anchor_offsets(std::string_view text, bool syllables_only) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // inside a code point
    if (syllables_only && i > 0 && text[i - 1] != ' ') continue;
    out.push_back(i);
  }
  return out;
}

bool is_keyword(TermKind kind) {
  return kind == TermKind::keyword || kind == TermKind::keyword_pinyin || kind == TermKind::keyword_initials;
}

MatchRank rank_of(TermKind kind, bool at_start, bool whole) {
  switch (kind) {
    case TermKind::name:
    case TermKind::name_pinyin:
    case TermKind::keyword:
    case TermKind::keyword_pinyin:
      if (at_start) return whole ? MatchRank::exact_name : MatchRank::name_prefix;
      return MatchRank::name_substring;
    case TermKind::english:
      return MatchRank::english;
    case TermKind::name_initials:
    case TermKind::keyword_initials:
      if (at_start) return whole ? MatchRank::whole_initials : MatchRank::initials;
      return MatchRank::inner_initials;
    case TermKind::other_pinyin:
    case TermKind::other_initials:
      return MatchRank::other_reading;
    case TermKind::faq:
      return MatchRank::faq;
  }
  return MatchRank::faq;
}

// What best[] holds per guide: the rank, and below it whether only a keyword matched.
int score_of(MatchRank rank, bool keyword) {
  return static_cast<int>(rank) * 2 + (keyword ? 1 : 0);
}
MatchRank rank_of_score(int score) {
  return static_cast<MatchRank>(score / 2);
}

}  // namespace

const char* to_string(MatchRank r) {
  switch (r) {
    case MatchRank::exact_name:
      return "exact name";
    case MatchRank::name_prefix:
      return "name prefix";
    case MatchRank::whole_initials:
      return "all initials";
    case MatchRank::name_substring:
      return "in name";
    case MatchRank::english:
      return "English";
    case MatchRank::initials:
      return "initials";
    case MatchRank::inner_initials:
      return "inside initials";
    case MatchRank::other_reading:
      return "other reading";
    case MatchRank::faq:
      return "faq";
  }
  return "?";
}

SearchIndex::SearchIndex(std::vector<IndexEntry> entries) {
  guides_.reserve(entries.size());
  for (auto& e : entries) {
    const auto g = static_cast<std::uint32_t>(guides_.size());
    guides_.push_back({std::move(e.guide_id), utf8::length(e.name), std::move(e.name)});
    std::string_view pinyin, initials;  // the latest reading in context, which other readings vary
    for (const auto& t : e.terms) {
      if (t.kind == TermKind::name_pinyin || t.kind == TermKind::keyword_pinyin) pinyin = t.text;
      if (t.kind == TermKind::name_initials || t.kind == TermKind::keyword_initials) initials = t.text;
      add_term(g, t, t.kind == TermKind::other_pinyin ? pinyin : t.kind == TermKind::other_initials ? initials : "");
    }
  }
  const auto by_suffix = [](const Anchor& a, const Anchor& b) { return a.suffix < b.suffix; };
  std::sort(anchors_.begin(), anchors_.end(), by_suffix);
  std::sort(other_anchors_.begin(), other_anchors_.end(), by_suffix);
  std::copy_if(anchors_.begin(), anchors_.end(), std::back_inserter(start_anchors_),
               [](const Anchor& a) { return a.at_start; });
}

std::string SearchIndex::term_of(std::string_view guide_id, TermKind kind) const {
  const auto g = std::find_if(guides_.begin(), guides_.end(), [&](const GuideRef& r) { return r.id == guide_id; });
  if (g == guides_.end()) return {};
  const auto index = static_cast<std::uint32_t>(g - guides_.begin());
  for (const auto* anchors : {&start_anchors_, &other_anchors_}) {
    for (const auto& a : *anchors) {
      if (a.guide == index && a.kind == kind && a.at_start) return std::string(a.suffix);
    }
  }
  return {};
}

void SearchIndex::add_term(std::uint32_t guide, const SearchTerm& term, std::string_view reading_in_context) {
  if (term.text.empty()) return;
  if (term.kind == TermKind::faq) {
    texts_.push_back(std::make_unique<std::string>(term.text));
    const std::string_view text = *texts_.back();
    const auto index = static_cast<std::uint32_t>(faq_.size());
    faq_.push_back({text, guide});
    const auto cps = utf8::decode(text);
    std::vector<std::uint64_t> grams;
    for (std::size_t i = 0; i < cps.size(); ++i) {
      grams.push_back(gram(cps[i]));
      if (i + 1 < cps.size()) grams.push_back(gram(cps[i], cps[i + 1]));
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    for (const auto g : grams) faq_grams_[g].push_back(index);
    return;
  }
  // Pinyin and English are stored spaced ("gao ling") to keep syllable and word starts.
  std::string joined;
  std::vector<std::size_t> offsets;
  if (is_spaced(term.kind)) {
    std::size_t syllable_start = 0;
    for (std::size_t i = 0; i <= term.text.size(); ++i) {
      if (i == term.text.size() || term.text[i] == ' ') {
        if (i > syllable_start) {
          offsets.push_back(joined.size());
          joined.append(term.text, syllable_start, i - syllable_start);
        }
        syllable_start = i + 1;
      }
    }
  } else {
    joined = term.text;
    offsets = anchor_offsets(joined, false);
  }
  // Another reading: anchored from its start up to the first byte where it differs.
  if (!reading_in_context.empty()) {
    const auto differs =
        std::mismatch(term.text.begin(), term.text.end(), reading_in_context.begin(), reading_in_context.end()).first -
        term.text.begin();
    const std::size_t last_start = std::count(term.text.begin(), term.text.begin() + differs, ' ');
    if (is_spaced(term.kind)) {
      if (offsets.size() > last_start + 1) offsets.resize(last_start + 1);
    } else {
      std::erase_if(offsets, [&](std::size_t off) { return off > static_cast<std::size_t>(differs); });
    }
  }
  texts_.push_back(std::make_unique<std::string>(std::move(joined)));
  const std::string_view text = *texts_.back();
  auto& into = reading_in_context.empty() ? anchors_ : other_anchors_;
  for (const std::size_t off : offsets) {
    into.push_back({text.substr(off), guide, static_cast<std::uint32_t>(text.size()), term.kind, off == 0});
  }
}

void SearchIndex::collect_anchored(const std::vector<Anchor>& anchors, std::string_view q, std::vector<int>& best) {
  auto it = std::lower_bound(anchors.begin(), anchors.end(), q,
                             [](const Anchor& a, std::string_view key) { return a.suffix < key; });
  for (; it != anchors.end() && it->suffix.starts_with(q); ++it) {
    const bool whole = it->at_start && it->term_length == q.size();
    const int score = score_of(rank_of(it->kind, it->at_start, whole), is_keyword(it->kind));
    int& slot = best[it->guide];
    slot = std::min(slot, score);
  }
}

void SearchIndex::collect_faq(std::string_view q, std::vector<int>& best) const {
  const auto cps = utf8::decode(q);
  if (cps.empty()) return;
  // The rarest gram of the query bounds the candidates to check.
  const std::vector<std::uint32_t>* candidates = nullptr;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const auto g = i + 1 < cps.size() ? gram(cps[i], cps[i + 1]) : gram(cps[i]);
    if (cps.size() > 1 && i + 1 == cps.size()) break;
    const auto found = faq_grams_.find(g);
    if (found == faq_grams_.end()) return;
    if (!candidates || found->second.size() < candidates->size()) candidates = &found->second;
  }
  if (!candidates) return;
  const int score = score_of(MatchRank::faq, false);
  for (const auto index : *candidates) {
    const auto& f = faq_[index];
    if (best[f.guide] <= score) continue;
    if (f.text.find(q) != std::string_view::npos) best[f.guide] = score;
  }
}

std::vector<SearchHit> SearchIndex::query(std::string_view typed, std::size_t limit) const {
  const std::string q = normalise_query(typed);
  std::vector<SearchHit> hits;
  if (q.empty() || guides_.empty()) return hits;
  constexpr int none = std::numeric_limits<int>::max();
  std::vector<int> best(guides_.size(), none);
  const bool one_letter = q.size() == 1;  // one ASCII byte; a single 汉字 still matches anywhere
  collect_anchored(one_letter ? start_anchors_ : anchors_, q, best);
  if (!one_letter) collect_anchored(other_anchors_, q, best);
  collect_faq(q, best);
  std::vector<std::uint32_t> found;
  for (std::uint32_t g = 0; g < best.size(); ++g) {
    if (best[g] != none) found.push_back(g);
  }
  const auto better = [&](std::uint32_t a, std::uint32_t b) {
    if (best[a] != best[b]) return best[a] < best[b];
    if (guides_[a].name_length != guides_[b].name_length) return guides_[a].name_length < guides_[b].name_length;
    return guides_[a].id < guides_[b].id;
  };
  const std::size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
  for (std::size_t i = 0; i < keep; ++i) {
    hits.push_back({guides_[found[i]].id, rank_of_score(best[found[i]])});
  }
  return hits;
}

}  // namespace hall::search
