// SPDX-License-Identifier: Apache-2.0
#include "queue/idempotency.h"

namespace hall::queue {

Result<std::optional<IdempotentIssue>> find_idempotent(storage::Database& db, const std::string& device_id,
                                                       const std::string& key, const std::string& day) {
  auto st =
      db.prepare("SELECT request, ticket_id FROM idempotency_keys WHERE device_id = ?1 AND key = ?2 AND day = ?3");
  if (!st) return std::unexpected(st.error());
  st->bind(1, device_id).bind(2, key).bind(3, day);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<IdempotentIssue>{};
  return std::optional<IdempotentIssue>(IdempotentIssue{st->text(0), st->integer(1)});
}

Result<void> remember_idempotent(storage::Database& db, const std::string& device_id, const std::string& key,
                                 const std::string& day, const std::string& request_hash, std::int64_t ticket_id) {
  auto st =
      db.prepare("INSERT INTO idempotency_keys (device_id, key, day, request, ticket_id) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, device_id).bind(2, key).bind(3, day).bind(4, request_hash).bind(5, ticket_id).run();
}

}  // namespace hall::queue
