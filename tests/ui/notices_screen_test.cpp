// SPDX-License-Identifier: Apache-2.0
// The kiosk as the hall's 政府信息公开查阅点: the 政务公开 entry on home, the directory (open drafts
// first, the 五公开 with counts, newest first), a notice with its issuer, 文号, date and body, a
// policy's 解读, a draft's comment period and adoption report, the phone address in the QR code,
// and search finding notices by title, pinyin and 文号 initials. The demo hall's own notices
// (assets/demo/notices.json) through a real catalogue database, as the host reads them.
#include <catch2/catch.hpp>

#include "notices/notice_file.h"
#include "notices/notice_search.h"
#include "notices/notice_store.h"
#include "ui_driver.h"
#include "widgets/text.h"

namespace notices_screen_test {

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::noto;
using hall::test::UiDriver;

namespace {

// The demo hall with its notices imported into the same catalogue.db, read for the demo day
// (2026-11-28: the lift subsidy draft is open until 12-19, the care-station draft closed).
struct NoticeHall {
  DemoCatalogue demo;
  std::shared_ptr<ui::KioskCatalogue> catalogue;

  explicit NoticeHall(bool with_notices = true) {
    if (with_notices) {
      auto file = notices::load_notice_file(std::string(HALL_SOURCE_ASSETS) + "/demo/notices.json",
                                            notices::Destination::published);
      REQUIRE(file);
      REQUIRE(notices::NoticeStore(demo.store->database(), demo.clock).import(*file));
    }
    catalogue = demo.fresh();
    const Date today = *parse_iso_date("2026-11-28");
    auto current = notices::NoticeStore(demo.store->database(), demo.clock).current(today);
    REQUIRE(current);
    catalogue->notices = std::move(*current);
    catalogue->notice_directory = notices::build_directory(catalogue->notices, today);
    catalogue->notices_today = today;
    catalogue->notice_index = std::make_shared<const notices::NoticeSearch>(catalogue->notices);
  }
};

std::vector<std::string> drawn_text(UiDriver& ui, ui::KioskApp& app) {
  std::vector<std::string> drawn;
  const ui::TextRecorder record(drawn);
  ui.frame(app);
  return drawn;
}

std::string joined(const std::vector<std::string>& drawn) {
  std::string all;
  for (const auto& s : drawn) all += s;
  return all;
}

// Whether `part` was drawn, also across the lines it was wrapped into.
bool drew(const std::vector<std::string>& drawn, std::string_view part) {
  return joined(drawn).find(part) != std::string::npos;
}

std::vector<std::string> notice_targets(const ui::KioskApp& app) {
  std::vector<std::string> ids;
  for (const auto& t : app.touch_targets()) {
    if (t.id.starts_with("notice:N-")) ids.push_back(t.id.substr(7));
  }
  return ids;
}

std::unique_ptr<ui::KioskApp> open_app(UiDriver& ui, const NoticeHall& hall, ui::KioskSettings settings = {}) {
  auto app = ui.make_app(hall.catalogue, hall.demo.clock, settings);
  ui.build_fonts(*app, noto);
  ui.settle(*app);
  return app;
}

}  // namespace

TEST_CASE("home has a 政务公开 entry only when the catalogue holds notices", "[ui][notices]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  INFO(w << "x" << h);
  SECTION("with notices: beside 一次办好 and search, and it opens the directory") {
    NoticeHall hall;
    UiDriver ui(w, h);
    auto app = open_app(ui, hall);
    const auto drawn = drawn_text(ui, *app);
    CHECK(drew(drawn, "政务公开"));
    CHECK(drew(drawn, "1 件草案征求意见中"));
    REQUIRE(ui.find(*app, "home:notices") != nullptr);
    REQUIRE(ui.find(*app, "home:search") != nullptr);
    CHECK(ui.find(*app, "home:notices")->h >= 64.0f);
    ui.tap(*app, "home:notices");
    CHECK(app->current_screen() == "notices");
    CHECK(app->missing_glyphs().empty());
  }
  SECTION("without: no entry, and the spec is refused") {
    NoticeHall hall(false);
    UiDriver ui(w, h);
    auto app = open_app(ui, hall);
    CHECK(ui.find(*app, "home:notices") == nullptr);
    CHECK_FALSE(drew(drawn_text(ui, *app), "政务公开"));
    CHECK_FALSE(app->open("notices"));
  }
}

TEST_CASE("the directory lists open drafts first, then the 五公开 with counts, newest first", "[ui][notices]") {
  NoticeHall hall;
  UiDriver ui(1080, 6000);  // tall enough that every row is drawn
  auto app = open_app(ui, hall);
  REQUIRE(app->open("notices"));
  ui.settle(*app);
  const auto drawn = drawn_text(ui, *app);
  const std::string all = joined(drawn);
  const std::vector<std::string> headings = {"征求意见中（1 条）", "决策公开（3 条）", "执行公开（1 条）",
                                             "管理公开（3 条）",   "服务公开（0 条）", "结果公开（1 条）"};
  std::size_t at = 0;
  for (const auto& heading : headings) {
    INFO(heading);
    const auto found = all.find(heading, at);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  CHECK(drew(drawn, "征求意见中 · 还剩 22 天"));
  CHECK(drew(drawn, "暂无公开信息。"));  // 服务公开: the holiday hours notice takes effect on 12-01
  CHECK(drew(drawn, "安居办发〔2023〕1号"));
  // The open draft heads the list, and is listed again in 决策公开, where the newest comes first.
  const std::vector<std::string> expected = {"N-2026-D07", "N-2026-D07",    "N-2026-M09", "N-2026-D05", "N-2026-E02",
                                             "N-2026-Q01", "N-2023-001-JD", "N-2023-001", "N-2026-R12"};
  CHECK(notice_targets(*app) == expected);
  for (const auto& t : app->touch_targets()) CHECK(t.full_h >= 64.0f);
  ui.tap(*app, "notice:N-2026-E02");
  CHECK(app->current_screen() == "notice:N-2026-E02");
}

TEST_CASE("a notice shows its issuer, 文号, date and body, and a policy its 解读 one tap away", "[ui][notices]") {
  NoticeHall hall;
  UiDriver ui(3840, 2160);  // the body's first headings in view without scrolling
  auto app = open_app(ui, hall);
  REQUIRE(app->open("notice:N-2023-001"));
  ui.settle(*app);
  auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "安居街道2023年政务公开工作实施方案"));
  CHECK(drew(drawn, "发布机关：安居街道办事处"));
  CHECK(drew(drawn, "文号：安居办发〔2023〕1号"));
  CHECK(drew(drawn, "发布日期：2023年3月1日"));
  CHECK(drew(drawn, "一、推进主动公开工作"));
  CHECK(drew(drawn, "（一）健全落实重大决策预公开制度"));
  CHECK(drew(drawn, "为认真贯彻落实《中华人民共和国政府信息公开条例》"));
  CHECK(app->missing_glyphs().empty());

  ui.tap(*app, "notice:interpretation");
  CHECK(app->current_screen() == "notice:N-2023-001-JD");
  drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "一文读懂"));
  CHECK(drew(drawn, "渠道"));  // the table's header
  CHECK(drew(drawn, "便民服务中心查阅点（本机）"));
  CHECK(drew(drawn, "1."));  // a numbered list
  ui.tap(*app, "notice:policy");
  CHECK(app->current_screen() == "notice:N-2023-001");
  ui.tap(*app, "nav:back");
  CHECK(app->current_screen() == "notice:N-2023-001-JD");
}

TEST_CASE("a notice's linked guide is one tap away, and a guide not in effect is not offered", "[ui][notices]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  NoticeHall hall;
  UiDriver ui(w, h);
  auto app = open_app(ui, hall);
  REQUIRE(app->open("notice:N-2026-E02"));  // the 一窗受理 measure links 居住证办理
  ui.settle(*app);
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "看相关办事指南"));
  CHECK(drew(drawn, "居住证办理"));
  ui.tap(*app, "notice:guide:370811-JZ-0015");
  CHECK(app->current_screen() == "guide:370811-JZ-0015");
  ui.tap(*app, "nav:back");
  CHECK(app->current_screen() == "notice:N-2026-E02");
  REQUIRE(app->open("notice:N-2023-001"));  // links no guide
  ui.settle(*app);
  CHECK_FALSE(drew(drawn_text(ui, *app), "看相关办事指南"));
}

TEST_CASE("a draft shows its comment period, and once closed its adoption report", "[ui][notices]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  NoticeHall hall;
  UiDriver ui(w, h);
  auto app = open_app(ui, hall);
  REQUIRE(app->open("notice:N-2026-D07"));
  ui.settle(*app);
  auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "征求意见时间：2026年11月20日 至 2026年12月19日"));
  CHECK(drew(drawn, "正在征求意见，还剩 22 天"));
  // No comment page named in hall.json: the phone page is read-only, so the kiosk promises none.
  CHECK(drew(drawn, "提意见请用本页所列的方式，2026年12月19日截止"));
  CHECK_FALSE(drew(drawn, "前可在手机上提意见"));
  CHECK(ui.find(*app, "notice:adoption") == nullptr);
  CHECK_FALSE(app->open("adoption:N-2026-D07"));  // still open: no report yet

  REQUIRE(app->open("notice:N-2026-D05"));
  ui.settle(*app);
  drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "征求意见已结束"));
  CHECK(drew(drawn, "收到意见 23 条，采纳 15 条"));
  ui.tap(*app, "notice:adoption");
  CHECK(app->current_screen() == "adoption:N-2026-D05");
  drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "意见采纳情况"));
  CHECK(drew(drawn, "收到意见 23 条，采纳 15 条，未采纳 8 条"));
  CHECK(drew(drawn, "驿站全部服务免费（5条）"));
  CHECK(drew(drawn, "理由："));
  CHECK(app->missing_glyphs().empty());
}

TEST_CASE("the QR code holds the notice's phone address: hall.json's public address, else the hub's", "[ui][notices]") {
  NoticeHall hall;
  SECTION("public_base_url") {
    hall.catalogue->hall.public_base_url = "https://gk.anju.example.gov.cn";
    UiDriver ui(1080, 1920);
    auto app = open_app(ui, hall);
    app->set_hub_address("http://192.168.1.20:8470");
    REQUIRE(app->open("notice:N-2026-D07"));
    ui.settle(*app);
    CHECK(app->notice_address("N-2026-D07") == "https://gk.anju.example.gov.cn/n/N-2026-D07");
    CHECK(app->notice_qr_payload() == "https://gk.anju.example.gov.cn/n/N-2026-D07");
    CHECK(drew(drawn_text(ui, *app), "https://gk.anju.example.gov.cn/n/N-2026-D07"));
  }
  SECTION("every code leads to the central store's page when hall.json names it, a draft's with its form") {
    hall.catalogue->hall.notice_url = "https://zwgk.anju.example.gov.cn";
    UiDriver ui(1080, 1920);
    auto app = open_app(ui, hall);
    app->set_hub_address("http://192.168.1.20:8470");
    REQUIRE(app->open("notice:N-2026-D07"));
    ui.settle(*app);
    CHECK(app->notice_qr_payload() == "https://zwgk.anju.example.gov.cn/n/N-2026-D07");
    CHECK(drew(drawn_text(ui, *app), "2026年12月19日前可在手机上提意见"));
    CHECK(app->notice_address("N-2023-001") == "https://zwgk.anju.example.gov.cn/n/N-2023-001");
  }
  SECTION("the hub's address, also when it arrives after the screen opened") {
    UiDriver ui(1920, 1080);
    auto app = open_app(ui, hall);
    REQUIRE(app->open("adoption:N-2026-D05"));
    ui.settle(*app);
    CHECK(app->notice_qr_payload().empty());
    CHECK(drew(drawn_text(ui, *app), "本机暂时无法生成二维码"));
    app->set_hub_address("http://192.168.1.20:8470/");
    ui.frame(*app);
    CHECK(app->notice_qr_payload() == "http://192.168.1.20:8470/n/N-2026-D05");
    CHECK(drew(drawn_text(ui, *app), "http://192.168.1.20:8470/n/N-2026-D05"));
  }
}

TEST_CASE("search finds notices by title, pinyin and 文号 initials, marked apart from guides", "[ui][notices]") {
  NoticeHall hall;
  UiDriver ui(1080, 1920);
  auto app = open_app(ui, hall);
  SECTION("title") {
    REQUIRE(app->open("search:加装电梯"));
    ui.settle(*app);
    CHECK(notice_targets(*app) == std::vector<std::string>{"N-2026-D07"});
    const auto drawn = drawn_text(ui, *app);
    CHECK(drew(drawn, "政务公开信息（1 条）"));
    CHECK(drew(drawn, "重大决策预公开"));  // the kind, on the row's badge
  }
  SECTION("pinyin, typed on the keyboard") {
    ui.tap(*app, "home:search");
    for (char c : std::string("jiazhuangdianti")) ui.tap(*app, std::string("key:") + c);
    CHECK(notice_targets(*app) == std::vector<std::string>{"N-2026-D07"});
  }
  SECTION("文号 by initials and digits") {
    ui.tap(*app, "home:search");
    for (char c : std::string("ajbf2023")) ui.tap(*app, std::string("key:") + c);
    const auto found = notice_targets(*app);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "N-2023-001");
    const auto drawn = drawn_text(ui, *app);
    CHECK(drew(drawn, "政务公开"));
    CHECK_FALSE(drew(drawn, "没有找到"));
    ui.tap(*app, "notice:N-2023-001");
    CHECK(app->current_screen() == "notice:N-2023-001");
  }
  SECTION("guides are still found beside them, and an empty box lists guides only") {
    ui.tap(*app, "home:search");
    CHECK(notice_targets(*app).empty());
    for (char c : std::string("gljt")) ui.tap(*app, std::string("key:") + c);
    CHECK(ui.find(*app, "guide:370811-JZ-0001") != nullptr);
  }
}

TEST_CASE("every notice's screens draw with no character missing from the fonts", "[ui][notices]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 4000.0f}, std::pair{1080.0f, 6000.0f});
  const bool large = GENERATE(false, true);
  INFO(w << "x" << h << (large ? " 长辈模式" : ""));
  NoticeHall hall;
  UiDriver ui(w, h);
  auto app = open_app(ui, hall, {"zh-CN", large});
  REQUIRE(hall.catalogue->notices.size() >= 8);
  for (const auto& n : hall.catalogue->notices) {
    for (const std::string screen : {"notice:", "adoption:"}) {
      if (!app->open(screen + n.id)) continue;
      ui.settle(*app);
      INFO(app->current_screen());
      CHECK(app->current_screen() == screen + n.id);
      CHECK(app->missing_glyphs().empty());
    }
  }
  REQUIRE(app->open("notices"));
  ui.settle(*app);
  CHECK(app->missing_glyphs().empty());
}

TEST_CASE("no label or hint on home is cut with an ellipsis, in either orientation, language or text size",
          "[ui][notices][home][large_text]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  const std::string lang = GENERATE(std::string("zh-CN"), std::string("en"));
  const bool large = GENERATE(false, true);
  INFO(w << "x" << h << " " << lang << (large ? " 长辈模式" : ""));
  NoticeHall hall;  // with notices: the 政务公开 entry and its hint are on home
  UiDriver ui(w, h);
  ui::KioskSettings settings;
  settings.language = lang;
  settings.large_text = large;
  auto app = open_app(ui, hall, settings);
  REQUIRE(ui.find(*app, "home:notices") != nullptr);
  std::vector<ui::DrawnItem> items;
  {
    const ui::DrawnItemRecorder record(items);
    ui.frame(*app);
  }
  REQUIRE_FALSE(items.empty());
  for (const auto& i : items) {
    INFO("drawn: " << i.text);
    CHECK(i.text.find("…") == std::string::npos);
  }
}

}  // namespace notices_screen_test
