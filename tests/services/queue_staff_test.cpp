// SPDX-License-Identifier: Apache-2.0
// Staff and devices: argon2id PINs, five wrong PINs lock for five minutes, sessions bound to a
// window with an expiry, device tokens stored only as hashes, and an audit line for each.
#include <catch2/catch.hpp>

#include "queue/audit_log.h"
#include "queue/device_registry.h"
#include "queue/staff_registry.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;
using queue::Refusal;

namespace {

struct StaffHall : QueueHall {
  queue::StaffRegistry staff{queue->database(), hall, clock, random, queue::PinCost::minimal()};
  queue::DeviceRegistry devices{queue->database(), clock, random};

  StaffHall() { REQUIRE(staff.add("S01", "王芳", queue::StaffRole::clerk, "2468")); }
};

}  // namespace

TEST_CASE("PIN lockout: five wrong PINs lock the staff id for five minutes", "[queue][staff]") {
  struct Step {
    const char* rule;
    int seconds_later;
    const char* pin;
    std::optional<Refusal> refusal;  // none: signed in
  };
  const Step steps[] = {
      {"a wrong PIN is unauthenticated", 0, "1111", Refusal::unauthenticated},
      {"the second", 1, "1111", Refusal::unauthenticated},
      {"the third", 1, "1111", Refusal::unauthenticated},
      {"the fourth", 1, "1111", Refusal::unauthenticated},
      {"the fifth wrong PIN locks", 1, "1111", Refusal::locked},
      {"while locked even the right PIN is refused", 60, "2468", Refusal::locked},
      {"still locked one second before the five minutes end", 238, "2468", Refusal::locked},
      {"after five minutes the right PIN signs in", 2, "2468", std::nullopt},
      {"the count started afresh: one wrong PIN does not lock", 1, "1111", Refusal::unauthenticated},
      {"and the right one still works", 1, "2468", std::nullopt},
  };
  StaffHall h;
  for (const auto& s : steps) {
    INFO(s.rule);
    h.clock.advance(std::chrono::seconds(s.seconds_later));
    const auto r = h.staff.sign_in("S01", s.pin, "W1");
    if (!s.refusal) {
      REQUIRE(r);
      CHECK(r->window == "W1");
      continue;
    }
    REQUIRE_FALSE(r);
    CHECK(r.error().reason == *s.refusal);
  }
}

TEST_CASE("locked_until tells when a locked id may try again", "[queue][staff]") {
  StaffHall h;
  for (int i = 0; i < queue::max_wrong_pins; ++i) (void)h.staff.sign_in("S01", "0000", "W1");
  const auto until = h.staff.locked_until("S01");
  REQUIRE(until);
  REQUIRE(*until);
  CHECK(**until == h.clock.now() + queue::pin_lockout);
  // A reset PIN lifts the lock.
  REQUIRE(h.staff.reset_pin("S01", "13579"));
  CHECK(h.staff.sign_in("S01", "13579", "W1"));
}

TEST_CASE("sessions are bound to a window, expire, end on sign-out and on disable", "[queue][staff]") {
  StaffHall h;
  auto s = h.staff.sign_in("S01", "2468", "W2");
  REQUIRE(s);
  CHECK(s->token.size() == 64);
  auto found = h.staff.session(s->token);
  REQUIRE(found);
  CHECK(found->staff_id == "S01");
  CHECK(found->window == "W2");
  CHECK(found->role == queue::StaffRole::clerk);
  // Only the hash is stored.
  auto st = h.queue->database().prepare("SELECT count(*) FROM sessions WHERE token_hash = ?1");
  REQUIRE(st);
  REQUIRE(st->bind(1, s->token).step());
  CHECK(st->integer(0) == 0);
  // Expiry.
  h.clock.advance(queue::session_lifetime + std::chrono::seconds(1));
  CHECK(h.staff.session(s->token).error().reason == Refusal::unauthenticated);
  // Sign-out.
  auto t = h.staff.sign_in("S01", "2468", "W1");
  REQUIRE(t);
  REQUIRE(h.staff.sign_out(t->token));
  CHECK_FALSE(h.staff.session(t->token));
  // Disable ends every session and refuses sign-in.
  auto u = h.staff.sign_in("S01", "2468", "W1");
  REQUIRE(u);
  REQUIRE(h.staff.disable("S01"));
  CHECK_FALSE(h.staff.session(u->token));
  CHECK(h.staff.sign_in("S01", "2468", "W1").error().reason == Refusal::forbidden);
}

TEST_CASE("sign-in refusals: unknown id, unknown window, a PIN that is not 4-12 digits", "[queue][staff]") {
  StaffHall h;
  CHECK(h.staff.sign_in("S99", "2468", "W1").error().reason == Refusal::unauthenticated);
  CHECK(h.staff.sign_in("S01", "2468", "W9").error().reason == Refusal::not_found);
  CHECK(h.staff.add("S02", "李明", queue::StaffRole::manager, "12").error().reason == Refusal::invalid_input);
  CHECK(h.staff.add("S02", "李明", queue::StaffRole::manager, "abcd").error().reason == Refusal::invalid_input);
  CHECK(h.staff.add("S01", "again", queue::StaffRole::clerk, "1234").error().reason == Refusal::invalid_input);
  auto listed = h.staff.list();
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  // The PIN is stored as argon2id, never in the clear.
  auto st = h.queue->database().prepare("SELECT pin_hash FROM staff WHERE id = 'S01'");
  REQUIRE(st);
  REQUIRE(st->step());
  CHECK_THAT(st->text(0), Catch::StartsWith("$argon2id$"));
}

TEST_CASE("device tokens: shown once, stored as a hash, refused once revoked", "[queue][devices]") {
  StaffHall h;
  auto k1 = h.devices.add("K1", queue::DeviceRole::kiosk);
  REQUIRE(k1);
  CHECK(k1->token.size() == 64);
  auto who = h.devices.authenticate(k1->token);
  REQUIRE(who);
  CHECK(who->id == "K1");
  CHECK(who->role == queue::DeviceRole::kiosk);
  CHECK(h.devices.add("K1", queue::DeviceRole::board).error().reason == Refusal::invalid_input);
  CHECK(h.devices.authenticate("not-a-token").error().reason == Refusal::unauthenticated);
  REQUIRE(h.devices.revoke("K1"));
  CHECK(h.devices.authenticate(k1->token).error().reason == Refusal::unauthenticated);
  CHECK(h.devices.revoke("K1").error().reason == Refusal::not_found);
  auto listed = h.devices.list();
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK(listed->front().revoked_at);
}

TEST_CASE("the audit log records sign-ins, refusals and counter actions", "[queue][staff]") {
  StaffHall h;
  (void)h.staff.sign_in("S01", "0000", "W1");
  REQUIRE(h.staff.sign_in("S01", "2468", "W1"));
  h.issue("A");
  REQUIRE(h.call("W1") == "A001");
  (void)h.queue->call_next({"S01", "W1"});  // refused: the window holds A001
  auto log = queue::audit_entries(h.queue->database(), 0, 100);
  REQUIRE(log);
  std::vector<std::string> lines;
  for (const auto& e : *log) lines.push_back(e.actor + " " + e.window + " " + e.action + " " + e.outcome);
  CHECK(lines == std::vector<std::string>{"hallctl  staff_add ok", "S01 W1 sign_in unauthenticated",
                                          "S01 W1 sign_in ok", "S01 W1 call_next ok", "S01 W1 call_next window_busy"});
}
