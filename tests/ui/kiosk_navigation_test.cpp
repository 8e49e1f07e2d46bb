// SPDX-License-Identifier: Apache-2.0
// Headless: the real screens, driven by injected touches, in both orientations.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/run_queue.h"
#include "ui_driver.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

namespace {

constexpr const char* elder_allowance = "370811-JZ-0001";  // 80周岁以上老年人高龄津贴申领, topic 养老服务

void require_touchable(const ui::KioskApp& app, float width, float height) {
  INFO("screen " << app.current_screen());
  REQUIRE_FALSE(app.touch_targets().empty());
  for (const auto& t : app.touch_targets()) {
    INFO("target " << t.id);
    CHECK(t.full_h >= 64.0f);
    CHECK(t.x >= 0.0f);
    CHECK(t.y >= 0.0f);
    CHECK(t.x + t.w <= width + 0.5f);
    CHECK(t.y + t.h <= height + 0.5f);
  }
}

}  // namespace

TEST_CASE("home -> topic -> guide -> back -> home", "[ui][navigation]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  CHECK(app->current_screen() == "home");
  require_touchable(*app, w, h);
  REQUIRE(ui.find(*app, "home:one_visit"));
  REQUIRE(ui.find(*app, "home:search"));
  REQUIRE(ui.find(*app, "corner:language"));
  REQUIRE(ui.find(*app, "corner:large_text"));
  CHECK_FALSE(ui.find(*app, "nav:back"));  // home has nowhere to go back to

  ui.tap(*app, "topic:养老服务");
  CHECK(app->current_screen() == "topic:养老服务");
  require_touchable(*app, w, h);
  ui.tap(*app, std::string("guide:") + elder_allowance);
  CHECK(app->current_screen() == std::string("guide:") + elder_allowance);
  ui.settle(*app);
  require_touchable(*app, w, h);

  // Without a hub there is no 取号 button to press in vain: the bar says where to take a number.
  CHECK_FALSE(ui.find(*app, "guide:take_number"));

  ui.tap(*app, "nav:back");
  CHECK(app->current_screen() == "topic:养老服务");
  ui.tap(*app, "nav:home");
  CHECK(app->current_screen() == "home");
}

TEST_CASE("a catalogue with characters the atlas lacks asks for new fonts", "[ui][states]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  auto renamed = demo.fresh();
  renamed->guides.front().name = "犇骉猋";  // characters no demo string holds
  app->set_catalogue(renamed);
  CHECK(app->fonts_dirty());
}

TEST_CASE("the 一次办好 list holds exactly the services with at most one visit", "[ui][navigation]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  ui.tap(*app, "home:one_visit");
  CHECK(app->current_screen() == "one-visit");
  for (const auto& t : app->touch_targets()) {
    if (!t.id.starts_with("guide:")) continue;
    const std::string id = t.id.substr(6);
    const auto it = std::find_if(demo.catalogue->guides.begin(), demo.catalogue->guides.end(),
                                 [&](const auto& g) { return g.id == id; });
    REQUIRE(it != demo.catalogue->guides.end());
    CHECK(it->onsite_visits <= 1);
  }
}

namespace {

// The guide ids of a list screen's rows, top to bottom.
std::vector<std::string> listed_guides(const ui::KioskApp& app) {
  std::vector<std::string> out;
  for (const auto& t : app.touch_targets()) {
    if (t.id.starts_with("guide:")) out.push_back(t.id.substr(6));
  }
  return out;
}

}  // namespace

TEST_CASE("常办 on home lists the hall's 常办事项 in its order, and every list puts them first", "[ui][common]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.settle(*app);
  const auto& listed = demo.catalogue->hall.common_services;
  REQUIRE(listed.size() >= 3);
  ui.tap(*app, "home:common");
  CHECK(app->current_screen() == "common");
  ui.settle(*app);
  // The listed guides in effect now, in the hall's order (JZ-0017 takes effect only in 2027).
  std::vector<std::string> in_effect;
  for (const auto& id : listed) {
    const auto& g = demo.catalogue->guides;
    if (std::any_of(g.begin(), g.end(), [&](const auto& s) { return s.id == id; })) in_effect.push_back(id);
  }
  CHECK(in_effect.size() == listed.size() - 1);
  CHECK(listed_guides(*app) == in_effect);
  // 最低生活保障 (listed first) was last of 社会救助 by pinyin; now it leads that list and 一次办好.
  ui.tap(*app, "nav:home");
  ui.tap(*app, "topic:社会救助");
  CHECK(listed_guides(*app).front() == "370811-JZ-0006");
  ui.tap(*app, "nav:home");
  ui.tap(*app, "home:one_visit");
  CHECK(listed_guides(*app).front() == "370811-JZ-0006");
}

TEST_CASE("without 常办事项, 常办 ranks by this kiosk's open counts, ties by pinyin", "[ui][common]") {
  DemoCatalogue demo;
  auto c = demo.fresh();
  c->hall.common_services.clear();
  c->open_counts = {{"370811-JZ-0026", 9}, {"370811-JZ-0009", 4}, {"370811-JZ-0002", 4}};
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(c, demo.clock);
  ui.settle(*app);
  ui.tap(*app, "home:common");
  ui.settle(*app);
  // 公共租赁住房 (9 opens), then 残疾人证 (can) before 生育登记 (sheng) at 4 each; none opened: not shown.
  CHECK(listed_guides(*app) == std::vector<std::string>{"370811-JZ-0026", "370811-JZ-0002", "370811-JZ-0009"});

  c = demo.fresh();
  c->hall.common_services.clear();
  app->set_catalogue(c);  // a new kiosk: nothing counted, nothing listed
  ui.tap(*app, "nav:home");
  ui.settle(*app);
  CHECK_FALSE(ui.find(*app, "home:common"));
  CHECK_FALSE(app->open("common"));
}

TEST_CASE("a guide shows a loading state until its body arrives, and a late reply for another guide is dropped",
          "[ui][navigation]") {
  DemoCatalogue demo;
  auto catalogue = demo.fresh();
  hall::RunQueue replies;
  std::vector<std::string> asked;
  catalogue->load_guide = [&, store = demo.store](const std::string& id, ui::Reply<hall::catalogue::Guide> reply) {
    asked.push_back(id);
    replies.post([store, id, reply] { reply(store->current_guide(id)); });
  };
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(catalogue, demo.clock);
  app->on_take_number([](const ui::TicketRequest&, ui::TicketReply) {});
  REQUIRE(app->open(std::string("guide:") + elder_allowance));
  ui.settle(*app);
  // Nothing has answered: the screen says it is opening the guide, and 取号 is not drawn yet.
  CHECK(app->current_screen() == std::string("guide:") + elder_allowance);
  CHECK_FALSE(ui.find(*app, "guide:take_number"));
  // The visitor goes back and opens another guide before the first answer lands.
  ui.tap(*app, "nav:home");
  REQUIRE(app->open("guide:370811-JZ-0002"));
  REQUIRE(asked.size() == 2);
  CHECK(replies.run_pending() == 2);
  ui.settle(*app);
  CHECK(app->current_screen() == "guide:370811-JZ-0002");
  CHECK(ui.find(*app, "guide:take_number"));
}

TEST_CASE("open() takes the documented specs and refuses the rest", "[ui][navigation]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  struct Case {
    const char* spec;
    bool ok;
    const char* screen;
  } cases[] = {
      {"home", true, "home"},
      {"one-visit", true, "one-visit"},
      {"common", true, "common"},
      {"topic:养老服务", true, "topic:养老服务"},
      {"guide:370811-JZ-0001", true, "guide:370811-JZ-0001"},
      {"search:gljt", true, "search:gljt"},
      {"search", true, "search"},
      {"topic:没有这个主题", false, "search"},
      {"guide:NOPE", false, "search"},
      {"settings", false, "search"},
  };
  for (const auto& c : cases) {
    INFO(c.spec);
    CHECK(app->open(c.spec) == c.ok);
    CHECK(app->current_screen() == c.screen);
    ui.frame(*app);  // every opened screen draws
  }
}

TEST_CASE("English mode shows name_en and the corner switch comes back", "[ui][i18n]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"});
  ui.settle(*app);
  ui.tap(*app, "corner:language");
  CHECK(app->language() == "en");
  ui.tap(*app, "corner:language");
  CHECK(app->language() == "zh-CN");
}

TEST_CASE("a catalogue that could not be loaded is a designed screen, not a crash", "[ui][states]") {
  auto broken = std::make_shared<ui::KioskCatalogue>();
  broken->problem = "catalogue.db: database disk image is malformed";
  broken->hall.phone = "0537-2310100";
  ManualClock clock(Instant{});
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(broken, clock);
  ui.settle(*app);
  CHECK(app->current_screen() == "problem");
  CHECK_FALSE(app->open("guide:anything"));
  REQUIRE(ui.find(*app, "corner:language"));  // the corner still works

  auto none = ui.make_app(nullptr, clock);
  ui.settle(*none);
  CHECK(none->current_screen() == "problem");
}

TEST_CASE("stale and empty catalogues draw their designed states", "[ui][states]") {
  DemoCatalogue demo;
  auto stale = demo.fresh();
  stale->stale = true;
  stale->last_verified = demo.clock.now() - std::chrono::hours(50);
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(stale, demo.clock);
  for (const char* spec : {"home", "guide:370811-JZ-0001", "search:zzzz"}) {
    REQUIRE(app->open(spec));
    ui.settle(*app);
    require_touchable(*app, 1920, 1080);
  }
  auto empty = std::make_shared<ui::KioskCatalogue>();
  empty->hall = demo.catalogue->hall;
  app->set_catalogue(empty);
  ui.settle(*app);
  CHECK(app->current_screen() == "search:zzzz");  // still a valid screen, with nothing found
  REQUIRE(app->open("home"));
  ui.settle(*app);
  CHECK(ui.find(*app, "home:search"));
  CHECK_FALSE(ui.find(*app, "home:one_visit") == nullptr);
}

TEST_CASE("a catalogue change keeps the visitor where they were when it can", "[ui][states]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  REQUIRE(app->open("guide:370811-JZ-0001"));
  ui.settle(*app);
  // The same characters again: the atlas stays as it is (no rebuild, no pause on a sync).
  app->set_catalogue(demo.catalogue);
  CHECK_FALSE(app->fonts_dirty());
  ui.settle(*app);
  CHECK(app->current_screen() == "guide:370811-JZ-0001");
  auto without = demo.fresh();
  std::erase_if(without->guides, [](const auto& g) { return g.id == "370811-JZ-0001"; });
  app->set_catalogue(without);
  ui.settle(*app);
  CHECK(app->current_screen() == "home");
}
