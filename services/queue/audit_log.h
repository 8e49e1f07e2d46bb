// SPDX-License-Identifier: Apache-2.0
#pragma once
// Who did what, where and when, and what came of it: every sign-in, refusal and counter action.
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct AuditEntry {
  std::int64_t id = 0;
  Instant at;
  std::string actor, window, action, outcome, detail;  // outcome: "ok" or the refusal's reason
};

Result<void> audit(storage::Database& db, const AuditEntry& entry);
Result<std::vector<AuditEntry>> audit_entries(storage::Database& db, std::int64_t after_id, int limit);

}  // namespace hall::queue
