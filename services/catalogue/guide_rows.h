// SPDX-License-Identifier: Apache-2.0
#pragma once
// The rows a stored guide version owns besides its guide_versions row. Written at import and by
// the schema steps that introduced them (backfilling guides stored before).
#include "catalogue/guide.h"
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::catalogue {

Result<void> insert_material_rows(storage::Database& db, const Guide& g);     // schema v2 on
Result<void> insert_search_term_rows(storage::Database& db, const Guide& g);  // schema v3 on

}  // namespace hall::catalogue
