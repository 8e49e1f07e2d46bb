// SPDX-License-Identifier: Apache-2.0
// Search through the on-screen keyboard: results follow every key; nothing found says what to try.
#include <catch2/catch.hpp>

#include "ui_driver.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

namespace {

std::vector<std::string> result_ids(const ui::KioskApp& app) {
  std::vector<std::string> ids;
  for (const auto& t : app.touch_targets()) {
    if (t.id.starts_with("guide:")) ids.push_back(t.id.substr(6));
  }
  return ids;
}

}  // namespace

TEST_CASE("typing initials on the on-screen keyboard narrows the results key by key", "[ui][search]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  ui.tap(*app, "home:search");
  CHECK(app->current_screen() == "search");
  for (const auto& t : app->touch_targets()) CHECK(t.full_h >= 64.0f);

  std::size_t previous = demo.catalogue->guides.size() + 1;
  std::string typed;
  for (char c : std::string("gljt")) {
    ui.tap(*app, std::string("key:") + c);
    typed += c;
    CHECK(app->search_query() == typed);
    CHECK(app->current_screen() == "search:" + typed);
    const auto ids = result_ids(*app);
    INFO("after " << typed);
    CHECK_FALSE(ids.empty());
    CHECK(ids.size() <= previous);
    previous = ids.size();
  }
  const auto ids = result_ids(*app);
  REQUIRE_FALSE(ids.empty());
  CHECK(ids.front() == "370811-JZ-0001");  // 高龄津贴 by its initials

  ui.tap(*app, "key:backspace");
  CHECK(app->search_query() == "glj");
  ui.tap(*app, "key:clear");
  CHECK(app->search_query().empty());
  CHECK(result_ids(*app).size() >= 3);  // an empty box lists every service (the visible ones here)

  // A result opens its guide; back returns to the search as it was.
  ui.tap(*app, "key:g");
  ui.tap(*app, "key:l");
  ui.tap(*app, "key:j");
  ui.tap(*app, "key:t");
  ui.tap(*app, "guide:370811-JZ-0001");
  CHECK(app->current_screen() == "guide:370811-JZ-0001");
  ui.tap(*app, "nav:back");
  CHECK(app->current_screen() == "search:gljt");
}

TEST_CASE("nothing found says what to try and offers the topics", "[ui][search]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  ui.tap(*app, "home:search");
  for (char c : std::string("zzqx9")) ui.tap(*app, std::string("key:") + c);
  CHECK(result_ids(*app).empty());
  ui.tap(*app, "search:browse");
  CHECK(app->current_screen() == "home");
}

TEST_CASE("typed characters from a hardware keyboard also search", "[ui][search]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  REQUIRE(app->open("search"));
  ui.settle(*app);
  ui.io().AddInputCharactersUTF8("GLjt");
  ui.frame(*app);
  CHECK(app->search_query() == "gljt");
}
