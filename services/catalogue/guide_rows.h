// SPDX-License-Identifier: Apache-2.0
#pragma once
// The rows a stored guide version owns besides its guide_versions row. Written at import and by
// the schema steps that introduced them (backfilling guides stored before).
#include "catalogue/guide.h"
#include "common/error.h"
#include "search/search_terms.h"
#include "storage/sqlite.h"

namespace hall::catalogue {

Result<void> insert_material_rows(storage::Database& db, const Guide& g);     // schema v2 on
Result<void> insert_search_term_rows(storage::Database& db, const Guide& g);  // schema v3 on

// The same, through statements prepared once for many guides: a first sync of 10,000 guides
// prepares each statement once instead of once per guide.
struct GuideRowStatements {
  storage::Statement material, term;
  static Result<GuideRowStatements> prepare(storage::Database& db);
};
Result<void> insert_material_rows(storage::Statement& material, const Guide& g);
Result<void> insert_search_term_rows(storage::Statement& term, const Guide& g,
                                     const std::vector<search::SearchTerm>& terms);

}  // namespace hall::catalogue
