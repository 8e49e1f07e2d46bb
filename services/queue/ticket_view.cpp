// SPDX-License-Identifier: Apache-2.0
#include "queue/ticket_view.h"

#include "queue/ticket_store.h"
#include "queue/wait_estimate.h"

namespace hall::queue {

Result<int> waiting_in_group(storage::Database& db, const std::string& group, const std::string& day) {
  auto st = db.prepare("SELECT count(*) FROM tickets WHERE state = 'waiting' AND group_id = ?1 AND day = ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, group).bind(2, day);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return static_cast<int>(st->integer(0));
}

Result<int> open_windows_for(storage::Database& db, const HallConfig& hall, const std::string& group) {
  auto st = db.prepare("SELECT 1 FROM windows WHERE id = ?1 AND paused = 1");
  if (!st) return std::unexpected(st.error());
  int open = 0;
  for (const auto& w : hall.windows) {
    if (!w.serves(group)) continue;
    st->reset();
    auto row = st->bind(1, w.id).step();
    if (!row) return std::unexpected(row.error());
    open += *row ? 0 : 1;
  }
  return open;
}

Result<std::optional<int>> estimate_for_group(storage::Database& db, const HallConfig& hall, const std::string& group,
                                              int ahead) {
  auto open = open_windows_for(db, hall, group);
  if (!open) return std::unexpected(open.error());
  auto mean = mean_service_s(db, group);
  if (!mean) return std::unexpected(mean.error());
  return estimate_wait_s(ahead, *open, *mean);
}

Result<TicketView> make_view(storage::Database& db, const HallConfig& hall, const Ticket& t) {
  TicketView v{t, 0, std::nullopt, ""};
  if (t.state != TicketState::waiting) return v;
  auto st = db.prepare(
      "SELECT count(*) FROM tickets WHERE state = 'waiting' AND group_id = ?1 AND day = ?2 AND id != ?3 AND "
      "((priority IS NOT NULL AND ?4 = 0) OR ((priority IS NOT NULL) = (?4 = 1) AND (place < ?5 OR "
      "(place = ?5 AND id < ?3))))");
  if (!st) return std::unexpected(st.error());
  st->bind(1, t.group).bind(2, t.day).bind(3, t.id).bind(4, t.priority ? 1 : 0).bind(5, t.place);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  v.ahead = static_cast<int>(st->integer(0));
  auto estimate = estimate_for_group(db, hall, t.group, v.ahead);
  if (!estimate) return std::unexpected(estimate.error());
  v.estimated_wait_s = *estimate;
  return v;
}

}  // namespace hall::queue
