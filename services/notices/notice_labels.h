// SPDX-License-Identifier: Apache-2.0
#pragma once
// The format's own words, each with its JSON code and its Chinese and English label, in one table
// per vocabulary: the validator reads the codes, hallctl and (later) the kiosk's directory show
// the labels, and a test checks that every value has all three.
#include <optional>
#include <string_view>
#include <vector>

#include "notices/notice.h"

namespace hall::notices {

template <class E>
struct Term {
  E value;
  const char* code;  // as in the JSON: "policy"
  const char* zh;    // 政策文件
  const char* en;    // Policy document
};

const std::vector<Term<NoticeKind>>& notice_kinds();
const std::vector<Term<Disclosure>>& disclosures();
const std::vector<Term<Category>>& categories();
const std::vector<Term<StepStatus>>& step_statuses();
const std::vector<Term<ProposalType>>& proposal_types();
const std::vector<Term<Publication>>& publications();

template <class E>
const Term<E>& term_of(const std::vector<Term<E>>& table, E value) {
  for (const auto& t : table) {
    if (t.value == value) return t;
  }
  return table.front();  // unreachable while every table lists every value (tested)
}

inline const Term<NoticeKind>& term(NoticeKind k) {
  return term_of(notice_kinds(), k);
}
inline const Term<Disclosure>& term(Disclosure d) {
  return term_of(disclosures(), d);
}
inline const Term<Category>& term(Category c) {
  return term_of(categories(), c);
}
inline const Term<StepStatus>& term(StepStatus s) {
  return term_of(step_statuses(), s);
}
inline const Term<ProposalType>& term(ProposalType t) {
  return term_of(proposal_types(), t);
}
inline const Term<Publication>& term(Publication p) {
  return term_of(publications(), p);
}

}  // namespace hall::notices
