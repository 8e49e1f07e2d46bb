// SPDX-License-Identifier: Apache-2.0
// Numbers per group per local day: consecutive, per group, reset at the hall's midnight, a zone
// change honoured from the next midnight only.
#include <catch2/catch.hpp>

#include <set>

#include "queue/numbering.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

TEST_CASE("numbers carry the group's letter, three digits, a fourth when the day needs it", "[queue][numbering]") {
  struct Case {
    const char* rule;
    std::int64_t sequence;
    const char* number;
  };
  const Case cases[] = {
      {"the first of the day is 001", 1, "A001"},
      {"two digits are padded", 23, "A023"},
      {"the last three-digit number", 999, "A999"},
      {"a fourth digit, never a wrap to 000", 1000, "A1000"},
      {"and on", 12345, "A12345"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(queue::format_number("A", c.sequence) == c.number);
  }
}

TEST_CASE("each group counts on its own within a day, with no gap", "[queue][numbering]") {
  QueueHall h;
  CHECK(h.issue("A").number == "A001");
  CHECK(h.issue("A").number == "A002");
  CHECK(h.issue("B").number == "B001");
  CHECK(h.issue("A").number == "A003");
  const auto t = h.issue("B");
  CHECK(t.number == "B002");
  CHECK(t.day == "2026-12-01");
}

TEST_CASE("the counter survives a restart and passes 999 to a fourth digit", "[queue][numbering]") {
  QueueHall h;
  CHECK(h.issue().number == "A001");
  REQUIRE(h.queue->database().exec("UPDATE counters SET last = 998 WHERE group_id = 'A'"));
  h.reopen(TimeZone::fixed("Asia/Shanghai", 8 * 3600));
  CHECK(h.issue().number == "A999");
  CHECK(h.issue().number == "A1000");
}

TEST_CASE("numbering resets at the hall's local midnight, not at UTC midnight", "[queue][numbering]") {
  struct Case {
    const char* rule;
    const char* first_issue_at;
    const char* second_issue_at;
    const char* number;
    const char* day;
  };
  const Case cases[] = {
      {"one second before local midnight is the same day", "2026-12-01T20:00:00+08:00", "2026-12-01T23:59:59+08:00",
       "A002", "2026-12-01"},
      {"local midnight starts a new day", "2026-12-01T20:00:00+08:00", "2026-12-02T00:00:00+08:00", "A001",
       "2026-12-02"},
      {"UTC midnight (08:00 local) is not a new day", "2026-12-01T07:00:00+08:00", "2026-12-01T00:00:00Z", "A002",
       "2026-12-01"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    QueueHall h;
    h.hall.opening_hours.clear();  // issue at any hour
    h.clock.set(local(c.first_issue_at));
    CHECK(h.issue().number == "A001");
    h.clock.set(local(c.second_issue_at));
    const auto t = h.issue();
    CHECK(t.number == c.number);
    CHECK(t.day == c.day);
  }
}

TEST_CASE("a zone change is honoured from the next local midnight and never renumbers a day", "[queue][numbering]") {
  QueueHall h;
  h.hall.opening_hours.clear();
  // 22:00 in +08:00 on 12-01; the hall's zone is then changed to +09:00.
  h.clock.set(local("2026-12-01T22:00:00+08:00"));
  CHECK(h.issue().number == "A001");
  h.reopen(TimeZone::fixed("Asia/Tokyo", 9 * 3600));
  // 23:30 old time is 00:30 on 12-02 in the new zone, but the day in progress keeps its zone.
  h.clock.set(local("2026-12-01T23:30:00+08:00"));
  auto same_day = h.issue();
  CHECK(same_day.number == "A002");
  CHECK(same_day.day == "2026-12-01");
  // The old zone's midnight ends the day; the next one is counted in the new zone.
  h.clock.set(local("2026-12-02T00:00:01+08:00"));
  auto next = h.issue();
  CHECK(next.number == "A001");
  CHECK(next.day == "2026-12-02");
  // ... and that day ends at the new zone's midnight (15:00Z), not the old one's (16:00Z).
  h.clock.set(local("2026-12-03T00:00:00+09:00"));
  auto third = h.issue();
  CHECK(third.number == "A001");
  CHECK(third.day == "2026-12-03");
}

TEST_CASE("a zone moved west keeps counting the day it would re-enter", "[queue][numbering]") {
  QueueHall h;
  h.hall.opening_hours.clear();
  h.clock.set(local("2026-12-01T23:00:00+08:00"));
  CHECK(h.issue().number == "A001");
  h.reopen(TimeZone::fixed("UTC", 0));
  // Past the old midnight, the new zone's date is still 12-01: numbers go on, none repeats.
  h.clock.set(local("2026-12-02T01:00:00+08:00"));
  const auto t = h.issue();
  CHECK(t.number == "A002");
  CHECK(t.day == "2026-12-01");
  h.clock.set(local("2026-12-02T00:00:00Z"));
  CHECK(h.issue().day == "2026-12-02");
}

TEST_CASE("no number is issued twice by two services on one file", "[queue][numbering]") {
  QueueHall h;
  h.hall.opening_hours.clear();  // 50 waiting would pass the cut-off
  auto second = queue::QueueService::open(h.dir.file("queue.db"), h.hall, TimeZone::fixed("Asia/Shanghai", 8 * 3600),
                                          h.clock, h.random);
  REQUIRE(second);
  std::set<std::string> numbers;
  for (int i = 0; i < 50; ++i) {
    auto& q = (i % 2) ? *second : *h.queue;
    auto r = q.issue({"K1", "", "A", "", std::nullopt});
    REQUIRE(r);
    CHECK(numbers.insert(r->view.ticket.number).second);
  }
  CHECK(numbers.size() == 50);
  CHECK(numbers.contains("A050"));
}
