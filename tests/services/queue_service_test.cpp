// SPDX-License-Identifier: Apache-2.0
// The queue's rules through its commands: recall then no-show, re-activation places, opening hours
// and the cut-off, idempotency keys, tokens and status URLs, events, the estimated wait.
#include <catch2/catch.hpp>

#include <set>

#include "queue/audit_log.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;
using queue::Refusal;
using queue::TicketState;

TEST_CASE("recall up to the limit, then the next recall makes a no-show", "[queue][service]") {
  QueueHall h;  // recall_limit = 2
  const auto t = h.issue("A");
  REQUIRE(h.call("W1") == "A001");
  const queue::Actor w1{"S01", "W1"};
  struct Step {
    const char* rule;
    TicketState state;
    int recalls;
  };
  const Step steps[] = {
      {"the first recall", TicketState::called, 1},
      {"the second recall reaches the limit", TicketState::called, 2},
      {"one more is a no-show", TicketState::no_show, 2},
  };
  for (const auto& s : steps) {
    INFO(s.rule);
    const auto r = h.queue->recall(w1, t.id);
    REQUIRE(r);
    CHECK(r->ticket.state == s.state);
    CHECK(r->ticket.recalls == s.recalls);
  }
  auto events = h.queue->events_after(0);
  REQUIRE(events);
  std::vector<std::string> kinds;
  for (const auto& e : *events) kinds.push_back(e.kind);
  CHECK(kinds == std::vector<std::string>{"issued", "called", "recalled", "recalled", "no_show"});
  CHECK(h.call("W1").empty());  // the window let go of the no-show
}

TEST_CASE("a re-activated no-show re-enters K places behind the head, within its time", "[queue][service]") {
  struct Case {
    const char* rule;
    int waiting_before;  // tickets waiting in A when it comes back
    int minutes_later;
    bool accepted;
    int ahead;  // places ahead of it once back
  };
  const Case cases[] = {
      {"a long line: three places behind the head", 6, 5, true, 3},
      {"a line of two: at its back", 2, 5, true, 2},
      {"an empty line: next", 0, 5, true, 0},
      {"on the last minute of its time", 6, 30, true, 3},
      {"past its time: refused", 6, 31, false, 0},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    QueueHall h;
    const auto t = h.issue("A");
    REQUIRE(h.call("W1") == "A001");
    REQUIRE(h.queue->no_show({"S01", "W1"}, t.id));
    for (int i = 0; i < c.waiting_before; ++i) h.issue("A");
    h.clock.advance(std::chrono::minutes(c.minutes_later));
    const auto r = h.queue->reactivate(t.token, "phone");
    if (!c.accepted) {
      REQUIRE_FALSE(r);
      CHECK(r.error().reason == Refusal::too_late);
      continue;
    }
    REQUIRE(r);
    CHECK(r->ticket.state == TicketState::waiting);
    CHECK(r->ticket.number == "A001");
    CHECK(r->ahead == c.ahead);
  }
}

TEST_CASE("a no-show typed in at the kiosk by its number re-enters too, today's numbers only", "[queue][service]") {
  QueueHall h;
  const auto t = h.issue("A");
  REQUIRE(h.call("W1") == "A001");
  REQUIRE(h.queue->no_show({"S01", "W1"}, t.id));
  const auto unknown = h.queue->reactivate_number("A099", "K1");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().reason == Refusal::not_found);
  const auto r = h.queue->reactivate_number("A001", "K1");
  REQUIRE(r);
  CHECK(r->ticket.state == TicketState::waiting);
  CHECK(h.call("W1") == "A001");
}

TEST_CASE("outside opening hours nothing is issued and the refusal says when the hall opens", "[queue][service]") {
  struct Case {
    const char* rule;
    const char* at;
    bool issued;
    const char* says;
  };
  const Case cases[] = {
      {"before opening", "2026-12-01T08:30:00+08:00", false, "2026-12-01 at 09:00"},
      {"at opening", "2026-12-01T09:00:00+08:00", true, ""},
      {"over lunch", "2026-12-01T12:10:00+08:00", false, "2026-12-01 at 13:30"},
      {"after closing on Friday: Monday", "2026-12-04T17:30:00+08:00", false, "2026-12-07 at 09:00"},
      {"on Saturday", "2026-12-05T10:00:00+08:00", false, "2026-12-07 at 09:00"},
      {"the cut-off: 30 minutes before closing stops issuing", "2026-12-01T11:31:00+08:00", false, "closing at 12:00"},
      {"just before the cut-off", "2026-12-01T11:29:00+08:00", true, ""},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    QueueHall h;
    h.clock.set(local(c.at));
    const auto r = h.queue->issue({"K1", "", "A", "", std::nullopt});
    CHECK(bool(r) == c.issued);
    if (!r) {
      CHECK(r.error().reason == Refusal::closed);
      CHECK_THAT(r.error().error.message, Catch::Contains(c.says));
    }
  }
}

TEST_CASE("the cut-off comes earlier for a group whose estimated wait runs past closing", "[queue][service]") {
  QueueHall h;
  h.clock.set(local("2026-12-01T11:00:00+08:00"));
  // Group B: one window (W2) plus the comprehensive W3, 5 minutes each by default: 10 waiting ≈ 25 min.
  for (int i = 0; i < 10; ++i) h.issue("B");
  h.clock.set(local("2026-12-01T11:10:00+08:00"));
  const auto b = h.queue->issue({"K1", "", "B", "", std::nullopt});
  REQUIRE_FALSE(b);  // 11:10 + 25 min = 11:35, past 11:30
  CHECK(b.error().reason == Refusal::closed);
  CHECK_THAT(b.error().error.message, Catch::Contains("group B") && Catch::Contains("13:30"));
  CHECK(h.queue->issue({"K1", "", "A", "", std::nullopt}));  // group A has nobody waiting
}

TEST_CASE("a hall open round the clock (00:00-24:00) issues at any hour, and one closing at midnight keeps its cut-off",
          "[queue][service]") {
  struct Case {
    const char* rule;
    const char* days;
    const char* at;
    bool issued;
  };
  const Case cases[] = {
      {"every day 00:00-24:00: 23:45 is no cut-off (it failed before 24:00 was read as a close)", "mon-sun",
       "2026-12-01T23:45:00+08:00", true},
      {"every day 00:00-24:00: just past midnight", "mon-sun", "2026-12-02T00:00:30+08:00", true},
      {"Monday to Friday: Friday 23:45 is within the 30 minutes before the weekend's closing", "mon-fri",
       "2026-12-04T23:45:00+08:00", false},
      {"Monday to Friday: Thursday 23:45 runs on into Friday", "mon-fri", "2026-12-03T23:45:00+08:00", true},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    QueueHall h;
    h.hall.opening_hours = {{c.days, "00:00", "24:00"}};
    h.reopen(TimeZone::fixed("Asia/Shanghai", 8 * 3600));
    h.clock.set(local(c.at));
    const auto r = h.queue->issue({"K1", "", "A", "", std::nullopt});
    CHECK(bool(r) == c.issued);
    if (!r) CHECK(r.error().reason == Refusal::closed);
  }
}

TEST_CASE("hall.json takes 24:00 as a closing time and nothing past it", "[queue][service]") {
  const auto with_close = [](const std::string& close) {
    std::string json = test_hall_json;
    const std::string from = R"("close": "17:00")";
    json.replace(json.find(from), from.size(), "\"close\": \"" + close + "\"");
    return parse_hall_config(json);
  };
  CHECK(with_close("24:00"));
  CHECK(with_close("23:59"));
  for (const char* bad : {"24:01", "25:00", "24:60", "7:00"}) {
    INFO(bad);
    const auto r = with_close(bad);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("close") && Catch::Contains(bad));
  }
}

TEST_CASE("the same idempotency key returns the same ticket, another request with it is refused", "[queue][service]") {
  QueueHall h;
  const queue::IssueRequest first{"K1", "key-1", "A", "G-0001", std::nullopt};
  const auto a = h.queue->issue(first);
  REQUIRE(a);
  CHECK(a->created);
  const auto again = h.queue->issue(first);
  REQUIRE(again);
  CHECK_FALSE(again->created);
  CHECK(again->view.ticket.id == a->view.ticket.id);
  CHECK(again->view.ticket.token == a->view.ticket.token);
  auto other = first;
  other.group = "B";
  const auto conflict = h.queue->issue(other);
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().reason == Refusal::idempotency_conflict);
  // The key belongs to its device: another kiosk with the same key gets its own ticket.
  auto k2 = first;
  k2.device_id = "K2";
  const auto theirs = h.queue->issue(k2);
  REQUIRE(theirs);
  CHECK(theirs->created);
  CHECK(theirs->view.ticket.number == "A002");
  // The key is kept for the day: tomorrow it is a new ticket.
  h.clock.set(local("2026-12-02T10:00:00+08:00"));
  const auto tomorrow = h.queue->issue(first);
  REQUIRE(tomorrow);
  CHECK(tomorrow->created);
  CHECK(tomorrow->view.ticket.number == "A001");
}

TEST_CASE("tickets carry a 128-bit token and a status URL under the public base URL", "[queue][service]") {
  QueueHall h;
  std::set<std::string> tokens;
  for (int i = 0; i < 5; ++i) {
    const auto r = h.queue->issue({"K1", "", "A", "", std::nullopt});
    REQUIRE(r);
    CHECK(r->view.ticket.token.size() == 32);
    CHECK(r->view.status_url == "https://hall.example/t/" + r->view.ticket.token);
    tokens.insert(r->view.ticket.token);
    const auto found = h.queue->ticket_by_token(r->view.ticket.token);
    REQUIRE(found);
    CHECK(found->ticket.number == r->view.ticket.number);
  }
  CHECK(tokens.size() == 5);
  CHECK_FALSE(h.queue->ticket_by_token("00000000000000000000000000000000"));
}

TEST_CASE("unknown groups and priority classes are refused before anything is written", "[queue][service]") {
  QueueHall h;
  const auto group = h.queue->issue({"K1", "", "Z", "", std::nullopt});
  REQUIRE_FALSE(group);
  CHECK(group.error().reason == Refusal::not_found);
  const auto priority = h.queue->issue({"K1", "", "A", "", "vip"});
  REQUIRE_FALSE(priority);
  CHECK(priority.error().reason == Refusal::invalid_input);
  CHECK(h.issue("").number == "A001");  // the default group, and no number was spent
}

TEST_CASE("people ahead and the estimated wait follow the line and the mean service time", "[queue][service]") {
  QueueHall h;
  for (int i = 0; i < 4; ++i) h.issue("A");
  const auto last = h.issue("A");
  auto view = h.queue->ticket(last.id);
  REQUIRE(view);
  CHECK(view->ahead == 4);
  // A is served by W1 and W3: 4 ahead × 300 s default / 2 windows.
  CHECK(view->estimated_wait_s == 600);
  // Serve one in 120 s: the rolling mean becomes 120 s.
  auto called = h.queue->call_next({"S01", "W1"});
  REQUIRE(called);
  REQUIRE(h.queue->start({"S01", "W1"}, (*called)->ticket.id));
  h.clock.advance(std::chrono::seconds(120));
  REQUIRE(h.queue->finish({"S01", "W1"}, (*called)->ticket.id));
  view = h.queue->ticket(last.id);
  CHECK(view->ahead == 3);
  CHECK(view->estimated_wait_s == 180);
  // A paused window no longer counts.
  REQUIRE(h.queue->pause({"S01", "W3"}));
  CHECK(h.queue->ticket(last.id)->estimated_wait_s == 360);
}

TEST_CASE("events are readable after an id, in order, with number and window", "[queue][service]") {
  QueueHall h;
  h.issue("A");
  h.issue("A");
  REQUIRE(h.call("W1") == "A001");
  auto all = h.queue->events_after(0);
  REQUIRE(all);
  REQUIRE(all->size() == 3);
  CHECK(all->at(2).kind == "called");
  CHECK(all->at(2).ticket_number == "A001");
  CHECK(all->at(2).window == "W1");
  CHECK_THAT(all->at(2).payload, Catch::Contains("\"number\":\"A001\"") && Catch::Contains("\"window\":\"W1\""));
  auto after = h.queue->events_after(all->at(0).id);
  REQUIRE(after);
  REQUIRE(after->size() == 2);
  CHECK(after->front().id == all->at(1).id);
  CHECK(h.queue->events_after(all->back().id)->empty());
}

TEST_CASE("the database holds no personal data: tickets have no name, phone or id column", "[queue][service]") {
  QueueHall h;
  h.issue("A");
  auto st = h.queue->database().prepare("SELECT name FROM pragma_table_info('tickets')");
  REQUIRE(st);
  std::set<std::string> columns;
  REQUIRE(st->each([&](const storage::Statement& row) -> Result<void> {
    columns.insert(row.text(0));
    return {};
  }));
  for (const char* personal : {"name", "phone", "id_number", "id_card", "visitor"}) {
    INFO(personal);
    CHECK_FALSE(columns.contains(personal));
  }
}

TEST_CASE("yesterday's waiting tickets are never called today", "[queue][service]") {
  QueueHall h;
  h.clock.set(local("2026-12-01T16:50:00+08:00"));
  h.hall.queue_rules.cutoff_minutes = 0;
  h.issue("A");  // still waiting when the hall closes
  h.clock.set(local("2026-12-02T09:00:00+08:00"));
  CHECK(h.call("W1").empty());
  CHECK(h.issue("A").number == "A001");
  CHECK(h.call("W1") == "A001");
  CHECK(h.queue->ticket(1)->ticket.day == "2026-12-01");
  CHECK(h.queue->ticket(1)->ticket.state == TicketState::waiting);
}

TEST_CASE("a refused issue or re-activation is written to the audit log", "[queue][service]") {
  QueueHall h;
  h.clock.set(local("2026-12-05T10:00:00+08:00"));  // Saturday
  REQUIRE_FALSE(h.queue->issue({"K1", "", "A", "", std::nullopt}));
  REQUIRE_FALSE(h.queue->reactivate("no-such-token", "phone"));
  auto log = queue::audit_entries(h.queue->database(), 0, 10);
  REQUIRE(log);
  REQUIRE(log->size() == 2);
  CHECK(log->at(0).actor == "K1");
  CHECK(log->at(0).action == "issue");
  CHECK(log->at(0).outcome == "closed");
  CHECK(log->at(1).actor == "phone");
  CHECK(log->at(1).outcome == "not_found");
}
