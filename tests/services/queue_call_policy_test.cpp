// SPDX-License-Identifier: Apache-2.0
// Who a window calls next: priorities first, the fairness rule, the longest waiting within a tier,
// the groups a window serves, transfers that keep their place, paused windows.
#include <catch2/catch.hpp>

#include <vector>

#include "queue/call_policy.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;
using queue::Candidate;

TEST_CASE("choose_next: priority first, fairness after N in a row, longest waiting within a tier",
          "[queue][call_policy]") {
  struct Case {
    const char* rule;
    std::vector<Candidate> waiting;
    int priority_run;
    std::optional<std::size_t> pick;
  };
  const int fairness_after = 2;
  const Case cases[] = {
      {"nobody waits: nothing to call", {}, 0, std::nullopt},
      {"within the normal tier the longest waiting goes", {{false, 30}, {false, 10}, {false, 20}}, 0, 1},
      {"a priority ticket goes before older normal ones", {{false, 10}, {true, 50}}, 0, 1},
      {"within the priority tier the longest waiting goes", {{true, 40}, {false, 1}, {true, 20}}, 1, 2},
      {"after N priority calls in a row the longest-waiting normal goes", {{true, 5}, {false, 30}, {false, 20}}, 2, 2},
      {"fairness never leaves a window idle: only priority waits", {{true, 5}, {true, 3}}, 5, 1},
      {"with no priority waiting, normal goes whatever the run", {{false, 7}}, 0, 0},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(queue::choose_next(c.waiting, c.priority_run, fairness_after) == c.pick);
  }
}

TEST_CASE("reentry_place: K places behind the head, or at the back of a shorter line", "[queue][call_policy]") {
  struct Case {
    const char* rule;
    std::vector<double> line;
    int places;
    double back;
    double expect_after, expect_before;  // the place lies strictly between these
  };
  const Case cases[] = {
      {"three behind the head: between the third and the fourth", {10, 20, 30, 40, 50}, 3, 100, 30, 40},
      {"one behind the head", {10, 20}, 1, 100, 10, 20},
      {"a line shorter than K: at the back", {10, 20}, 3, 100, 20, 101},
      {"an empty line: at the back", {}, 3, 100, 99, 101},
      {"zero places: at the head", {10, 20}, 0, 100, -1e9, 10},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const double p = queue::reentry_place(c.line, c.places, c.back);
    CHECK(p > c.expect_after);
    CHECK(p < c.expect_before);
  }
}

TEST_CASE("priority tickets go first at the hall, and the fairness rule lets a normal one through",
          "[queue][call_policy]") {
  QueueHall h;   // fairness_after = 2
  h.issue("A");  // A001 normal, longest waiting
  h.clock.advance(std::chrono::seconds(10));
  h.issue("A", "elderly");  // A002
  h.clock.advance(std::chrono::seconds(10));
  h.issue("A", "disabled");  // A003
  h.clock.advance(std::chrono::seconds(10));
  h.issue("A", "elderly");  // A004
  h.clock.advance(std::chrono::seconds(10));
  h.issue("A");  // A005
  const std::vector<std::string> expected = {"A002", "A003", "A001", "A004", "A005"};
  std::vector<std::string> called;
  for (std::size_t i = 0; i < expected.size(); ++i) called.push_back(h.serve("W1"));
  CHECK(called == expected);
  CHECK(h.serve("W1").empty());
}

TEST_CASE("a window calls only the groups it serves, a comprehensive window serves all", "[queue][call_policy]") {
  QueueHall h;
  h.issue("B");  // B001, the oldest
  h.clock.advance(std::chrono::seconds(5));
  h.issue("A");                   // A001
  CHECK(h.call("W1") == "A001");  // W1 serves A only, though B001 waited longer
  CHECK(h.call("W2") == "B001");
}

TEST_CASE("the comprehensive window takes the longest waiting of every group", "[queue][call_policy]") {
  QueueHall h;
  h.issue("B");
  h.clock.advance(std::chrono::seconds(5));
  h.issue("A");
  CHECK(h.serve("W3") == "B001");
  CHECK(h.serve("W3") == "A001");
  CHECK(h.serve("W3").empty());
}

TEST_CASE("call-next is refused while the window holds an unfinished ticket", "[queue][call_policy]") {
  QueueHall h;
  h.issue("A");
  h.issue("A");
  CHECK(h.call("W1") == "A001");
  auto again = h.queue->call_next({"S01", "W1"});
  REQUIRE_FALSE(again);
  CHECK(again.error().reason == queue::Refusal::window_busy);
  CHECK(again.error().error.code == ErrorCode::conflict);
  CHECK_THAT(again.error().error.message, Catch::Contains("A001") && Catch::Contains("called"));
}

TEST_CASE("a paused window calls nobody, resumed, it calls again", "[queue][call_policy]") {
  QueueHall h;
  h.issue("A");
  REQUIRE(h.queue->pause({"S01", "W1"}));
  auto paused = h.queue->call_next({"S01", "W1"});
  REQUIRE_FALSE(paused);
  CHECK(paused.error().reason == queue::Refusal::window_paused);
  auto twice = h.queue->pause({"S01", "W1"});
  REQUIRE_FALSE(twice);
  CHECK(twice.error().reason == queue::Refusal::wrong_state);
  // The overview shows it paused, and no open window serving A but W3 counts for the estimate.
  auto overview = h.queue->overview();
  REQUIRE(overview);
  CHECK(overview->windows[0].paused);
  REQUIRE(h.queue->resume({"S01", "W1"}));
  CHECK(h.call("W1") == "A001");
}

TEST_CASE("a transfer keeps the ticket's number, issue time and place in its new group", "[queue][call_policy]") {
  QueueHall h;
  const auto first = h.issue("A");  // A001 at 10:00
  h.clock.advance(std::chrono::minutes(1));
  h.issue("B");  // B001 at 10:01
  h.issue("B");  // B002
  auto called = h.queue->call_next({"S01", "W1"});
  REQUIRE(called);
  REQUIRE(*called);
  REQUIRE(h.queue->start({"S01", "W1"}, first.id));
  auto moved = h.queue->transfer({"S01", "W1"}, first.id, {"B", ""});
  REQUIRE(moved);
  CHECK(moved->ticket.state == queue::TicketState::waiting);
  CHECK(moved->ticket.number == "A001");
  CHECK(moved->ticket.group == "B");
  CHECK(moved->ticket.issued_at == first.issued_at);
  CHECK(moved->ahead == 0);  // it waited longest, so it heads group B
  CHECK(h.call("W2") == "A001");
  // W1 is free again after the transfer.
  CHECK(h.call("W1").empty());
}

TEST_CASE("a transfer to a window: only that window calls the ticket", "[queue][call_policy]") {
  QueueHall h;
  const auto t = h.issue("A");
  h.clock.advance(std::chrono::minutes(1));
  h.issue("A");  // A002
  REQUIRE(h.call("W1") == "A001");
  REQUIRE(h.queue->transfer({"S01", "W1"}, t.id, {"", "W2"}));
  CHECK(h.serve("W3") == "A002");  // W3 serves all, but A001 now waits for W2 alone
  CHECK(h.serve("W1").empty());
  CHECK(h.serve("W2") == "A001");  // W2 does not serve A, yet takes the ticket sent to it
}
