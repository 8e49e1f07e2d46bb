// SPDX-License-Identifier: Apache-2.0
#include "queue/audit_log.h"

namespace hall::queue {

Result<void> audit(storage::Database& db, const AuditEntry& e) {
  auto st = db.prepare(
      "INSERT INTO audit_log (at, actor, window_id, action, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, e.at.time_since_epoch().count()).bind(2, e.actor).bind(3, e.window).bind(4, e.action);
  return st->bind(5, e.outcome).bind(6, e.detail).run();
}

Result<std::vector<AuditEntry>> audit_entries(storage::Database& db, std::int64_t after_id, int limit) {
  auto st = db.prepare(
      "SELECT id, at, actor, window_id, action, outcome, detail FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, after_id).bind(2, limit);
  std::vector<AuditEntry> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({row.integer(0), Instant{std::chrono::seconds{row.integer(1)}}, row.text(2), row.text(3),
                       row.text(4), row.text(5), row.text(6)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

}  // namespace hall::queue
