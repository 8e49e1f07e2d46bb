// SPDX-License-Identifier: Apache-2.0
// The next visitor never sees the last one's screen; 长辈模式 really makes everything bigger.
#include <catch2/catch.hpp>

#include "ui_driver.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

TEST_CASE("after the idle time the kiosk goes home, clears the search and resets 长辈模式", "[ui][idle]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  ui::KioskSettings settings;
  settings.idle_timeout = std::chrono::seconds(90);
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.settle(*app);
  ui.tap(*app, "home:search");
  ui.tap(*app, "key:y");
  ui.tap(*app, "key:l");
  ui.tap(*app, "corner:large_text");
  ui.tap(*app, "corner:language");
  CHECK(app->large_text());
  CHECK(app->language() == "en");
  CHECK(app->current_screen() == "search:yl");

  // The app asks to be woken for the reset, no later than the idle deadline.
  const auto last_touch = ui.now;
  CHECK(app->next_wake(ui.now) <= last_touch + std::chrono::seconds(90));

  ui.now = last_touch + std::chrono::seconds(89);
  demo.clock.advance(std::chrono::seconds(89));
  ui.frame(*app);
  CHECK(app->current_screen() == "search:yl");  // not yet

  ui.now = last_touch + std::chrono::seconds(91);
  demo.clock.advance(std::chrono::seconds(2));
  ui.frame(*app);
  CHECK(app->current_screen() == "home");
  CHECK(app->search_query().empty());
  CHECK_FALSE(app->large_text());
  CHECK(app->language() == "zh-CN");
  ui.settle(*app);
  ui.tap(*app, "home:search");
  CHECK(app->current_screen() == "search");  // the box is empty for the next visitor
}

TEST_CASE("a visitor reading a guide is asked before the reset, and a tap keeps the guide", "[ui][idle]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  ui::KioskSettings settings;
  settings.idle_timeout = std::chrono::seconds(90);
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  REQUIRE(app->open("guide:370811-JZ-0001"));
  const auto last_touch = ui.now;  // the first frame starts the count; nothing touches after it
  ui.settle(*app);
  ui.now = last_touch + std::chrono::seconds(74);
  ui.frame(*app);
  CHECK_FALSE(ui.find(*app, "idle:continue"));
  // The app asks to be woken when the question is due, 15 s before the reset.
  CHECK(app->next_wake(ui.now) == last_touch + std::chrono::seconds(75));
  ui.now = last_touch + std::chrono::seconds(80);
  ui.frame(*app);
  REQUIRE(ui.find(*app, "idle:continue"));
  CHECK(app->next_wake(ui.now) <= ui.now + std::chrono::seconds(1));  // the countdown ticks
  // A tap anywhere (here, where 返回 is drawn beneath) continues: the guide stays, nothing is pressed.
  const auto* back = ui.find(*app, "nav:back");
  REQUIRE(back);
  ui.tap_at(*app, hall::test::center(*back));
  ui.settle(*app);
  CHECK(app->current_screen() == "guide:370811-JZ-0001");
  CHECK_FALSE(ui.find(*app, "idle:continue"));

  // Scrolling the guide counts as reading: the question comes 75 s after the last drag.
  const auto* any = ui.find(*app, "nav:home");
  REQUIRE(any);
  ui.drag(*app, ImVec2(600, 700), ImVec2(600, 400), 10);
  ui.settle(*app);
  const auto dragged = ui.now;
  ui.now = dragged + std::chrono::seconds(70);
  ui.frame(*app);
  CHECK_FALSE(ui.find(*app, "idle:continue"));

  // No answer: at the deadline the kiosk goes home, where no question is asked.
  ui.now = dragged + std::chrono::seconds(91);
  ui.frame(*app);
  ui.frame(*app);
  CHECK(app->current_screen() == "home");
  CHECK_FALSE(ui.find(*app, "idle:continue"));
}

TEST_CASE("an idle kiosk at home only wakes for the clock's next minute", "[ui][idle]") {
  DemoCatalogue demo;  // 10:00:00 on the wall clock
  demo.clock.advance(std::chrono::seconds(15));
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  CHECK_FALSE(app->animating());
  CHECK(app->next_wake(ui.now) == ui.now + std::chrono::seconds(45));
}

TEST_CASE("an idle reset returns to large text when that is the setting", "[ui][idle]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  ui::KioskSettings settings;
  settings.large_text = true;
  settings.idle_timeout = std::chrono::seconds(30);
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.settle(*app);
  CHECK(app->large_text());
  ui.tap(*app, "corner:large_text");
  CHECK_FALSE(app->large_text());
  ui.now += std::chrono::seconds(31);
  ui.frame(*app);
  CHECK(app->large_text());
}

TEST_CASE("长辈模式 makes rows, buttons and text at least 1.5x larger", "[ui][large_text]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"});
  REQUIRE(app->open("topic:养老服务"));
  ui.settle(*app);
  const auto* row = ui.find(*app, "guide:370811-JZ-0001");
  REQUIRE(row);
  const float row_before = row->full_h;
  const float font_before = ImGui::GetIO().Fonts->Fonts[0]->FontSize;

  ui.tap(*app, "corner:large_text");
  CHECK(app->large_text());
  ui.settle(*app);  // the driver rebuilt the atlas, as the host does when fonts_dirty()
  CHECK_FALSE(app->fonts_dirty());
  row = ui.find(*app, "guide:370811-JZ-0001");
  REQUIRE(row);
  CHECK(row->full_h >= 1.5f * row_before - 0.5f);
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize >= 1.5f * font_before - 0.01f);
  for (const auto& t : app->touch_targets()) {
    INFO(t.id);
    CHECK(t.x + t.w <= w + 0.5f);  // still fits across
  }
}
