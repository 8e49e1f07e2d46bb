// SPDX-License-Identifier: Apache-2.0
// The bundled demo hall is what a new installation shows: it must be valid and rich enough.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "support/demo_hall.h"
#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::catalogue;

using hall::test::demo;

namespace {
}

TEST_CASE("the demo catalogue passes the validator and covers a real street hall", "[assets]") {
  const auto file = load_catalogue_file(demo + "/catalogue.json");
  INFO((file ? std::string() : file.error().message));
  REQUIRE(file);
  const auto& guides = file->guides;
  CHECK(guides.size() >= 24);
  std::set<std::string> topics;
  int certificates = 0, not_one_visit = 0, with_fee = 0, future = 0;
  const auto now = SystemClock().now();
  for (const auto& g : guides) {
    topics.insert(g.topics.begin(), g.topics.end());
    for (const auto& m : g.materials) certificates += m.certificate ? 1 : 0;
    if (!g.is_one_visit()) {
      ++not_one_visit;
      CHECK_FALSE(g.onsite_reason.empty());
    }
    with_fee += g.is_free() ? 0 : 1;
    future += (g.effective_from && *g.effective_from > now) ? 1 : 0;
  }
  CHECK(topics.size() >= 8);
  CHECK(certificates >= 3);
  CHECK(not_one_visit >= 2);
  CHECK(with_fee >= 1);
  CHECK(future >= 1);
}

TEST_CASE("the demo hall's configuration is valid and matches its catalogue", "[assets]") {
  const auto hall = load_hall_config(demo + "/hall.json");
  INFO((hall ? std::string() : hall.error().message));
  REQUIRE(hall);
  CHECK(hall->time_zone == "Asia/Shanghai");
  CHECK(TimeZone::load(hall->time_zone));
  CHECK_FALSE(hall->queue_groups.empty());
  CHECK_FALSE(hall->windows.empty());
  std::set<std::string> groups, windows;
  for (const auto& g : hall->queue_groups) groups.insert(g.id);
  for (const auto& w : hall->windows) windows.insert(w.name);
  const auto file = load_catalogue_file(demo + "/catalogue.json");
  REQUIRE(file);
  for (const auto& g : file->guides) {
    INFO("guide " << g.id);
    if (!g.queue_group.empty()) CHECK(groups.contains(g.queue_group));
    if (!g.location.window.empty()) CHECK(windows.contains(g.location.window));
  }
  // 常办事项 names guides of this catalogue, or the kiosk would show a shorter 常办 than meant.
  CHECK_FALSE(hall->common_services.empty());
  for (const auto& id : hall->common_services) {
    INFO("常办事项 " << id);
    CHECK(std::any_of(file->guides.begin(), file->guides.end(), [&](const auto& g) { return g.id == id; }));
  }
}

TEST_CASE("hall configuration errors name the path", "[assets][hall]") {
  const auto r = parse_hall_config(R"({"format": "hallkiosk.hall/1", "name": "x", "address": "y",
    "default_queue_group": "Z", "queue_groups": [{"id": "A", "letter": "A", "name": "综合"}],
    "windows": [{"id": "W1", "number": 1, "name": "1号窗口", "queue_groups": ["B"]}],
    "opening_hours": [{"days": "mon-fri", "open": "9:00", "close": "17:00"}]})");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("hall: $.default_queue_group: \"Z\" is not one of the queue_groups"));
  CHECK_THAT(r.error().message, Catch::Contains("hall: $.windows[0].queue_groups[0]: \"B\" is not a queue group"));
  CHECK_THAT(r.error().message, Catch::Contains("hall: $.opening_hours[0].open: expected HH:MM, got \"9:00\""));
}

TEST_CASE("the demo catalogue speaks English to a foreign resident", "[assets][english]") {
  const auto file = load_catalogue_file(demo + "/catalogue.json");
  REQUIRE(file);
  for (const auto& g : file->guides) {
    INFO("guide " << g.id);
    CHECK_FALSE(g.name_en.empty());
    CHECK_FALSE(g.department.name_en.empty());
    CHECK_FALSE(g.conditions_en.empty());
    CHECK_FALSE(g.keywords_en.empty());
    CHECK_FALSE(g.location.address_en.empty());
    CHECK_FALSE(g.location.hours_en.empty());
    CHECK(g.location.window.empty() == g.location.window_en.empty());
    CHECK(g.onsite_reason.empty() == g.onsite_reason_en.empty());
    CHECK(g.time_limit_note.empty() == g.time_limit_note_en.empty());
    for (std::size_t i = 0; i < g.materials.size(); ++i) {
      const auto& m = g.materials[i];
      INFO("material " << i << " " << m.name);
      CHECK_FALSE(m.name_en.empty());
      CHECK(m.notes.empty() == m.notes_en.empty());
      if (m.certificate) CHECK_FALSE(m.certificate->issued_by_en.empty());
    }
    for (const auto& s : g.steps) {
      INFO("step " << s.title);
      CHECK_FALSE(s.title_en.empty());
      CHECK(s.detail.empty() == s.detail_en.empty());
    }
    for (const auto& f : g.fees) CHECK((!f.item_en.empty() && !f.standard_en.empty()));
    for (const auto& f : g.faq) CHECK((!f.q_en.empty() && !f.a_en.empty()));
  }
}
