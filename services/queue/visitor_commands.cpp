// SPDX-License-Identifier: Apache-2.0
// The visitor's commands on QueueService (through the kiosk or the phone): re-activate, rate.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "queue/audit_log.h"
#include "queue/call_policy.h"
#include "queue/hall_calendar.h"
#include "queue/numbering.h"
#include "queue/queue_service.h"
#include "queue/transitions.h"

namespace hall::queue {

QueueResult<TicketView> QueueService::reactivate(const std::string& token, const std::string& by) {
  auto result = [&]() -> QueueResult<TicketView> {
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    auto r = reactivate_found(find_ticket_by_token(db_, token), "no ticket has this token", by);
    if (!r) return r;
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return r;
  }();
  if (!result) audit_refusal(by, "", "reactivate", result.error());
  return result;
}

QueueResult<TicketView> QueueService::reactivate_number(const std::string& number, const std::string& by) {
  auto result = [&]() -> QueueResult<TicketView> {
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    auto day = service_day(db_, clock_->now(), zone_);
    if (!day) return refuse(day.error());
    auto r =
        reactivate_found(find_ticket_by_number(db_, *day, number), "no ticket " + number + " was issued today", by);
    if (!r) return r;
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return r;
  }();
  if (!result) audit_refusal(by, "", "reactivate", result.error());
  return result;
}

QueueResult<TicketView> QueueService::reactivate_found(Result<std::optional<Ticket>> found, const std::string& what,
                                                       const std::string& by) {
  if (!found) return refuse(found.error());
  if (!*found) return refuse(Refusal::not_found, what);
  Ticket t = **found;
  if (auto ok = check_move(t, Move::reactivate); !ok) return std::unexpected(ok.error());
  const Instant now = clock_->now();
  const Instant until = t.no_show_at.value_or(now) + std::chrono::minutes(hall_->queue_rules.reactivation_minutes);
  if (now > until) {
    return refuse(Refusal::too_late, "ticket " + t.number + " could re-enter the queue until " +
                                         local_clock(until, zone_) + "; please take a new number");
  }
  auto waiting = waiting_tickets(db_);
  if (!waiting) return refuse(waiting.error());
  std::vector<double> line;  // the same group and tier, in call order
  for (const auto& w : *waiting) {
    if (w.day == t.day && w.group == t.group && w.priority.has_value() == t.priority.has_value()) {
      line.push_back(w.place);
    }
  }
  std::sort(line.begin(), line.end());
  t.place =
      reentry_place(line, hall_->queue_rules.reactivation_places, static_cast<double>(now.time_since_epoch().count()));
  t.state = TicketState::waiting;
  t.window.clear();
  t.target_window.clear();
  t.called_at.reset();
  t.no_show_at.reset();
  t.recalls = 0;
  if (auto r = save_ticket(db_, t); !r) return refuse(r.error());
  const std::string payload =
      nlohmann::ordered_json{{"number", t.number}, {"window", nullptr}, {"group", t.group}}.dump();
  if (auto e = append_event(db_, now, "reactivated", t.number, "", payload); !e) return refuse(e.error());
  if (auto a = audit(db_, {0, now, by, "", "reactivate", "ok", t.number}); !a) return refuse(a.error());
  return view_of(t);
}

QueueResult<TicketView> QueueService::rate(const std::string& token, int level) {
  if (level < 1 || level > 5) return refuse(Refusal::invalid_input, "rating: a level from 1 to 5");
  auto tx = storage::Transaction::begin(db_);
  if (!tx) return refuse(tx.error());
  auto found = find_ticket_by_token(db_, token);
  if (!found) return refuse(found.error());
  if (!*found) return refuse(Refusal::not_found, "no ticket has this token");
  if (auto ok = check_move(**found, Move::rate); !ok) return std::unexpected(ok.error());
  auto st = db_.prepare("UPDATE tickets SET rating = ?2 WHERE id = ?1 AND rating IS NULL");
  if (!st) return refuse(st.error());
  if (auto r = st->bind(1, (*found)->id).bind(2, level).run(); !r) return refuse(r.error());
  if (db_.changes() == 0) return refuse(Refusal::wrong_state, "ticket " + (*found)->number + " is already rated");
  (*found)->rating = level;
  auto view = view_of(**found);
  if (!view) return view;
  if (auto c = tx->commit(); !c) return refuse(c.error());
  return view;
}

}  // namespace hall::queue
