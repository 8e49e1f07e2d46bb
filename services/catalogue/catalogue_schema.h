// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::catalogue {

// Brings a catalogue database from its user_version up to `target` (default: the newest), one
// step per transaction. Exposed so tests can build every earlier version and migrate from it.
Result<void> migrate_catalogue(storage::Database& db, int target);

}  // namespace hall::catalogue
