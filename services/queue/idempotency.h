// SPDX-License-Identifier: Apache-2.0
#pragma once
// Idempotency keys: a kiosk that retries after a timeout gets the ticket it already has. A key
// belongs to the device that sent it and is kept for the local day.
#include <cstdint>
#include <optional>
#include <string>

#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct IdempotentIssue {
  std::string request_hash;  // SHA-256 of the first request
  std::int64_t ticket_id = 0;
};

Result<std::optional<IdempotentIssue>> find_idempotent(storage::Database& db, const std::string& device_id,
                                                       const std::string& key, const std::string& day);
Result<void> remember_idempotent(storage::Database& db, const std::string& device_id, const std::string& key,
                                 const std::string& day, const std::string& request_hash, std::int64_t ticket_id);

}  // namespace hall::queue
