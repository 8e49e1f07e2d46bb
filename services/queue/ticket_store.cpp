// SPDX-License-Identifier: Apache-2.0
#include "queue/ticket_store.h"

#include <algorithm>

#include "queue/wait_estimate.h"

namespace hall::queue {
namespace {

using storage::Statement;

constexpr const char* columns =
    "id, day, number, group_id, guide_id, priority, state, issued_at, called_at, first_called_at, started_at, "
    "finished_at, no_show_at, window_id, target_window, recalls, token, place, rating";

// "SELECT <columns> FROM tickets WHERE <where>", appended: g++ 12 at -O2 reports a chain of
// operator+ on temporaries here as out of bounds (-Warray-bounds, a false positive) once inlined.
std::string select_tickets_where(std::string_view where) {
  std::string sql = "SELECT ";
  sql.append(columns).append(" FROM tickets WHERE ").append(where);
  return sql;
}

std::optional<Instant> instant_or_none(const Statement& row, int column) {
  if (const auto v = row.optional_integer(column)) return Instant{std::chrono::seconds{*v}};
  return std::nullopt;
}

std::optional<std::int64_t> seconds_or_none(const std::optional<Instant>& t) {
  if (t) return t->time_since_epoch().count();
  return std::nullopt;
}

Ticket ticket_of(const Statement& row) {
  Ticket t;
  t.id = row.integer(0);
  t.day = row.text(1);
  t.number = row.text(2);
  t.group = row.text(3);
  t.guide_id = row.text(4);
  if (!row.is_null(5)) t.priority = row.text(5);
  t.state = ticket_state_of(row.text(6)).value_or(TicketState::cancelled);
  t.issued_at = Instant{std::chrono::seconds{row.integer(7)}};
  t.called_at = instant_or_none(row, 8);
  t.first_called_at = instant_or_none(row, 9);
  t.started_at = instant_or_none(row, 10);
  t.finished_at = instant_or_none(row, 11);
  t.no_show_at = instant_or_none(row, 12);
  t.window = row.text(13);
  t.target_window = row.text(14);
  t.recalls = static_cast<int>(row.integer(15));
  t.token = row.text(16);
  t.place = row.real(17);
  if (const auto r = row.optional_integer(18)) t.rating = static_cast<int>(*r);
  return t;
}

Result<std::vector<Ticket>> tickets_where(storage::Database& db, const std::string& where,
                                          const std::optional<std::string>& arg) {
  auto st = db.prepare(select_tickets_where(where));
  if (!st) return std::unexpected(st.error());
  if (arg) st->bind(1, *arg);
  std::vector<Ticket> out;
  if (auto r = st->each([&](const Statement& row) -> Result<void> {
        out.push_back(ticket_of(row));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<std::optional<Ticket>> one_ticket(Result<std::vector<Ticket>> found) {
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::optional<Ticket>{};
  return std::optional<Ticket>(std::move(found->front()));
}

}  // namespace

Result<std::optional<Ticket>> find_ticket(storage::Database& db, std::int64_t id) {
  return one_ticket(tickets_where(db, "id = ?1", std::to_string(id)));
}

Result<std::optional<Ticket>> find_ticket_by_token(storage::Database& db, const std::string& token) {
  return one_ticket(tickets_where(db, "token = ?1", token));
}

Result<std::optional<Ticket>> find_ticket_by_number(storage::Database& db, const std::string& day,
                                                    const std::string& number) {
  auto st = db.prepare(select_tickets_where("day = ?1 AND number = ?2"));
  if (!st) return std::unexpected(st.error());
  st->bind(1, day).bind(2, number);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<Ticket>{};
  return std::optional<Ticket>(ticket_of(*st));
}

Result<std::int64_t> insert_ticket(storage::Database& db, const Ticket& t, const std::string& device_id) {
  auto st = db.prepare(
      "INSERT INTO tickets (day, number, group_id, guide_id, priority, state, issued_at, token, place, device_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, t.day).bind(2, t.number).bind(3, t.group).bind(4, t.guide_id).bind(6, to_string(t.state));
  if (t.priority) st->bind(5, *t.priority);
  st->bind(7, t.issued_at.time_since_epoch().count()).bind(8, t.token).bind(9, t.place).bind(10, device_id);
  if (auto r = st->run(); !r) return std::unexpected(r.error());
  return db.last_insert_id();
}

Result<void> save_ticket(storage::Database& db, const Ticket& t) {
  auto st = db.prepare(
      "UPDATE tickets SET group_id = ?2, state = ?3, called_at = ?4, first_called_at = ?5, started_at = ?6, "
      "finished_at = ?7, no_show_at = ?8, window_id = ?9, target_window = ?10, recalls = ?11, place = ?12 "
      "WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, t.id).bind(2, t.group).bind(3, to_string(t.state)).bind(4, seconds_or_none(t.called_at));
  st->bind(5, seconds_or_none(t.first_called_at)).bind(6, seconds_or_none(t.started_at));
  st->bind(7, seconds_or_none(t.finished_at)).bind(8, seconds_or_none(t.no_show_at));
  st->bind(9, t.window).bind(10, t.target_window).bind(11, t.recalls).bind(12, t.place);
  return st->run();
}

Result<double> next_issue_place(storage::Database& db, const std::string& day, Instant now) {
  auto st = db.prepare("SELECT MAX(place) FROM tickets WHERE day = ?1");
  if (!st) return std::unexpected(st.error());
  auto row = st->bind(1, day).step();
  if (!row) return std::unexpected(row.error());
  const double at = static_cast<double>(now.time_since_epoch().count());
  if (st->is_null(0)) return at;
  return std::max(at, st->real(0) + 1e-3);
}

Result<std::optional<Ticket>> head_of_line(storage::Database& db, const std::string& day, const std::string& window,
                                           const std::vector<std::string>& groups, bool priority) {
  std::string sql = select_tickets_where("state = 'waiting' AND day = ?1 AND ");
  sql.append(priority ? "priority IS NOT NULL" : "priority IS NULL").append(" AND (target_window = ?2 OR (target_window = ''");
  if (!groups.empty()) {
    sql += " AND group_id IN (";
    for (std::size_t i = 0; i < groups.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(i + 3);
    sql += ")";
  }
  sql += ")) ORDER BY place, id LIMIT 1";
  auto st = db.prepare(sql);
  if (!st) return std::unexpected(st.error());
  st->bind(1, day).bind(2, window);
  for (std::size_t i = 0; i < groups.size(); ++i) st->bind(static_cast<int>(i + 3), groups[i]);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<Ticket>{};
  return std::optional<Ticket>(ticket_of(*st));
}

Result<std::vector<Ticket>> waiting_tickets(storage::Database& db) {
  return tickets_where(db, "state = 'waiting' ORDER BY place, id", std::nullopt);
}

Result<std::vector<Ticket>> tickets_of_day(storage::Database& db, const std::string& day) {
  return tickets_where(db, "day = ?1 ORDER BY id", day);
}

Result<std::optional<double>> mean_service_s(storage::Database& db, const std::string& group) {
  auto st = db.prepare(
      "SELECT AVG(finished_at - started_at) FROM (SELECT finished_at, started_at FROM tickets "
      "WHERE group_id = ?1 AND state = 'done' AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?2)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, group).bind(2, service_mean_window);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (st->is_null(0)) return std::optional<double>{};
  return std::optional<double>(st->real(0));
}

Result<WindowRow> load_window(storage::Database& db, const std::string& id) {
  auto add = db.prepare("INSERT OR IGNORE INTO windows (id) VALUES (?1)");
  if (!add) return std::unexpected(add.error());
  if (auto r = add->bind(1, id).run(); !r) return std::unexpected(r.error());
  auto st = db.prepare("SELECT paused, current_ticket, priority_run FROM windows WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return WindowRow{id, st->integer(0) != 0, st->optional_integer(1), static_cast<int>(st->integer(2))};
}

Result<void> save_window(storage::Database& db, const WindowRow& w) {
  auto st = db.prepare("UPDATE windows SET paused = ?2, current_ticket = ?3, priority_run = ?4 WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, w.id).bind(2, w.paused ? 1 : 0).bind(3, w.current_ticket).bind(4, w.priority_run);
  return st->run();
}

}  // namespace hall::queue
