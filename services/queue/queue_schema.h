// SPDX-License-Identifier: Apache-2.0
#pragma once
// queue.db: tickets, the day's counters, windows, events, idempotency keys, devices, staff,
// sessions, the audit log, print outcomes and reprint requests, in one SQLite file (WAL, synchronous=FULL), versioned by user_version.
#include <string>

#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::queue {

inline constexpr int queue_schema_version = 2;  // 2: print outcomes and reprint requests

// Opens (creating) the file and brings its schema up to date, each step in its own transaction.
Result<storage::Database> open_queue_db(const std::string& path);

}  // namespace hall::queue
