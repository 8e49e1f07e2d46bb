// SPDX-License-Identifier: Apache-2.0
// Every transition of a ticket's life, legal and illegal: the table, and the service refusing each
// illegal one with wrong_state and the state named, changing nothing.
#include <catch2/catch.hpp>

#include <functional>

#include "queue/transitions.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;
using queue::Move;
using queue::TicketState;

namespace {

const TicketState all_states[] = {TicketState::waiting, TicketState::called,  TicketState::serving,
                                  TicketState::done,    TicketState::no_show, TicketState::cancelled};

// Brings a fresh ticket to `state` at W1 and returns its id.
std::int64_t ticket_in(QueueHall& h, TicketState state) {
  const auto t = h.issue("A");
  if (state == TicketState::waiting) return t.id;
  const queue::Actor w1{"S01", "W1"};
  auto called = h.queue->call_next(w1);
  REQUIRE(called);
  REQUIRE(*called);
  REQUIRE((*called)->ticket.id == t.id);
  switch (state) {
    case TicketState::serving:
      REQUIRE(h.queue->start(w1, t.id));
      break;
    case TicketState::done:
      REQUIRE(h.queue->start(w1, t.id));
      REQUIRE(h.queue->finish(w1, t.id));
      break;
    case TicketState::no_show:
      REQUIRE(h.queue->no_show(w1, t.id));
      break;
    case TicketState::cancelled:
      REQUIRE(h.queue->cancel(w1, t.id));
      break;
    default:
      break;
  }
  return t.id;
}

}  // namespace

TEST_CASE("the transition table allows exactly the ticket's life", "[queue][transitions]") {
  struct Case {
    const char* rule;
    Move move;
    std::vector<TicketState> from;
  };
  const Case cases[] = {
      {"only a waiting ticket is called", Move::call, {TicketState::waiting}},
      {"only a called ticket is recalled", Move::recall, {TicketState::called}},
      {"service starts from called", Move::start, {TicketState::called}},
      {"only a ticket in service finishes", Move::finish, {TicketState::serving}},
      {"a no-show is marked on a called ticket", Move::no_show, {TicketState::called}},
      {"cancel before service starts", Move::cancel, {TicketState::waiting, TicketState::called}},
      {"transfer a called or serving ticket", Move::transfer, {TicketState::called, TicketState::serving}},
      {"only a no-show is re-activated", Move::reactivate, {TicketState::no_show}},
      {"only a done ticket is rated", Move::rate, {TicketState::done}},
  };
  for (const auto& c : cases) {
    for (const auto s : all_states) {
      INFO(c.rule << ": from " << queue::to_string(s));
      const bool expected = std::find(c.from.begin(), c.from.end(), s) != c.from.end();
      CHECK(queue::allowed(s, c.move) == expected);
    }
  }
}

TEST_CASE("every illegal transition is refused as wrong_state naming the state, and changes nothing",
          "[queue][transitions]") {
  using Command = std::function<queue::QueueResult<queue::TicketView>(queue::QueueService&, std::int64_t)>;
  const queue::Actor w1{"S01", "W1"};
  struct Case {
    const char* rule;
    Move move;
    Command run;
  };
  const Case cases[] = {
      {"recall", Move::recall, [&](queue::QueueService& q, std::int64_t id) { return q.recall(w1, id); }},
      {"start", Move::start, [&](queue::QueueService& q, std::int64_t id) { return q.start(w1, id); }},
      {"finish", Move::finish, [&](queue::QueueService& q, std::int64_t id) { return q.finish(w1, id); }},
      {"no-show", Move::no_show, [&](queue::QueueService& q, std::int64_t id) { return q.no_show(w1, id); }},
      {"cancel", Move::cancel, [&](queue::QueueService& q, std::int64_t id) { return q.cancel(w1, id); }},
      {"transfer", Move::transfer,
       [&](queue::QueueService& q, std::int64_t id) {
         return q.transfer(w1, id, {"B", ""});
       }},
      {"re-activate", Move::reactivate,
       [&](queue::QueueService& q, std::int64_t id) { return q.reactivate(q.ticket(id)->ticket.token, "K1"); }},
      {"rate", Move::rate,
       [&](queue::QueueService& q, std::int64_t id) { return q.rate(q.ticket(id)->ticket.token, 5); }},
  };
  int refusals = 0;
  for (const auto& c : cases) {
    for (const auto s : all_states) {
      if (queue::allowed(s, c.move)) continue;
      INFO(c.rule << " from " << queue::to_string(s));
      QueueHall h;
      const auto id = ticket_in(h, s);
      const auto events_before = h.queue->events_after(0)->size();
      const auto r = c.run(*h.queue, id);
      REQUIRE_FALSE(r);
      CHECK(r.error().reason == queue::Refusal::wrong_state);
      CHECK(r.error().error.code == ErrorCode::conflict);
      CHECK_THAT(r.error().error.message, Catch::Contains(queue::to_string(s)) && Catch::Contains("A001"));
      CHECK(h.queue->ticket(id)->ticket.state == s);
      CHECK(h.queue->events_after(0)->size() == events_before);
      ++refusals;
    }
  }
  CHECK(refusals == 8 * 6 - 10);  // every pair the table does not allow: 10 of the 48 are allowed
}

TEST_CASE("another window's ticket is refused as other_window", "[queue][transitions]") {
  QueueHall h;
  const auto t = h.issue("A");
  REQUIRE(h.call("W1") == "A001");
  const auto r = h.queue->finish({"S02", "W3"}, t.id);
  REQUIRE_FALSE(r);
  CHECK(r.error().reason == queue::Refusal::other_window);
  const auto missing = h.queue->start({"S01", "W1"}, 999);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == queue::Refusal::not_found);
}
