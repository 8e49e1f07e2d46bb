// SPDX-License-Identifier: Apache-2.0
#include "queue/queue_service.h"

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "queue/audit_log.h"
#include "queue/hall_calendar.h"
#include "queue/idempotency.h"
#include "queue/numbering.h"
#include "queue/queue_schema.h"
#include "queue/ticket_view.h"
#include "queue/wait_estimate.h"

namespace hall::queue {
namespace {

using Json = nlohmann::ordered_json;

std::string request_hash(const IssueRequest& r) {
  return sha256_hex(Json{{"group", r.group}, {"guide_id", r.guide_id}, {"priority", r.priority.value_or("")}}.dump());
}

}  // namespace

QueueResult<QueueService> QueueService::open(const std::string& path, const HallConfig& hall, TimeZone zone,
                                             const Clock& clock, RandomSource& random) {
  auto db = open_queue_db(path);
  if (!db) return refuse(db.error());
  // Writers from other processes (hallctl, a second hub) queue on SQLite's lock; on a loaded
  // machine several of them can wait longer than the default 5 s, and a refusal then is a lost
  // command. The hub's own writers queue in-process before they get here.
  db->set_busy_timeout(std::chrono::seconds(30));
  return QueueService(std::move(*db), hall, std::move(zone), clock, random);
}

std::string QueueService::status_url(const std::string& token) const {
  return hall_->public_base_url + "/t/" + token;
}

QueueResult<void> QueueService::check_open(const std::string& group, const std::string& day) {
  const Instant now = clock_->now();
  if (hall_->opening_hours.empty()) return {};  // a hall without hours issues at any time
  const auto when_open = [&]() -> std::string {
    const auto next = next_opening(hall_->opening_hours, zone_, now);
    if (!next) return "the hall has no opening hours in the next two weeks";
    return "the hall opens again on " + local_date(*next, zone_) + " at " + local_clock(*next, zone_);
  };
  const auto span = open_span_at(hall_->opening_hours, zone_, now);
  if (!span) return refuse(Refusal::closed, "no tickets are issued outside opening hours: " + when_open());
  auto waiting = waiting_in_group(db_, group, day);
  if (!waiting) return refuse(waiting.error());
  auto estimate = estimate_for_group(db_, *hall_, group, *waiting);
  if (!estimate) return refuse(estimate.error());
  const Instant last_issue = span->close - std::chrono::minutes(hall_->queue_rules.cutoff_minutes);
  if (now + std::chrono::seconds(estimate->value_or(0)) > last_issue) {
    return refuse(Refusal::closed, "group " + group + ": the estimated wait runs past closing at " +
                                       local_clock(span->close, zone_) + "; " + when_open());
  }
  return {};
}

QueueResult<Issued> QueueService::issue(const IssueRequest& request) {
  auto result = [&]() -> QueueResult<Issued> {
    auto tx = storage::Transaction::begin(db_);
    if (!tx) return refuse(tx.error());
    auto issued = issue_within(request);
    if (!issued) return issued;
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return issued;
  }();
  if (!result) audit_refusal(request.device_id, "", "issue", result.error());
  return result;
}

std::vector<QueueResult<Issued>> QueueService::issue_all(const std::vector<IssueRequest>& requests) {
  std::vector<QueueResult<Issued>> out;
  out.reserve(requests.size());
  const auto fail_all = [&](const Error& e) {
    out.assign(requests.size(), refuse(e));
    return out;
  };
  auto tx = storage::Transaction::begin(db_);
  if (!tx) return fail_all(tx.error());
  for (const auto& request : requests) {
    // Each request in its own savepoint: a refused one leaves no trace, the others still commit.
    if (auto s = db_.exec("SAVEPOINT one_ticket"); !s) return fail_all(s.error());
    auto issued = issue_within(request);
    if (!issued) {
      if (auto b = db_.exec("ROLLBACK TO one_ticket"); !b) return fail_all(b.error());
    }
    if (auto rel = db_.exec("RELEASE one_ticket"); !rel) return fail_all(rel.error());
    out.push_back(std::move(issued));
  }
  if (auto c = tx->commit(); !c) return fail_all(c.error());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!out[i]) audit_refusal(requests[i].device_id, "", "issue", out[i].error());
  }
  return out;
}

QueueResult<Issued> QueueService::issue_within(const IssueRequest& request) {
  IssueRequest r = request;
  if (r.group.empty()) r.group = hall_->default_queue_group;
  const QueueGroup* group = hall_->group(r.group);
  if (!group) return refuse(Refusal::not_found, "queue group \"" + r.group + "\" is not in hall.json");
  if (r.priority && !hall_->priority_class(*r.priority)) {
    return refuse(Refusal::invalid_input, "priority class \"" + *r.priority + "\" is not in hall.json");
  }
  if (r.idempotency_key.size() > 64) return refuse(Refusal::invalid_input, "Idempotency-Key: at most 64 characters");
  const Instant now = clock_->now();
  auto day = service_day(db_, now, zone_);
  if (!day) return refuse(day.error());
  const std::string hash = request_hash(r);
  auto replay = replay_idempotent(r, *day, hash);
  if (!replay) return std::unexpected(replay.error());
  if (*replay) return **replay;
  if (auto open = check_open(r.group, *day); !open) return std::unexpected(open.error());
  auto sequence = next_sequence(db_, *day, r.group);
  if (!sequence) return refuse(sequence.error());
  Ticket t;
  t.day = *day;
  t.number = format_number(group->letter, *sequence);
  t.group = r.group;
  t.guide_id = r.guide_id;
  t.priority = r.priority;
  t.issued_at = now;
  auto place = next_issue_place(db_, *day, now);
  if (!place) return refuse(place.error());
  t.place = *place;
  t.token = random_hex(*random_, 16);
  auto id = insert_ticket(db_, t, r.device_id);
  if (!id) return refuse(id.error());
  t.id = *id;
  if (!r.idempotency_key.empty()) {
    if (auto k = remember_idempotent(db_, r.device_id, r.idempotency_key, *day, hash, t.id); !k)
      return refuse(k.error());
  }
  Json payload{{"number", t.number}, {"window", nullptr}, {"group", t.group}, {"priority", t.priority.value_or("")}};
  if (auto e = append_event(db_, now, "issued", t.number, "", payload.dump()); !e) return refuse(e.error());
  auto view = view_of(t);
  if (!view) return std::unexpected(view.error());
  return Issued{*view, true};
}

QueueResult<std::optional<Issued>> QueueService::replay_idempotent(const IssueRequest& r, const std::string& day,
                                                                   const std::string& hash) {
  if (r.idempotency_key.empty()) return std::optional<Issued>{};
  auto seen = find_idempotent(db_, r.device_id, r.idempotency_key, day);
  if (!seen) return refuse(seen.error());
  if (!*seen) return std::optional<Issued>{};
  if ((*seen)->request_hash != hash) {
    return refuse(Refusal::idempotency_conflict,
                  "Idempotency-Key \"" + r.idempotency_key + "\" was used today with another request; use a new key");
  }
  auto first = find_ticket(db_, (*seen)->ticket_id);
  if (!first) return refuse(first.error());
  if (!*first) return refuse(Refusal::storage, "idempotency key points at a missing ticket");
  auto view = view_of(**first);
  if (!view) return std::unexpected(view.error());
  return std::optional<Issued>(Issued{*view, false});
}

QueueResult<TicketView> QueueService::view_of(const Ticket& t) {
  auto v = make_view(db_, *hall_, t);
  if (!v) return refuse(v.error());
  v->status_url = status_url(t.token);
  return *v;
}

QueueResult<TicketView> QueueService::ticket(std::int64_t id) {
  auto t = find_ticket(db_, id);
  if (!t) return refuse(t.error());
  if (!*t) return refuse(Refusal::not_found, "ticket " + std::to_string(id) + " does not exist");
  return view_of(**t);
}

QueueResult<TicketView> QueueService::ticket_by_token(const std::string& token) {
  auto t = find_ticket_by_token(db_, token);
  if (!t) return refuse(t.error());
  if (!*t) return refuse(Refusal::not_found, "no ticket has this token");
  return view_of(**t);
}

QueueResult<std::string> QueueService::today() {
  // No write lock: service_day writes only when a new day begins, and two readers that both see it
  // begin write the same row.
  auto day = service_day(db_, clock_->now(), zone_);
  if (!day) return refuse(day.error());
  return *day;
}

QueueResult<QueueOverview> QueueService::overview() {
  auto day = today();
  if (!day) return std::unexpected(day.error());
  QueueOverview out;
  for (const auto& w : hall_->windows) {
    auto row = load_window(db_, w.id);
    if (!row) return refuse(row.error());
    WindowStatus status{w.id, row->paused, std::nullopt};
    if (row->current_ticket) {
      auto t = find_ticket(db_, *row->current_ticket);
      if (!t) return refuse(t.error());
      if (*t && ((*t)->state == TicketState::called || (*t)->state == TicketState::serving)) status.current = **t;
    }
    out.windows.push_back(std::move(status));
  }
  for (const auto& g : hall_->queue_groups) {
    auto waiting = waiting_in_group(db_, g.id, *day);
    if (!waiting) return refuse(waiting.error());
    auto estimate = estimate_for_group(db_, *hall_, g.id, *waiting);
    if (!estimate) return refuse(estimate.error());
    out.groups.push_back({g.id, *waiting, *estimate});
  }
  return out;
}

QueueResult<std::vector<QueueEvent>> QueueService::events_after(std::int64_t after_id, int limit) {
  auto e = queue::events_after(db_, after_id, limit);
  if (!e) return refuse(e.error());
  return *e;
}

void QueueService::audit_refusal(const std::string& actor, const std::string& window, const std::string& action,
                                 const QueueError& why) {
  // Its own transaction: the refused command's transaction has rolled back. Best effort: a refusal
  // the disk cannot record is still refused.
  auto tx = storage::Transaction::begin(db_);
  if (!tx) return;
  if (audit(db_, {0, clock_->now(), actor, window, action, to_string(why.reason), why.error.message})) {
    (void)tx->commit();
  }
}

}  // namespace hall::queue
