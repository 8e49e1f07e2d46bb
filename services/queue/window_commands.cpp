// SPDX-License-Identifier: Apache-2.0
// The counter's commands on QueueService: call next, and every transition of a called ticket.
#include <functional>

#include <nlohmann/json.hpp>

#include "queue/audit_log.h"
#include "queue/call_policy.h"
#include "queue/numbering.h"
#include "queue/queue_service.h"
#include "queue/transitions.h"

namespace hall::queue {
namespace {

using Json = nlohmann::ordered_json;

bool holds(TicketState s) {
  return s == TicketState::called || s == TicketState::serving;
}

std::string event_payload(const Ticket& t, const std::string& window) {
  Json j{{"number", t.number},
         {"window", window.empty() ? Json(nullptr) : Json(window)},
         {"group", t.group},
         {"state", to_string(t.state)},
         {"recalls", t.recalls}};
  return j.dump();
}

}  // namespace

struct QueueService::TicketChange {
  Move move;
  std::string action;  // for the audit log
  // Changes the ticket and its window; returns the event's kind.
  std::function<QueueResult<std::string>(Ticket&, Instant)> apply;
};

QueueResult<std::optional<TicketView>> QueueService::call_next(const Actor& actor) {
  auto result = [&]() -> QueueResult<std::optional<TicketView>> {
    const Window* window = hall_->window(actor.window);
    if (!window) return refuse(Refusal::not_found, "window \"" + actor.window + "\" is not in hall.json");
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    const Instant now = clock_->now();
    auto day = service_day(db_, now, zone_);
    if (!day) return refuse(day.error());
    auto row = load_window(db_, window->id);
    if (!row) return refuse(row.error());
    if (row->paused) {
      return std::unexpected(
          refuse(Refusal::window_paused, "window " + window->id + " is paused; resume it to call").error());
    }
    if (row->current_ticket) {
      auto held = find_ticket(db_, *row->current_ticket);
      if (!held) return refuse(held.error());
      if (*held && holds((*held)->state)) {
        return refuse(Refusal::window_busy, "window " + window->id + " still holds " + (*held)->number + " (" +
                                                to_string((*held)->state) +
                                                "); finish, transfer or mark it a no-show first");
      }
    }
    // The head of each tier for this window; the policy picks between the two.
    const std::vector<std::string> groups = window->comprehensive ? std::vector<std::string>{} : window->queue_groups;
    std::vector<Ticket> heads;
    std::vector<Candidate> candidates;
    for (const bool priority : {true, false}) {
      auto head = head_of_line(db_, *day, window->id, groups, priority);
      if (!head) return refuse(head.error());
      if (!*head) continue;
      candidates.push_back({priority, (*head)->place});
      heads.push_back(std::move(**head));
    }
    const auto pick = choose_next(candidates, row->priority_run, hall_->queue_rules.fairness_after);
    if (!pick) {
      if (auto c = tx->commit(); !c) return refuse(c.error());
      return std::optional<TicketView>{};
    }
    Ticket t = heads[*pick];
    t.state = TicketState::called;
    t.called_at = now;
    if (!t.first_called_at) t.first_called_at = now;
    t.window = window->id;
    t.target_window.clear();
    t.recalls = 0;
    row->current_ticket = t.id;
    row->priority_run = t.priority ? row->priority_run + 1 : 0;
    if (auto r = save_ticket(db_, t); !r) return refuse(r.error());
    if (auto r = save_window(db_, *row); !r) return refuse(r.error());
    if (auto e = append_event(db_, now, "called", t.number, window->id, event_payload(t, window->id)); !e) {
      return refuse(e.error());
    }
    if (auto a = audit(db_, {0, now, actor.who, window->id, "call_next", "ok", t.number}); !a) return refuse(a.error());
    auto view = view_of(t);
    if (!view) return std::unexpected(view.error());
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return std::optional<TicketView>(*view);
  }();
  if (!result) audit_refusal(actor.who, actor.window, "call_next", result.error());
  return result;
}

QueueResult<TicketView> QueueService::change_ticket(const Actor& actor, std::int64_t ticket_id,
                                                    const TicketChange& change) {
  auto result = [&]() -> QueueResult<TicketView> {
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    const Instant now = clock_->now();
    auto found = find_ticket(db_, ticket_id);
    if (!found) return refuse(found.error());
    if (!*found)
      return std::unexpected(
          refuse(Refusal::not_found, "ticket " + std::to_string(ticket_id) + " does not exist").error());
    Ticket t = **found;
    if (holds(t.state) && t.window != actor.window) {
      return refuse(Refusal::other_window,
                    "ticket " + t.number + " is held by window " + t.window + ", not " + actor.window);
    }
    if (auto ok = check_move(t, change.move); !ok) return std::unexpected(ok.error());
    const std::string window_id = holds(t.state) ? t.window : std::string();
    auto kind = change.apply(t, now);
    if (!kind) return std::unexpected(kind.error());
    if (auto r = save_ticket(db_, t); !r) return refuse(r.error());
    if (!window_id.empty() && !holds(t.state)) {  // the window lets go of it
      auto row = load_window(db_, window_id);
      if (!row) return refuse(row.error());
      if (row->current_ticket == t.id) row->current_ticket.reset();
      if (auto r = save_window(db_, *row); !r) return refuse(r.error());
    }
    if (auto e = append_event(db_, now, *kind, t.number, window_id, event_payload(t, window_id)); !e) {
      return refuse(e.error());
    }
    if (auto a = audit(db_, {0, now, actor.who, actor.window, change.action, "ok", t.number}); !a) {
      return refuse(a.error());
    }
    auto view = view_of(t);
    if (!view) return std::unexpected(view.error());
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return *view;
  }();
  if (!result) audit_refusal(actor.who, actor.window, change.action, result.error());
  return result;
}

QueueResult<TicketView> QueueService::recall(const Actor& actor, std::int64_t ticket_id) {
  const int limit = hall_->queue_rules.recall_limit;
  return change_ticket(actor, ticket_id, {Move::recall, "recall", [limit](Ticket& t, Instant now) {
                                            if (t.recalls >= limit) {
                                              t.state = TicketState::no_show;
                                              t.no_show_at = now;
                                              return QueueResult<std::string>("no_show");
                                            }
                                            ++t.recalls;
                                            t.called_at = now;
                                            return QueueResult<std::string>("recalled");
                                          }});
}

QueueResult<TicketView> QueueService::start(const Actor& actor, std::int64_t ticket_id) {
  return change_ticket(actor, ticket_id, {Move::start, "start", [](Ticket& t, Instant now) {
                                            t.state = TicketState::serving;
                                            t.started_at = now;
                                            return QueueResult<std::string>("started");
                                          }});
}

QueueResult<TicketView> QueueService::finish(const Actor& actor, std::int64_t ticket_id) {
  return change_ticket(actor, ticket_id, {Move::finish, "finish", [](Ticket& t, Instant now) {
                                            t.state = TicketState::done;
                                            t.finished_at = now;
                                            return QueueResult<std::string>("finished");
                                          }});
}

QueueResult<TicketView> QueueService::no_show(const Actor& actor, std::int64_t ticket_id) {
  return change_ticket(actor, ticket_id, {Move::no_show, "no_show", [](Ticket& t, Instant now) {
                                            t.state = TicketState::no_show;
                                            t.no_show_at = now;
                                            return QueueResult<std::string>("no_show");
                                          }});
}

QueueResult<TicketView> QueueService::cancel(const Actor& actor, std::int64_t ticket_id) {
  return change_ticket(actor, ticket_id, {Move::cancel, "cancel", [](Ticket& t, Instant now) {
                                            t.state = TicketState::cancelled;
                                            t.finished_at = now;
                                            return QueueResult<std::string>("cancelled");
                                          }});
}

QueueResult<TicketView> QueueService::transfer(const Actor& actor, std::int64_t ticket_id, const TransferTarget& to) {
  const HallConfig& hall = *hall_;
  return change_ticket(actor, ticket_id,
                       {Move::transfer, "transfer", [&hall, to](Ticket& t, Instant) -> QueueResult<std::string> {
                          if (to.group.empty() == to.window.empty()) {
                            return refuse(Refusal::invalid_input, "transfer: give either a group or a window");
                          }
                          if (!to.group.empty() && !hall.group(to.group)) {
                            return refuse(Refusal::not_found, "queue group \"" + to.group + "\" is not in hall.json");
                          }
                          if (!to.window.empty() && !hall.window(to.window)) {
                            return refuse(Refusal::not_found, "window \"" + to.window + "\" is not in hall.json");
                          }
                          // Its number, issue time and place stay: the visitor does not go to the back.
                          if (!to.group.empty()) t.group = to.group;
                          t.target_window = to.window;
                          t.state = TicketState::waiting;
                          t.window.clear();
                          t.called_at.reset();
                          t.started_at.reset();
                          t.recalls = 0;
                          return std::string("transferred");
                        }});
}

QueueResult<void> QueueService::pause(const Actor& actor) {
  return set_paused(actor, true);
}
QueueResult<void> QueueService::resume(const Actor& actor) {
  return set_paused(actor, false);
}

QueueResult<void> QueueService::set_paused(const Actor& actor, bool paused) {
  const char* action = paused ? "pause" : "resume";
  auto result = [&]() -> QueueResult<void> {
    if (!hall_->window(actor.window)) {
      return refuse(Refusal::not_found, "window \"" + actor.window + "\" is not in hall.json");
    }
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    auto row = load_window(db_, actor.window);
    if (!row) return refuse(row.error());
    if (row->paused == paused) {
      return std::unexpected(
          refuse(Refusal::wrong_state, "window " + actor.window + " is already " + (paused ? "paused" : "open"))
              .error());
    }
    row->paused = paused;
    const Instant now = clock_->now();
    if (auto r = save_window(db_, *row); !r) return refuse(r.error());
    const std::string payload = Json{{"number", nullptr}, {"window", actor.window}}.dump();
    if (auto e = append_event(db_, now, paused ? "window_paused" : "window_resumed", "", actor.window, payload); !e) {
      return refuse(e.error());
    }
    if (auto a = audit(db_, {0, now, actor.who, actor.window, action, "ok", ""}); !a) return refuse(a.error());
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return {};
  }();
  if (!result) audit_refusal(actor.who, actor.window, action, result.error());
  return result;
}

}  // namespace hall::queue
