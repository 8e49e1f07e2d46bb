// SPDX-License-Identifier: Apache-2.0
// The JSON bodies of hub-api.md: the staff view carries every field, the phone's view no more
// than its number, state, ahead, wait and (once called) the window.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "queue/ticket_json.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

TEST_CASE("a ticket's staff view has hub-api.md's fields, the public view no more than it may show", "[queue][json]") {
  QueueHall h;
  h.issue("A");
  const auto t = h.issue("A", "elderly");
  auto view = h.queue->ticket(t.id);
  REQUIRE(view);
  const auto staff = nlohmann::json::parse(queue::ticket_json(*view, h.queue->zone()));
  for (const char* key : {"id", "number", "group", "guide_id", "priority", "state", "issued_at", "called_at", "window",
                          "recalls", "token", "status_url", "ahead", "estimated_wait_s"}) {
    INFO(key);
    CHECK(staff.contains(key));
  }
  CHECK(staff["number"] == "A002");
  CHECK(staff["priority"] == "elderly");
  CHECK(staff["issued_at"] == "2026-12-01T10:00:00+08:00");
  CHECK(staff["called_at"].is_null());
  CHECK(staff["ahead"] == 0);  // a priority ticket comes before the older normal one
  const auto waiting = nlohmann::json::parse(queue::public_ticket_json(*view));
  CHECK(waiting.size() == 4);
  CHECK_FALSE(waiting.contains("token"));
  CHECK_FALSE(waiting.contains("window"));
  REQUIRE(h.call("W1") == "A002");
  const auto called = nlohmann::json::parse(queue::public_ticket_json(*h.queue->ticket(t.id)));
  CHECK(called["state"] == "called");
  CHECK(called["window"] == "W1");
  const auto overview = nlohmann::json::parse(queue::overview_json(*h.queue->overview()));
  CHECK(overview["windows"][0]["state"] == "busy");
  CHECK(overview["windows"][0]["current"]["number"] == "A002");
  CHECK(overview["groups"][0]["waiting"] == 1);
}
