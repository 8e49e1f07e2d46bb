// SPDX-License-Identifier: Apache-2.0
// Layout that a visitor can read: on the ticket screen nothing drawn sits on anything else, the
// home screen's "more topics" strip never covers a tile, and search rows are as tall as their own
// names however many results the previous query had.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ui_driver.h"
#include "widgets/text.h"

using hall::test::DemoCatalogue;
using hall::test::noto;
using hall::test::UiDriver;

namespace layout_overlap_test {

namespace ui = hall::ui;

// Half a pixel of slack: boxes that merely touch do not overlap.
constexpr float slack = 0.5f;

bool overlap(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  return amin.x < bmax.x - slack && bmin.x < amax.x - slack && amin.y < bmax.y - slack && bmin.y < amax.y - slack;
}
bool inside(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  return amin.x >= bmin.x - slack && amin.y >= bmin.y - slack && amax.x <= bmax.x + slack && amax.y <= bmax.y + slack;
}
ImVec2 tmin(const ui::TouchTarget& t) {
  return {t.x, t.y};
}
ImVec2 tmax(const ui::TouchTarget& t) {
  return {t.x + t.w, t.y + t.h};
}

// Everything one frame draws, with where it landed.
std::vector<ui::DrawnItem> drawn_items(UiDriver& driver, ui::KioskApp& app) {
  std::vector<ui::DrawnItem> items;
  const ui::DrawnItemRecorder record(items);
  driver.frame(app);
  return items;
}

std::string all_text(const std::vector<ui::DrawnItem>& items) {
  std::string all;
  for (const auto& i : items) all += i.text;
  return all;
}

std::string describe(const ui::DrawnItem& i) {
  return "\"" + i.text + "\" (" + std::to_string(i.min.x) + "," + std::to_string(i.min.y) + ")-(" +
         std::to_string(i.max.x) + "," + std::to_string(i.max.y) + ")";
}

// No text on other text or on the QR code, and no text partly on a touch target (a label lies
// wholly inside its own button).
void require_nothing_overlaps(const std::vector<ui::DrawnItem>& items, const std::vector<ui::TouchTarget>& targets,
                              float width, float height) {
  for (std::size_t a = 0; a < items.size(); ++a) {
    const auto& ia = items[a];
    INFO(describe(ia));
    CHECK(inside(ia.min, ia.max, ImVec2(0, 0), ImVec2(width, height)));
    for (std::size_t b = a + 1; b < items.size(); ++b) {
      const auto& ib = items[b];
      INFO("against " << describe(ib));
      CHECK_FALSE(overlap(ia.min, ia.max, ib.min, ib.max));
    }
    if (ia.text.starts_with("[")) continue;  // a box; its own texts were checked against it
    for (const auto& t : targets) {
      if (!overlap(ia.min, ia.max, tmin(t), tmax(t))) continue;
      INFO("on target " << t.id);
      CHECK(inside(ia.min, ia.max, tmin(t), tmax(t)));
    }
  }
}

TEST_CASE("nothing on the ticket screen overlaps, in either orientation, language or text size",
          "[ui][ticket][layout][large_text]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  const bool large = GENERATE(false, true);
  const std::string lang = GENERATE(std::string("zh-CN"), std::string("en"));
  const std::string spec =
      GENERATE(std::string("ticket:370811-JZ-0001"), std::string("ticket:370811-JZ-0021"),
               std::string("ticket-printing:370811-JZ-0003"), std::string("ticket-unprintable:370811-JZ-0003"));
  INFO(w << "x" << h << " " << lang << (large ? " 长辈模式 " : " ") << spec);
  DemoCatalogue demo;
  UiDriver driver(w, h);
  ui::KioskSettings settings;
  settings.large_text = large;
  settings.language = lang;
  auto app = driver.make_app(demo.catalogue, demo.clock, settings);
  driver.build_fonts(*app, noto);
  REQUIRE(app->open(spec));
  driver.settle(*app);
  REQUIRE(app->current_screen().starts_with("ticket:"));
  const auto items = drawn_items(driver, *app);
  const std::string all = all_text(items);
  // The sample ticket: A023, 3 ahead, 9 minutes; each must be drawn, none cut.
  CHECK(all.find("A023") != std::string::npos);
  // The countdown is the one line there that would be cut with "…" if it had no room: it is whole.
  const std::string countdown = lang == "en" ? "Back to the start in 60 s" : "60 秒后自动回到首页";
  bool whole = false;
  for (const auto& i : items) whole = whole || i.text == countdown;
  CHECK(whole);
  int qr = 0;
  for (const auto& i : items) qr += i.text == "[qr]" ? 1 : 0;
  CHECK(qr == 1);
  if (lang == "zh-CN") {
    CHECK(all.find("前面还有 3 人") != std::string::npos);
    CHECK(all.find("预计等候约 9 分钟") != std::string::npos);
    CHECK(all.find("请留意叫号屏和语音") != std::string::npos);
    CHECK(all.find("请准备好这些材料") != std::string::npos);
  } else {
    CHECK(all.find("3 people ahead of you") != std::string::npos);
    CHECK(all.find("About 9 min to wait") != std::string::npos);
  }
  // The number is what the visitor must read from a step away: at least twice the group's name
  // (the title size) in every layout (landscape 长辈模式 English had it at the title size).
  const std::string group = lang == "en" ? "General services" : "综合受理";
  const ui::DrawnItem* number = nullptr;
  const ui::DrawnItem* group_name = nullptr;
  for (const auto& i : items) {
    if (i.text == "A023") number = &i;
    if (i.text == group) group_name = &i;
  }
  REQUIRE(number);
  REQUIRE(group_name);
  CHECK(number->max.y - number->min.y >= 2.0f * (group_name->max.y - group_name->min.y));
  require_nothing_overlaps(items, app->touch_targets(), w, h);
}

// The tiles of home's grid (常办 and the topics).
bool is_tile(const ui::TouchTarget& t) {
  return t.id.starts_with("topic:") || t.id == "home:common";
}

TEST_CASE("home's more-topics strip covers no tile and every topic can be reached", "[ui][home][layout][large_text]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  const std::string lang = GENERATE(std::string("zh-CN"), std::string("en"));
  INFO(w << "x" << h << " " << lang);
  DemoCatalogue demo;
  UiDriver driver(w, h);
  ui::KioskSettings settings;
  settings.language = lang;
  // Every tile, from home in normal text in landscape, where they all fit.
  std::set<std::string> every;
  {
    UiDriver wide(1920, 1080);
    auto plain = wide.make_app(demo.catalogue, demo.clock, settings);
    wide.build_fonts(*plain, noto);
    wide.settle(*plain);
    REQUIRE(wide.find(*plain, "home:more_topics") == nullptr);
    for (const auto& t : plain->touch_targets()) {
      if (is_tile(t)) every.insert(t.id);
    }
  }
  REQUIRE(every.size() >= 4);

  settings.large_text = true;
  auto app = driver.make_app(demo.catalogue, demo.clock, settings);
  driver.build_fonts(*app, noto);
  driver.settle(*app);
  std::set<std::string> seen;
  int pages = 0;
  for (;; ++pages) {
    REQUIRE(pages < 20);
    const auto items = drawn_items(driver, *app);
    const ui::TouchTarget* strip = driver.find(*app, "home:more_topics");
    for (const auto& t : app->touch_targets()) {
      if (!is_tile(t)) continue;
      INFO("tile " << t.id);
      // Whole tiles only at rest: no sliver of a row beside the strip.
      CHECK(t.h >= t.full_h - 1.0f);
      seen.insert(t.id);
      if (strip) CHECK_FALSE(overlap(tmin(*strip), tmax(*strip), tmin(t), tmax(t)));
      for (const auto& i : items) {
        if (i.text.find(lang == "en" ? "More topics" : "还有更多主题") == std::string::npos) continue;
        CHECK_FALSE(overlap(i.min, i.max, tmin(t), tmax(t)));
      }
    }
    if (!strip) break;
    CHECK(strip->full_h >= 64.0f);
    CHECK(strip->y + strip->h <= h + slack);
    driver.tap(*app, "home:more_topics");
    driver.settle(*app);
  }
  // 长辈模式 holds fewer tiles than there are: the strip was there, and its taps showed them all.
  CHECK(pages >= 1);
  CHECK(seen == every);
}

// The result rows on screen, in order: each row's id and whole height.
std::vector<std::pair<std::string, float>> result_rows(const ui::KioskApp& app) {
  std::vector<std::pair<std::string, float>> rows;
  for (const auto& t : app.touch_targets()) {
    if (t.id.starts_with("guide:")) rows.emplace_back(t.id, t.full_h);
  }
  return rows;
}

TEST_CASE("search rows fit their own names when the previous query had as many results", "[ui][search][layout]") {
  // Where the long names wrap (portrait in normal text holds them on one line).
  const auto [w, h, large] = GENERATE(std::tuple{1920.0f, 1080.0f, false}, std::tuple{1920.0f, 1080.0f, true},
                                      std::tuple{1080.0f, 1920.0f, true});
  INFO(w << "x" << h << (large ? " 长辈模式" : ""));
  // Three results each: short names (生育登记, 失业登记, 就业创业证申领) and long ones that wrap
  // (城乡居民基本养老保险参保登记 and the other pension guides).
  const std::string short_query = "sydj", long_query = "ylbx";
  DemoCatalogue demo;
  UiDriver driver(w, h);
  ui::KioskSettings settings;
  settings.large_text = large;
  // Each query on its own, in an app over a catalogue no other list was laid out for.
  const auto alone = [&](const std::string& q) {
    auto app = driver.make_app(demo.fresh(), demo.clock, settings);
    driver.build_fonts(*app, noto);
    REQUIRE(app->open("search:" + q));
    driver.settle(*app);
    return result_rows(*app);
  };
  const auto short_rows = alone(short_query);
  const auto long_rows = alone(long_query);
  REQUIRE(short_rows.size() == 3);
  REQUIRE(long_rows.size() == short_rows.size());  // as many results: the old cache's key matched
  float short_total = 0.0f, long_total = 0.0f;
  for (const auto& r : short_rows) short_total += r.second;
  for (const auto& r : long_rows) long_total += r.second;
  REQUIRE(long_total > short_total);  // the long names take more lines

  auto app = driver.make_app(demo.catalogue, demo.clock, settings);
  driver.build_fonts(*app, noto);
  for (const auto& [first, second, want] :
       {std::tuple{short_query, long_query, long_rows}, std::tuple{long_query, short_query, short_rows}}) {
    INFO(first << " then " << second);
    REQUIRE(app->open("search:" + first));
    driver.settle(*app);
    REQUIRE(app->open("search:" + second));
    driver.settle(*app);
    CHECK(result_rows(*app) == want);
    const auto items = drawn_items(driver, *app);
    for (const auto& i : items) {
      INFO(describe(i));
      CHECK(i.text.find("…") == std::string::npos);  // every name in full, not cut to the old line count
    }
  }
}

}  // namespace layout_overlap_test
