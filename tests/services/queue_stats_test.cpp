// SPDX-License-Identifier: Apache-2.0
// A day's figures per group and per window, and the hall.json keys they rest on.
#include <catch2/catch.hpp>

#include "queue/hall_calendar.h"
#include "queue/queue_stats.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

TEST_CASE("percentile is nearest-rank", "[queue][stats]") {
  struct Case {
    const char* rule;
    std::vector<double> values;
    double p;
    std::optional<double> expect;
  };
  const Case cases[] = {
      {"no values: none", {}, 90, std::nullopt},
      {"one value is every percentile", {7}, 90, 7},
      {"p90 of ten is the ninth", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9},
      {"order does not matter", {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, 90, 9},
      {"p50 of four is the second", {4, 1, 3, 2}, 50, 2},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(queue::percentile(c.values, c.p) == c.expect);
  }
}

TEST_CASE("a day's figures: issued, served, no-shows, waits, service time, busy share", "[queue][stats]") {
  QueueHall h;
  h.issue("A");  // 10:00
  h.issue("A");
  h.issue("B");
  h.clock.advance(std::chrono::minutes(2));
  CHECK(h.serve("W1") == "A001");  // waited 120 s, served in 0 s
  h.clock.advance(std::chrono::minutes(1));
  auto called = h.queue->call_next({"S01", "W1"});  // A002 waited 180 s
  REQUIRE(called);
  REQUIRE(h.queue->start({"S01", "W1"}, (*called)->ticket.id));
  h.clock.advance(std::chrono::minutes(10));
  REQUIRE(h.queue->finish({"S01", "W1"}, (*called)->ticket.id));
  auto b = h.queue->call_next({"S02", "W2"});
  REQUIRE(b);
  REQUIRE(h.queue->no_show({"S02", "W2"}, (*b)->ticket.id));
  auto stats = queue::day_stats(h.queue->database(), h.hall, h.queue->zone(), "2026-12-01");
  REQUIRE(stats);
  CHECK(stats->open_s == (3 * 60 + 210) * 60);  // 09:00-12:00 and 13:30-17:00
  const auto& a = stats->groups[0];
  CHECK(a.group == "A");
  CHECK(a.figures.issued == 2);
  CHECK(a.figures.served == 2);
  CHECK(a.figures.wait_mean_s == 150.0);
  CHECK(a.figures.wait_p90_s == 180.0);
  CHECK(a.figures.service_mean_s == 300.0);
  CHECK(stats->groups[1].figures.no_shows == 1);
  const auto& w1 = stats->windows[0];
  CHECK(w1.window == "W1");
  CHECK(w1.figures.served == 2);
  CHECK(w1.busy_s == 600);
  REQUIRE(w1.busy_share);
  CHECK(*w1.busy_share == Approx(600.0 / stats->open_s));
  CHECK(stats->windows[1].figures.no_shows == 1);
  CHECK_FALSE(stats->windows[2].figures.served);  // W3: a cold window
  const std::string json = queue::to_json(*stats);
  CHECK_THAT(json, Catch::Contains("\"wait_p90_s\": 180.0") && Catch::Contains("\"busy_s\": 600"));
}

TEST_CASE("hall.json's queue keys: defaults, values and refusals", "[queue][config]") {
  const auto hall = test_hall();
  CHECK(hall.public_base_url == "https://hall.example");  // the trailing slash is dropped
  CHECK(hall.queue_rules.fairness_after == 2);
  CHECK(hall.priority_classes.size() == 2);
  CHECK(hall.window("W3")->comprehensive);
  CHECK(hall.window("W3")->serves("B"));
  CHECK_FALSE(hall.window("W1")->serves("B"));
  std::string json = test_hall_json;
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string s = json;
    s.replace(s.find(from), from.size(), to);
    return parse_hall_config(s);
  };
  struct Case {
    const char* rule;
    const char* from;
    const char* to;
    const char* says;
  };
  const Case cases[] = {
      {"a base URL must be http(s)", "\"https://hall.example/\"", "\"ftp://x\"", "$.public_base_url"},
      {"the comment page must be http(s)", "\"public_base_url\"", "\"notice_url\": \"zwgk.example\", \"public_base_url\"",
       "$.notice_url"},
      {"fairness at least 1", "\"fairness_after\": 2", "\"fairness_after\": 0", "fairness_after"},
      {"a duplicate priority class", "{\"id\": \"disabled\"", "{\"id\": \"elderly\"", "duplicate priority class"},
      {"a normal window needs its groups", "\"comprehensive\": true", "\"comprehensive\": false", "queue_groups"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const auto r = with(c.from, c.to);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains(c.says));
  }
  // Without any queue key a hall.json keeps its defaults.
  const auto plain = parse_hall_config(R"({"format": "hallkiosk.hall/1", "name": "n", "address": "a",
    "default_queue_group": "A", "queue_groups": [{"id": "A", "letter": "A", "name": "g"}],
    "windows": [{"id": "W1", "number": 1, "name": "w", "queue_groups": ["A"]}]})");
  REQUIRE(plain);
  CHECK(plain->queue_rules.recall_limit == 2);
  CHECK(plain->queue_rules.cutoff_minutes == 30);
  CHECK(plain->public_base_url.empty());
  CHECK(plain->notice_url.empty());
}

TEST_CASE("the hall calendar reads day lists and knows the next opening", "[queue][stats]") {
  struct Case {
    const char* rule;
    const char* days;
    std::vector<bool> week;
  };
  const Case cases[] = {
      {"a range", "mon-fri", {true, true, true, true, true, false, false}},
      {"one day", "sat", {false, false, false, false, false, true, false}},
      {"a list", "mon,wed,fri", {true, false, true, false, true, false, false}},
      {"a range across the week's end", "sat-mon", {true, false, false, false, false, true, true}},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(queue::weekdays_of(c.days) == c.week);
  }
  CHECK_FALSE(queue::weekdays_of("weekdays"));
  CHECK_FALSE(queue::weekdays_of(""));
}

TEST_CASE("local midnight and opening hours follow a zone's clock changes", "[queue][stats]") {
  const auto berlin = TimeZone::load("Europe/Berlin");
  REQUIRE(berlin);
  struct Case {
    const char* rule;
    const char* at;
    const char* date;
    const char* next_midnight;
  };
  const Case cases[] = {
      {"the day before summer time: midnight at +01:00", "2026-03-28T12:00:00+01:00", "2026-03-28",
       "2026-03-28T23:00:00Z"},
      {"the short day itself: its midnight at +02:00", "2026-03-29T12:00:00+02:00", "2026-03-29",
       "2026-03-29T22:00:00Z"},
      {"the long day when summer time ends", "2026-10-25T12:00:00+01:00", "2026-10-25", "2026-10-25T23:00:00Z"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(queue::local_date(local(c.at), *berlin) == c.date);
    CHECK(queue::next_local_midnight(local(c.at), *berlin) == local(c.next_midnight));
  }
  const std::vector<OpeningHours> hours = {{"mon-fri", "09:00", "17:00"}};
  // Monday after the change: 09:00 local is 07:00Z in summer time.
  const auto span = queue::open_span_at(hours, *berlin, local("2026-03-30T10:00:00+02:00"));
  REQUIRE(span);
  CHECK(span->open == local("2026-03-30T07:00:00Z"));
  CHECK(queue::next_opening(hours, *berlin, local("2026-03-28T12:00:00+01:00")) == local("2026-03-30T09:00:00+02:00"));
  CHECK(queue::open_seconds_on(hours, *berlin, "2026-03-30") == 8 * 3600);
}
