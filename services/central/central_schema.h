// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::central {

// Brings central.db up to `version` (PRAGMA user_version), one step per version, in one transaction.
Result<void> migrate_central(storage::Database& db, int version);

}  // namespace hall::central
