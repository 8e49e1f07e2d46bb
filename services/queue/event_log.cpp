// SPDX-License-Identifier: Apache-2.0
#include "queue/event_log.h"

namespace hall::queue {

Result<std::int64_t> append_event(storage::Database& db, Instant at, const std::string& kind,
                                  const std::string& ticket_number, const std::string& window,
                                  const std::string& payload_json) {
  auto st = db.prepare("INSERT INTO events (at, kind, ticket_number, window_id, payload) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, at.time_since_epoch().count()).bind(2, kind).bind(3, ticket_number).bind(4, window).bind(5, payload_json);
  if (auto r = st->run(); !r) return std::unexpected(r.error());
  return db.last_insert_id();
}

Result<std::vector<QueueEvent>> events_after(storage::Database& db, std::int64_t after_id, int limit) {
  auto st = db.prepare(
      "SELECT id, at, kind, ticket_number, window_id, payload FROM events WHERE id > ?1 ORDER BY id LIMIT ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, after_id).bind(2, limit);
  std::vector<QueueEvent> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({row.integer(0), Instant{std::chrono::seconds{row.integer(1)}}, row.text(2), row.text(3),
                       row.text(4), row.text(5)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

}  // namespace hall::queue
