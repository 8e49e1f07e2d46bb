// SPDX-License-Identifier: Apache-2.0
// Touch: a drag scrolls and never presses; a short wobble is still a tap; a fling slows down.
#include <catch2/catch.hpp>

#include "ui_driver.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

namespace {

// The first guide row fully on screen.
const ui::TouchTarget* first_row(const ui::KioskApp& app) {
  for (const auto& t : app.touch_targets()) {
    if (t.id.starts_with("guide:") && t.id != "guide:take_number" && t.h >= t.full_h - 0.5f) return &t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a drag on a list scrolls it and opens nothing", "[ui][touch]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  REQUIRE(app->open("search"));  // all 26 services: longer than the screen
  ui.settle(*app);
  const ui::TouchTarget* row = first_row(*app);
  REQUIRE(row);
  const std::string id = row->id;
  const float y_before = row->y;
  const ImVec2 start = hall::test::center(*row);

  ui.drag(*app, start, ImVec2(start.x, start.y - 300.0f), 12);
  CHECK(app->current_screen() == "search");
  const auto* moved = ui.find(*app, id);
  if (moved) CHECK(moved->y < y_before - 250.0f);  // it went up with the finger (or off screen)
  ui.settle(*app);
  CHECK_FALSE(app->animating());
  CHECK(app->current_screen() == "search");
}

TEST_CASE("a drag that comes back to where it started is still not a tap", "[ui][touch]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  const auto* tile = ui.find(*app, "topic:养老服务");
  REQUIRE(tile);
  const ImVec2 c = hall::test::center(*tile);
  ui.press_along(*app, {c, ImVec2(c.x + 40.0f, c.y), c});
  ui.settle(*app);
  CHECK(app->current_screen() == "home");
}

TEST_CASE("a finger that wobbles less than the slop still taps", "[ui][touch]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  const auto* tile = ui.find(*app, "topic:养老服务");
  REQUIRE(tile);
  const ImVec2 c = hall::test::center(*tile);
  ui.press_along(*app, {c, ImVec2(c.x + 5.0f, c.y + 4.0f)});
  ui.settle(*app);
  CHECK(app->current_screen() == "topic:养老服务");
}

TEST_CASE("a fling keeps moving after the finger lifts, then stops", "[ui][touch]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  REQUIRE(app->open("guide:370811-JZ-0001"));  // a long guide
  ui.settle(*app);
  ui.drag(*app, ImVec2(540, 1300), ImVec2(540, 900), 4);  // fast: 100 px a frame
  CHECK(app->animating());
  int frames = 0;
  while (app->animating() && frames < 600) {
    ui.frame(*app);
    ++frames;
  }
  CHECK(frames > 5);
  CHECK_FALSE(app->animating());
  CHECK(app->current_screen() == "guide:370811-JZ-0001");
}
