// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tickets and windows as rows of queue.db. Every function runs inside the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "queue/ticket.h"
#include "storage/sqlite.h"

namespace hall::queue {

Result<std::optional<Ticket>> find_ticket(storage::Database& db, std::int64_t id);
Result<std::optional<Ticket>> find_ticket_by_token(storage::Database& db, const std::string& token);
Result<std::optional<Ticket>> find_ticket_by_number(storage::Database& db, const std::string& day,
                                                    const std::string& number);
// Inserts a new ticket and returns its id; `device_id` is kept for the audit, never shown.
Result<std::int64_t> insert_ticket(storage::Database& db, const Ticket& t, const std::string& device_id);
Result<void> save_ticket(storage::Database& db, const Ticket& t);
// The place of a ticket issued now: its issue time, or a millisecond after the day's last place, so
// no two tickets share a place and a re-activation always fits between two of them.
Result<double> next_issue_place(storage::Database& db, const std::string& day, Instant now);
// The longest-waiting ticket of one tier (priority or normal) that `window` may call on `day`: sent
// to it by a transfer, or of a group it serves (`groups` empty: a comprehensive window, all groups).
Result<std::optional<Ticket>> head_of_line(storage::Database& db, const std::string& day, const std::string& window,
                                           const std::vector<std::string>& groups, bool priority);
// Every waiting ticket, in place order.
Result<std::vector<Ticket>> waiting_tickets(storage::Database& db);
// Every ticket of a local day.
Result<std::vector<Ticket>> tickets_of_day(storage::Database& db, const std::string& day);
// The mean service time of the group's latest finished tickets (none finished: nullopt).
Result<std::optional<double>> mean_service_s(storage::Database& db, const std::string& group);

struct WindowRow {
  std::string id;
  bool paused = false;
  std::optional<std::int64_t> current_ticket;
  int priority_run = 0;
};

// The window's row, created (open, holding nothing) the first time it is asked for.
Result<WindowRow> load_window(storage::Database& db, const std::string& id);
Result<void> save_window(storage::Database& db, const WindowRow& w);

}  // namespace hall::queue
