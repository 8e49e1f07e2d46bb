// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a guide can be found by: its name, keywords and FAQ with their pinyin and initials.
// Computed once, at import, and stored with the guide version.
#include <vector>

#include "catalogue/guide.h"
#include "search/search_terms.h"

namespace hall::catalogue {

std::vector<search::SearchTerm> search_terms_for(const Guide& guide);

}  // namespace hall::catalogue
