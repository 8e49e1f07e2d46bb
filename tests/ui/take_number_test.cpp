// SPDX-License-Identifier: Apache-2.0
// 取号 and 过号重排 at the kiosk, headless, against fake ports that answer through a run queue as the
// hub's do in the host: the priority question, the sending state, the ticket screen with the number
// the reply gave, the refusals that show no number, the countdown home, and the keypad.
#include <catch2/catch.hpp>

#include "common/run_queue.h"
#include "ui_driver.h"
#include "widgets/text.h"

// Its own namespace: the unity batch may hold kiosk_navigation_test's helpers of the same names.
namespace take_number_test {

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

using hall::test::noto;

namespace {

constexpr const char* elder_allowance = "370811-JZ-0001";  // 80周岁以上老年人高龄津贴申领
// The real CJK font: without one the kiosk speaks English, and these tests read the Chinese.
const std::string status_url = "http://127.0.0.1:8470/t/5d1f0e0c9b8a7f6e5d4c3b2a19080706";

// A hub that answers later, when the test says so.
struct FakeHub {
  RunQueue replies;
  std::vector<ui::TicketRequest> asked;
  std::vector<std::string> reactivations;
  ui::TicketResult answer = ui::IssuedTicket{"A017", "A", status_url, 4, 750};

  void wire(ui::KioskApp& app) {
    app.on_take_number([this](const ui::TicketRequest& r, ui::TicketReply reply) {
      asked.push_back(r);
      replies.post([this, reply] { reply(answer); });
    });
    app.on_reactivate_number([this](const std::string& number, ui::TicketReply reply) {
      reactivations.push_back(number);
      replies.post([this, reply] { reply(answer); });
    });
  }
};

// Every text one frame draws.
std::vector<std::string> drawn_text(UiDriver& ui, ui::KioskApp& app) {
  std::vector<std::string> drawn;
  const ui::TextRecorder record(drawn);
  ui.frame(app);
  return drawn;
}

// Whether `part` was drawn, also across the lines it was wrapped into.
bool drew(const std::vector<std::string>& drawn, std::string_view part) {
  std::string all;
  for (const auto& s : drawn) all += s;
  return all.find(part) != std::string::npos;
}

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

TEST_CASE("取号 on a guide asks about priority, then shows the number the hub gave", "[ui][ticket]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.wire(*app);
  REQUIRE(app->open(std::string("guide:") + elder_allowance));
  ui.settle(*app);
  ui.tap(*app, "guide:take_number");
  CHECK(app->current_screen() == std::string("priority:") + elder_allowance);
  CHECK(hub.asked.empty());  // nothing is sent before the question is answered
  require_touchable(*app, w, h);
  for (const auto& c : demo.catalogue->hall.priority_classes) CHECK(ui.find(*app, "priority:" + c.id));

  ui.tap(*app, "priority:elderly");
  REQUIRE(hub.asked.size() == 1);
  CHECK(hub.asked[0].guide_id == elder_allowance);
  CHECK(hub.asked[0].priority == "elderly");
  CHECK(app->ticket().phase == ui::TicketState::Phase::sending);
  // While the request is out every answer is disabled and a second tap sends nothing.
  const auto* none = ui.find(*app, "priority:none");
  REQUIRE(none);
  CHECK_FALSE(none->enabled);
  CHECK(ui.find(*app, "ticket:sending"));
  ui.tap_at(*app, hall::test::center(*none));
  CHECK(hub.asked.size() == 1);
  CHECK(app->current_screen() == std::string("priority:") + elder_allowance);

  CHECK(hub.replies.run_pending() == 1);
  ui.settle(*app);
  CHECK(app->current_screen() == std::string("ticket:") + elder_allowance);
  require_touchable(*app, w, h);
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "A017"));  // the hub's number, nobody else's
  CHECK(drew(drawn, "前面还有 4 人"));
  CHECK(drew(drawn, "预计等候约 13 分钟"));
  CHECK(drew(drawn, "请留意叫号屏和语音"));
  CHECK(drew(drawn, "原件"));  // what to bring, with its counts
  CHECK_FALSE(drew(drawn, "示例"));

  // 完成 goes home and forgets the ticket.
  ui.tap(*app, "ticket:done");
  CHECK(app->current_screen() == "home");
  CHECK(app->ticket().phase == ui::TicketState::Phase::none);
}

TEST_CASE("不是 sends a ticket without priority, and a hall without classes asks nothing", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.wire(*app);
  REQUIRE(app->open(std::string("guide:") + elder_allowance));
  ui.settle(*app);
  ui.tap(*app, "guide:take_number");
  ui.tap(*app, "priority:none");
  REQUIRE(hub.asked.size() == 1);
  CHECK(hub.asked[0].priority.empty());

  auto plain = demo.fresh();
  plain->hall.priority_classes.clear();
  auto app2 = ui.make_app(plain, demo.clock);
  ui.build_fonts(*app2, noto);
  FakeHub hub2;
  hub2.wire(*app2);
  REQUIRE(app2->open(std::string("guide:") + elder_allowance));
  ui.settle(*app2);
  ui.tap(*app2, "guide:take_number");
  REQUIRE(hub2.asked.size() == 1);
  CHECK(app2->ticket().phase == ui::TicketState::Phase::sending);
  const auto* take = ui.find(*app2, "guide:take_number");
  REQUIRE(take);
  CHECK_FALSE(take->enabled);
  hub2.replies.run_pending();
  ui.settle(*app2);
  CHECK(app2->current_screen() == std::string("ticket:") + elder_allowance);
}

TEST_CASE("home's consultation entry takes a number for the default group", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  ui.settle(*app);
  CHECK_FALSE(ui.find(*app, "home:consult"));  // no hub wired: nothing to press in vain
  CHECK_FALSE(ui.find(*app, "home:reactivate"));
  FakeHub hub;
  hub.wire(*app);
  ui.settle(*app);
  require_touchable(*app, 1080, 1920);
  ui.tap(*app, "home:consult");
  CHECK(app->current_screen() == "priority");
  ui.tap(*app, "priority:none");
  REQUIRE(hub.asked.size() == 1);
  CHECK(hub.asked[0].guide_id.empty());
  hub.replies.run_pending();
  ui.settle(*app);
  CHECK(app->current_screen() == "ticket");
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "A017"));
  CHECK(drew(drawn, "综合受理"));  // the group's name under the number
}

TEST_CASE("a refusal shows the reason in words and no number, and 返回 asks again", "[ui][ticket]") {
  struct Case {
    const char* name;
    ui::TicketRefusal refusal;
    const char* title;
  };
  using R = ui::TicketRefusal::Reason;
  const Case cases[] = {
      {"hub unreachable", {R::unreachable, "取号服务暂时连不上。", ""}, "本机暂时无法取号，请到服务台"},
      {"hall closed", {R::closed, "今天已停止取号，请明天 9:00 后再来。", "No more numbers today."}, "现在不能取号"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    DemoCatalogue demo;
    UiDriver ui(1920, 1080);
    auto app = ui.make_app(demo.catalogue, demo.clock);
    ui.build_fonts(*app, noto);
    FakeHub hub;
    hub.answer = std::unexpected(c.refusal);
    hub.wire(*app);
    REQUIRE(app->open(std::string("guide:") + elder_allowance));
    ui.settle(*app);
    ui.tap(*app, "guide:take_number");
    ui.tap(*app, "priority:none");
    hub.replies.run_pending();
    ui.settle(*app);
    CHECK(app->current_screen() == "ticket-failed");
    CHECK(app->ticket().phase == ui::TicketState::Phase::failed);
    CHECK_FALSE(app->ticket().ticket);
    const auto drawn = drawn_text(ui, *app);
    CHECK(drew(drawn, c.title));
    CHECK(drew(drawn, c.refusal.message.substr(0, 12)));
    CHECK_FALSE(drew(drawn, "A0"));  // no number anywhere on the screen
    CHECK_FALSE(drew(drawn, "您的号码"));
    ui.tap(*app, "ticket_failed:back");
    CHECK(app->current_screen() == std::string("priority:") + elder_allowance);
    ui.tap(*app, "priority:none");
    CHECK(hub.asked.size() == 2);
  }
}

TEST_CASE("a closed hall's English message is shown to an English reader", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  ui::KioskSettings settings;
  settings.language = "en";
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.answer = std::unexpected(ui::TicketRefusal{ui::TicketRefusal::Reason::closed, "今天已停止取号",
                                                 "Numbers for today have run out. Come back after 9:00."});
  hub.wire(*app);
  ui.settle(*app);
  ui.tap(*app, "home:consult");
  ui.tap(*app, "priority:none");
  hub.replies.run_pending();
  ui.settle(*app);
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "No numbers can be taken now"));
  CHECK(drew(drawn, "Come back after 9:00."));
  CHECK_FALSE(drew(drawn, "今天已停止取号"));
}

TEST_CASE("the ticket screen goes home by itself after its countdown, and a touch restarts it", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.wire(*app);
  ui.settle(*app);
  ui.tap(*app, "home:consult");
  ui.tap(*app, "priority:none");
  hub.replies.run_pending();
  ui.frame(*app);
  const auto shown = ui.now;
  ui.settle(*app);
  REQUIRE(app->current_screen() == "ticket");
  CHECK(drew(drawn_text(ui, *app), "60 秒后自动回到首页"));
  // It asks to be woken for each second of the countdown, not continuously.
  CHECK_FALSE(app->animating());
  CHECK(app->next_wake(ui.now) <= ui.now + std::chrono::seconds(1));
  CHECK(app->next_wake(ui.now) > ui.now);

  ui.now = shown + std::chrono::seconds(30);
  CHECK(drew(drawn_text(ui, *app), "30 秒后自动回到首页"));
  CHECK_FALSE(ui.find(*app, "idle:continue"));  // no "还在看吗" over its own countdown
  ui.tap_at(*app, ImVec2(1000, 600));           // a touch on the ticket: still reading
  const auto touched = ui.now;
  ui.now = touched + std::chrono::seconds(59);
  ui.frame(*app);
  CHECK(app->current_screen() == "ticket");
  ui.now = touched + std::chrono::seconds(61);
  ui.frame(*app);
  CHECK(app->current_screen() == "home");
  CHECK(app->ticket().phase == ui::TicketState::Phase::none);
}

TEST_CASE("waiting for the hub is not idling: no reset however long it takes", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  ui::KioskSettings settings;
  settings.idle_timeout = std::chrono::seconds(30);
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  FakeHub hub;
  hub.wire(*app);
  ui.settle(*app);
  ui.tap(*app, "home:consult");
  ui.tap(*app, "priority:none");
  ui.now += std::chrono::seconds(45);
  ui.frame(*app);
  CHECK(app->ticket().phase == ui::TicketState::Phase::sending);
  CHECK(app->current_screen() == "priority");
  CHECK_FALSE(ui.find(*app, "idle:continue"));
  hub.replies.run_pending();
  ui.settle(*app);
  CHECK(app->current_screen() == "ticket");
}

TEST_CASE("the re-activation keypad builds A023 and puts it back in the queue", "[ui][ticket]") {
  const auto [w, h, large] = GENERATE(std::tuple{1920.0f, 1080.0f, false}, std::tuple{1080.0f, 1920.0f, false},
                                      std::tuple{1920.0f, 1080.0f, true}, std::tuple{1080.0f, 1920.0f, true});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  ui::KioskSettings settings;
  settings.large_text = large;
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.answer = ui::IssuedTicket{"A023", "A", status_url, 3, 400};
  hub.wire(*app);
  ui.settle(*app);
  INFO(w << "x" << h << (large ? " large" : ""));
  ui.tap(*app, "home:reactivate");
  CHECK(app->current_screen() == "reactivate");
  require_touchable(*app, w, h);
  for (const char* letter : {"pad:A", "pad:B", "pad:C"}) CHECK(ui.find(*app, letter));
  const auto* ok = ui.find(*app, "pad:ok");
  REQUIRE(ok);
  CHECK_FALSE(ok->enabled);  // nothing typed yet
  for (const char* key : {"pad:B", "pad:0", "pad:2", "pad:4", "pad:backspace", "pad:3", "pad:A"}) ui.tap(*app, key);
  CHECK(drew(drawn_text(ui, *app), "A023"));
  ui.tap(*app, "pad:ok");
  REQUIRE(hub.reactivations == std::vector<std::string>{"A023"});
  CHECK(app->ticket().phase == ui::TicketState::Phase::sending);
  CHECK_FALSE(ui.find(*app, "pad:ok")->enabled);
  hub.replies.run_pending();
  ui.settle(*app);
  CHECK(app->current_screen() == "ticket");
  require_touchable(*app, w, h);
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "A023"));
  INFO([&] {
    std::string a;
    for (const auto& d : drawn) a += d + "|";
    return a;
  }());
  CHECK(drew(drawn, "已重新排队，前面还有 3 人"));
  ui.tap(*app, "nav:back");
  CHECK(app->current_screen() == "home");  // not the keypad again
}

TEST_CASE("a number the hub does not know is said so, and 返回 goes back to the keypad", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.answer = std::unexpected(ui::TicketRefusal{ui::TicketRefusal::Reason::not_found, "今天没有 C999 这个号码", ""});
  hub.wire(*app);
  ui.settle(*app);
  ui.tap(*app, "home:reactivate");
  for (const char* key : {"pad:C", "pad:9", "pad:9", "pad:9"}) ui.tap(*app, key);
  ui.tap(*app, "pad:ok");
  hub.replies.run_pending();
  ui.settle(*app);
  CHECK(app->current_screen() == "ticket-failed");
  CHECK(drew(drawn_text(ui, *app), "没有找到这个号码"));
  ui.tap(*app, "ticket_failed:back");
  CHECK(app->current_screen() == "reactivate");
}

TEST_CASE("the ticket screens fit in 长辈模式 and English: no target outside the screen", "[ui][ticket][large_text]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  for (const char* lang : {"zh-CN", "en"}) {
    INFO(lang);
    DemoCatalogue demo;
    UiDriver ui(w, h);
    ui::KioskSettings settings;
    settings.large_text = true;
    settings.language = lang;
    auto app = ui.make_app(demo.catalogue, demo.clock, settings);
    ui.build_fonts(*app, noto);
    FakeHub hub;
    hub.wire(*app);
    for (const std::string& spec :
         {std::string("priority:") + elder_allowance, std::string("ticket:") + elder_allowance,
          std::string("ticket-failed:closed"), std::string("reactivate")}) {
      INFO(spec);
      REQUIRE(app->open(spec));
      ui.settle(*app);
      require_touchable(*app, w, h);
    }
  }
}

TEST_CASE("the ticket entries on home hide no topic that home showed without them, but in portrait 长辈模式",
          "[ui][ticket][large_text]") {
  const auto [w, h, large] = GENERATE(std::tuple{1920.0f, 1080.0f, false}, std::tuple{1080.0f, 1920.0f, false},
                                      std::tuple{1920.0f, 1080.0f, true}, std::tuple{1080.0f, 1920.0f, true});
  INFO(w << "x" << h << (large ? " large" : ""));
  DemoCatalogue demo;
  UiDriver ui(w, h);
  ui::KioskSettings settings;
  settings.large_text = large;
  const auto whole_topics = [&](ui::KioskApp& app) {
    int n = 0;
    for (const auto& t : app.touch_targets()) {
      if (t.id.starts_with("topic:") && t.h >= t.full_h - 1.0f) ++n;  // sub-pixel clipping is not hiding
    }
    return n;
  };
  auto plain = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.build_fonts(*plain, noto);
  ui.settle(*plain);
  const int without = whole_topics(*plain);
  auto app = ui.make_app(demo.catalogue, demo.clock, settings);
  ui.build_fonts(*app, noto);
  FakeHub hub;
  hub.wire(*app);
  ui.settle(*app);
  require_touchable(*app, w, h);
  REQUIRE(ui.find(*app, "home:consult"));
  REQUIRE(ui.find(*app, "home:reactivate"));
  // Portrait 长辈模式 is the exception: a row of the grid goes under the "more topics" strip (the
  // grid scrolls), as in English 长辈模式 already.
  if (!(large && h > w)) CHECK(whole_topics(*app) >= without);
}

TEST_CASE("a port that replies with Result of IssuedTicket fits TakeNumber, a 409 reading as closed", "[ui][ticket]") {
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  // As kiosk/hallkiosk/ticket_desk.cpp writes it: the reply takes an Error on refusal.
  app->on_take_number([](const ui::TicketRequest&, ui::Reply<ui::IssuedTicket> reply) {
    reply(hall::fail(hall::ErrorCode::conflict, "今天的取号已经结束，请明天 9:00 后再来。"));
  });
  ui.settle(*app);
  ui.tap(*app, "home:consult");
  ui.tap(*app, "priority:none");
  ui.settle(*app);
  REQUIRE(app->ticket().refusal);
  CHECK(app->ticket().refusal->reason == ui::TicketRefusal::Reason::closed);
  const auto drawn = drawn_text(ui, *app);
  CHECK(drew(drawn, "现在不能取号"));
  CHECK(drew(drawn, "请明天 9:00 后再来"));
}

}  // namespace take_number_test
