// SPDX-License-Identifier: Apache-2.0
// The counter's screens headless, through the UI driver, over a scripted hub port that records
// what the counter asks for and answers with the state each case sets: the sign-in keypad, which
// action buttons each ticket state allows, the F-keys, the checklist's count and the transfer
// dialog, and the 补打其他号 dialog over a scripted paper port. The counter against a real hub is
// tests/ui/counter_with_hub.cpp (and tests/ui/kiosk_print_with_hub.cpp with a real printer).
#include <catch2/catch.hpp>

#include <functional>
#include <optional>

#include "counter/counter_samples.h"
#include "counter/screens.h"
#include "counter_app.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using hall::test::UiDriver;

using hall::test::noto;

namespace {

constexpr int f1 = 290;  // GLFW_KEY_F1, as the host passes it

// Answers at once with `hall`'s state, or holds an action's answer while `hold` is set.
class ScriptedHub final : public ui::CounterPort {
 public:
  ui::SignedIn hall;
  std::vector<ui::CounterSignIn> sign_ins;
  std::vector<ui::CounterCommand> commands;
  int refreshes = 0, sign_outs = 0;
  bool hold = false;
  std::function<void(ui::CounterOutcome)> held;

  void sign_in(const ui::CounterSignIn& who, std::function<void(ui::CounterResult<ui::SignedIn>)> reply) override {
    sign_ins.push_back(who);
    reply({hall, std::nullopt});
  }
  void act(const ui::CounterCommand& command, std::function<void(ui::CounterOutcome)> reply) override {
    commands.push_back(command);
    if (hold) {
      held = std::move(reply);
      return;
    }
    reply(now());
  }
  void refresh(std::function<void(ui::CounterOutcome)> reply) override {
    ++refreshes;
    reply(now());
  }
  void sign_out(std::function<void()> reply) override {
    ++sign_outs;
    reply();
  }
  ui::CounterOutcome now() const { return {hall.snapshot, true, std::nullopt, false, false}; }
};

// The hall of the samples, its ticket in `state` ("" for none), the window paused or not.
ui::SignedIn hall_with(const std::string& state, bool paused = false) {
  ui::SignedIn s = ui::sample_signed_in("W3", Instant(std::chrono::seconds(1'800'000'000)));
  if (state.empty()) {
    s.snapshot.current.reset();
  } else {
    s.snapshot.current->state = state;
  }
  s.snapshot.paused = paused;
  return s;
}

struct Counter {
  UiDriver ui{1280, 800};
  ManualClock clock{std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000))};
  ScriptedHub hub;
  std::unique_ptr<ui::CounterApp> app;

  Counter() {
    ui::CounterSettings s{"W3", "zh-CN", f1, std::chrono::hours(1), std::chrono::hours(1)};
    app = std::make_unique<ui::CounterApp>(test::read_asset("i18n/zh-CN.json"), test::read_asset("i18n/en.json"), s,
                                           clock);
    app->set_port(&hub);
    ui.build_fonts(*app, noto);
    ui.settle(*app);
  }
  ~Counter() { app->set_port(nullptr); }

  void type_staff(const std::string& id) {
    ui.tap(*app, "sign_in:staff");
    for (char c : id) ui.tap(*app, std::string("key:") + static_cast<char>(std::tolower(c)));
  }
  void sign_in_to(ui::SignedIn hall) {
    hub.hall = std::move(hall);
    type_staff("D01");
    ui.tap(*app, "sign_in:pin");
    for (char c : std::string("246810")) ui.tap(*app, std::string("pad:") + c);
    ui.tap(*app, "sign_in:submit");
    ui.settle(*app);
    REQUIRE(app->signed_in());
  }
  void press_f(int n) {
    ui.io().KeysDown[f1 + n - 1] = true;
    ui.frame(*app);
    ui.io().KeysDown[f1 + n - 1] = false;
    ui.frame(*app);
  }
  std::string shown() {
    std::vector<std::string> drawn;
    const ui::TextRecorder record(drawn);
    ui.frame(*app);
    std::string all;
    for (const auto& s : drawn) all += s + "\n";
    return all;
  }
  bool enabled(const std::string& id) const {
    const auto* t = ui.find(*app, id);
    return t && t->enabled;
  }
  bool has(const std::string& id) const { return ui.find(*app, id) != nullptr; }
};

}  // namespace

TEST_CASE("counter sign-in: the keypad types the staff id and a PIN that shows only as dots", "[ui][counter]") {
  Counter c;
  REQUIRE(c.app->current_screen() == "sign-in");
  CHECK_FALSE(c.enabled("sign_in:submit"));  // nothing typed yet
  c.type_staff("D01");
  CHECK(c.shown().find("D01") != std::string::npos);
  c.ui.tap(*c.app, "key:backspace");
  std::string shown = c.shown();
  CHECK(shown.find("D0|") != std::string::npos);
  CHECK(shown.find("D01") == std::string::npos);
  c.ui.tap(*c.app, "key:2");
  CHECK(c.shown().find("D02") != std::string::npos);

  c.ui.tap(*c.app, "sign_in:pin");
  REQUIRE(c.has("pad:0"));  // the number pad replaces the keyboard for the PIN
  CHECK_FALSE(c.has("key:a"));
  for (char d : std::string("1357")) c.ui.tap(*c.app, std::string("pad:") + d);
  shown = c.shown();
  CHECK(shown.find("●●●●|") != std::string::npos);
  CHECK(shown.find("1357") == std::string::npos);  // the PIN itself is never drawn
  c.ui.tap(*c.app, "pad:backspace");
  CHECK(c.shown().find("●●●|") != std::string::npos);
  c.ui.tap(*c.app, "pad:clear");
  shown = c.shown();
  CHECK(shown.find("●") == std::string::npos);
  CHECK_FALSE(c.enabled("sign_in:submit"));  // a PIN is needed
  CHECK(shown.find("D02") != std::string::npos);  // clearing the PIN leaves the id

  for (char d : std::string("246810")) c.ui.tap(*c.app, std::string("pad:") + d);
  REQUIRE(c.enabled("sign_in:submit"));
  c.hub.hall = hall_with("");
  c.ui.tap(*c.app, "sign_in:submit");
  REQUIRE(c.hub.sign_ins.size() == 1);
  CHECK(c.hub.sign_ins[0].staff_id == "D02");
  CHECK(c.hub.sign_ins[0].pin == "246810");
  CHECK(c.app->signed_in());
  CHECK(c.app->current_screen() == "work");
}

TEST_CASE("counter sign-in: a PIN takes digits only, and the hardware keyboard types and confirms", "[ui][counter]") {
  Counter c;
  constexpr int enter = 257;  // GLFW_KEY_ENTER: the host's backend maps ImGuiKey_Enter to it
  c.ui.io().KeyMap[ImGuiKey_Enter] = enter;
  c.ui.io().AddInputCharactersUTF8("s07");
  c.ui.frame(*c.app);
  CHECK(c.shown().find("S07") != std::string::npos);
  c.ui.io().KeysDown[enter] = true;  // Enter: on to the PIN
  c.ui.frame(*c.app);
  c.ui.io().KeysDown[enter] = false;
  c.ui.frame(*c.app);
  REQUIRE(c.has("pad:0"));
  c.ui.io().AddInputCharactersUTF8("1a2");
  c.ui.frame(*c.app);
  CHECK(c.shown().find("●●|") != std::string::npos);  // the letter was not taken
  c.ui.io().KeysDown[enter] = true;  // Enter again: sign in
  c.ui.frame(*c.app);
  c.ui.io().KeysDown[enter] = false;
  c.ui.frame(*c.app);
  REQUIRE(c.hub.sign_ins.size() == 1);
  CHECK(c.hub.sign_ins[0].staff_id == "S07");
  CHECK(c.hub.sign_ins[0].pin == "12");
}

namespace {

struct ButtonsCase {
  const char* name;
  const char* state;  // "" no ticket
  bool paused;
  bool on[7];  // F1..F7
};

const ButtonsCase buttons_cases[] = {
    {"no ticket: call next and pause only", "", false, {true, false, false, false, false, false, true}},
    {"called: recall, start, no-show, transfer, pause", "called", false, {false, true, true, false, true, true, true}},
    {"serving: finish, transfer, pause", "serving", false, {false, false, false, true, false, true, true}},
    {"paused with no ticket: resume only", "", true, {false, false, false, false, false, false, true}},
    {"paused while serving: finish, transfer, resume", "serving", true, {false, false, false, true, false, true, true}},
};

}  // namespace

TEST_CASE("counter action buttons: enabled by the ticket's state and the window's", "[ui][counter]") {
  for (const auto& row : buttons_cases) {
    SECTION(row.name) {
      Counter c;
      c.sign_in_to(hall_with(row.state, row.paused));
      c.ui.frame(*c.app);
      for (int k = 0; k < 7; ++k) {
        const std::string id = "action:F" + std::to_string(k + 1);
        INFO(id);
        REQUIRE(c.has(id));
        CHECK(c.enabled(id) == row.on[k]);
      }
      // F7 says which it does now.
      const std::string shown = c.shown();
      CHECK(shown.find(row.paused ? "F7  恢复" : "F7  暂停") != std::string::npos);
    }
  }
}

TEST_CASE("counter action buttons: all grey while an action is on its way, and a second press sends nothing",
          "[ui][counter]") {
  Counter c;
  c.sign_in_to(hall_with("called"));
  c.hub.hold = true;
  c.press_f(2);  // recall
  REQUIRE(c.hub.commands.size() == 1);
  REQUIRE(c.app->sending());
  for (int k = 1; k <= 7; ++k) CHECK_FALSE(c.enabled("action:F" + std::to_string(k)));
  CHECK(c.shown().find("发送中") != std::string::npos);
  c.press_f(2);
  c.press_f(3);
  CHECK(c.hub.commands.size() == 1);
  c.hub.hold = false;
  c.hub.held(c.hub.now());
  c.ui.frame(*c.app);
  CHECK_FALSE(c.app->sending());
  CHECK(c.enabled("action:F2"));
}

namespace {

struct KeyCase {
  const char* name;
  const char* state;
  bool paused;
  int key;  // F1..F7
  ui::CounterAction action;
};

const KeyCase key_cases[] = {
    {"F1 calls the next visitor", "", false, 1, ui::CounterAction::call_next},
    {"F2 recalls", "called", false, 2, ui::CounterAction::recall},
    {"F3 starts serving", "called", false, 3, ui::CounterAction::start},
    {"F4 finishes", "serving", false, 4, ui::CounterAction::finish},
    {"F5 marks a no-show", "called", false, 5, ui::CounterAction::no_show},
    {"F7 pauses the window", "", false, 7, ui::CounterAction::pause},
    {"F7 resumes a paused window", "", true, 7, ui::CounterAction::resume},
};

}  // namespace

TEST_CASE("counter F-keys: each sends its action on the current ticket", "[ui][counter]") {
  for (const auto& row : key_cases) {
    SECTION(row.name) {
      Counter c;
      c.sign_in_to(hall_with(row.state, row.paused));
      c.press_f(row.key);
      REQUIRE(c.hub.commands.size() == 1);
      CHECK(c.hub.commands[0].action == row.action);
      if (*row.state != '\0') CHECK(c.hub.commands[0].ticket_id == c.hub.hall.snapshot.current->id);
    }
  }
}

TEST_CASE("counter F-keys: one the ticket's state does not allow sends nothing", "[ui][counter]") {
  Counter c;
  c.sign_in_to(hall_with("called"));
  c.press_f(1);  // the window holds a ticket
  c.press_f(4);  // not serving yet
  CHECK(c.hub.commands.empty());
  c.press_f(6);  // transfer opens the dialog; nothing is sent until a place is chosen
  CHECK(c.hub.commands.empty());
  CHECK(c.app->current_screen() == "work:transfer");
}

TEST_CASE("counter checklist: the heading counts the required materials still unticked", "[ui][counter]") {
  Counter c;
  c.sign_in_to(hall_with("called"));  // four materials, the last one optional
  REQUIRE(c.app->checks().size() == 4);
  CHECK(c.shown().find("缺 3 项") != std::string::npos);
  c.ui.tap(*c.app, "check:0");
  CHECK(c.shown().find("缺 2 项") != std::string::npos);
  c.ui.tap(*c.app, "check:3");  // optional: the count stays
  CHECK(c.shown().find("缺 2 项") != std::string::npos);
  c.ui.tap(*c.app, "check:0");  // untick
  CHECK(c.shown().find("缺 3 项") != std::string::npos);
  for (int i : {0, 1, 2}) c.ui.tap(*c.app, "check:" + std::to_string(i));
  const std::string shown = c.shown();
  CHECK(shown.find("材料齐全") != std::string::npos);
  CHECK(shown.find("缺 ") == std::string::npos);
  CHECK(c.app->checks() == std::vector<bool>{true, true, true, true});
}

TEST_CASE("counter transfer dialog: lists the hall's groups and the other windows, and sends the one chosen",
          "[ui][counter]") {
  Counter c;
  c.sign_in_to(hall_with("serving"));
  c.press_f(6);
  REQUIRE(c.app->current_screen() == "work:transfer");
  const std::string shown = c.shown();
  CHECK(shown.find("把 A023 转到") != std::string::npos);
  for (const auto& g : c.hub.hall.groups) {
    INFO(g.id);
    CHECK(c.enabled("transfer:group:" + g.id));
    CHECK(shown.find(g.id + "  " + g.name) != std::string::npos);
  }
  for (const auto& w : c.hub.hall.windows) {
    INFO(w.id);
    CHECK(c.enabled("transfer:window:" + w.id));
    CHECK(shown.find(w.id + "  " + w.name) != std::string::npos);
  }
  CHECK_FALSE(c.has("transfer:window:W3"));  // not to itself
  // The dialog takes the taps: the action buttons beneath are not pressed through it.
  const auto* under = c.ui.find(*c.app, "action:F4");
  if (under != nullptr) c.ui.tap_at(*c.app, test::center(*under));
  CHECK(c.hub.commands.empty());

  c.ui.tap(*c.app, "transfer:cancel");
  CHECK(c.app->current_screen() == "work");
  CHECK(c.hub.commands.empty());
  c.press_f(6);
  c.ui.tap(*c.app, "transfer:window:W4");
  REQUIRE(c.hub.commands.size() == 1);
  CHECK(c.hub.commands[0].action == ui::CounterAction::transfer);
  CHECK(c.hub.commands[0].to_window == "W4");
  CHECK(c.hub.commands[0].to_group.empty());
  CHECK(c.hub.commands[0].ticket_id == 42);
  CHECK(c.app->current_screen() == "work");
}

TEST_CASE("counter checklist: a long list takes the height left and scrolls under the finger", "[ui][counter]") {
  Counter c;
  REQUIRE(c.app->open("sample:long-list"));
  c.ui.settle(*c.app);
  REQUIRE(c.app->checks().size() == 14);
  const std::vector<bool> ticked = c.app->checks();
  const auto* first = c.ui.find(*c.app, "check:0");
  REQUIRE(first != nullptr);
  const float first_y = first->y;
  const float x = first->center_x();
  CHECK_FALSE(c.has("check:13"));  // below the panel's foot
  // The list reaches the screen's foot: a row is drawn within a pad or so of it.
  float lowest = 0.0f;
  for (const auto& t : c.app->touch_targets()) {
    if (t.id.starts_with("check:")) lowest = std::max(lowest, t.y + t.h);
  }
  CHECK(lowest > c.ui.io().DisplaySize.y - 60.0f);
  const float y = c.ui.io().DisplaySize.y - 60.0f;
  for (int i = 0; i < 6 && !c.has("check:13"); ++i) {
    c.ui.drag(*c.app, ImVec2(x, y), ImVec2(x, y - 250.0f), 10);
    c.ui.settle(*c.app);
  }
  REQUIRE(c.has("check:13"));
  const auto* moved = c.ui.find(*c.app, "check:0");
  CHECK((moved == nullptr || moved->y < first_y));
  CHECK(c.app->checks() == ticked);  // the drags ticked nothing on their way
}

TEST_CASE("counter events: a lost stream shows in the banner, and each new connection reads the hub again",
          "[ui][counter]") {
  Counter c;
  c.sign_in_to(hall_with(""));
  c.app->set_link({ui::CounterLink::Phase::connected, 0});
  c.ui.frame(*c.app);
  const int reads = c.hub.refreshes;
  CHECK(reads >= 1);  // the connection's own read, for what it missed before
  CHECK(c.shown().find("实时更新") == std::string::npos);

  c.app->set_link({ui::CounterLink::Phase::reconnecting, 1});
  CHECK(c.shown().find("实时更新已中断") != std::string::npos);
  c.app->set_link({ui::CounterLink::Phase::refused, 1});
  CHECK(c.shown().find("不接受本次登录的实时更新") != std::string::npos);
  c.app->set_link({ui::CounterLink::Phase::connected, 0});
  c.ui.frame(*c.app);
  CHECK(c.hub.refreshes == reads + 1);
  CHECK(c.shown().find("实时更新") == std::string::npos);

  c.app->refresh();  // an event: read at once
  c.ui.frame(*c.app);
  CHECK(c.hub.refreshes == reads + 2);
}

namespace {

// The counter's paper, scripted: records each reprint asked for and answers with `answer` (the
// number filled in), or holds the answer while `hold` is set.
class ScriptedSlips final : public ui::CounterSlipPort {
 public:
  std::vector<std::string> reprints;
  ui::SlipNote answer{ui::SlipNote::Phase::done, {}, {}, {}, false};
  bool hold = false;
  std::function<void(ui::SlipNote)> held;

  void reprint(const std::string& number, std::function<void(ui::SlipNote)> reply) override {
    reprints.push_back(number);
    ui::SlipNote n = answer;
    n.number = number;
    if (hold) {
      held = [reply, n](ui::SlipNote) { reply(n); };
      return;
    }
    reply(n);
  }
  void print_notice(const ui::CounterTicket& t, const std::vector<ui::CounterMaterial>&,
                    std::function<void(ui::SlipNote)> reply) override {
    reply({ui::SlipNote::Phase::done, {}, {}, t.number, true});
  }
  slip::PrinterProblem printer_problem() const override { return slip::PrinterProblem::none; }
};

// A clerk signed in with no ticket at the window (补打其他号 is for anyone's ticket), paper wired.
struct ReprintCounter {
  ScriptedSlips slips;  // outlives the app
  Counter c;
  ReprintCounter() {
    c.app->set_slip_port(&slips);
    c.sign_in_to(hall_with(""));
    c.ui.settle(*c.app);
  }
  ~ReprintCounter() { c.app->set_slip_port(nullptr); }
  void key(int index) {
    c.ui.io().KeysDown[index] = true;
    c.ui.frame(*c.app);
    c.ui.io().KeysDown[index] = false;
    c.ui.frame(*c.app);
  }
  void type(const char* text) {
    c.ui.io().AddInputCharactersUTF8(text);
    c.ui.frame(*c.app);
  }
};

constexpr int glfw_escape = 256, glfw_enter = 257, glfw_backspace = 259;

}  // namespace

TEST_CASE("counter 补打其他号: any of today's numbers is typed on the keypad and sent, and the answer stays in the dialog",
          "[ui][counter][reprint]") {
  ReprintCounter r;
  Counter& c = r.c;
  REQUIRE(c.has("counter:reprint_other"));
  REQUIRE(c.enabled("counter:reprint_other"));
  c.ui.tap(*c.app, "counter:reprint_other");
  REQUIRE(c.app->current_screen() == "work:reprint");
  std::string shown = c.shown();
  CHECK(shown.find("补打其他号：输入今天的号码") != std::string::npos);
  CHECK(shown.find("请输入号码") != std::string::npos);
  for (const char* k : {"reprint:A", "reprint:B", "reprint:C", "reprint:0", "reprint:9", "reprint:backspace",
                        "reprint:clear", "reprint:close"}) {
    INFO(k);
    CHECK(c.enabled(k));
  }
  CHECK_FALSE(c.enabled("reprint:send"));  // nothing typed

  for (const char* k : {"reprint:0", "reprint:1", "reprint:7"}) c.ui.tap(*c.app, k);
  CHECK_FALSE(c.enabled("reprint:send"));  // no group letter yet
  c.ui.tap(*c.app, "reprint:B");
  c.ui.tap(*c.app, "reprint:A");  // a letter replaces the one in front
  CHECK(c.shown().find("A017") != std::string::npos);
  REQUIRE(c.enabled("reprint:send"));

  // The work screen beneath takes no tap while the dialog is open.
  const auto* under = c.ui.find(*c.app, "action:F1");
  if (under != nullptr) c.ui.tap_at(*c.app, test::center(*under));
  CHECK(c.hub.commands.empty());

  r.slips.hold = true;
  c.ui.tap(*c.app, "reprint:send");
  REQUIRE(r.slips.reprints == std::vector<std::string>{"A017"});
  CHECK(c.app->reprint_note().phase == ui::SlipNote::Phase::sending);
  shown = c.shown();
  CHECK(shown.find("正在请求补打 A017") != std::string::npos);
  CHECK_FALSE(c.enabled("reprint:send"));  // one at a time
  c.ui.tap_at(*c.app, test::center(*c.ui.find(*c.app, "reprint:send")));
  CHECK(r.slips.reprints.size() == 1);
  r.slips.held({});
  c.ui.frame(*c.app);
  CHECK(c.app->reprint_note().phase == ui::SlipNote::Phase::done);
  shown = c.shown();
  CHECK(shown.find("已请求补打 A017：出票的取号机正在重新打印凭条。") != std::string::npos);
  CHECK(c.app->current_screen() == "work:reprint");  // the clerk reads the answer, then closes
  c.ui.tap(*c.app, "reprint:close");
  CHECK(c.app->current_screen() == "work");
  CHECK(c.hub.commands.empty());
}

namespace {

struct AnswerCase {
  const char* name;
  const char* number;
  ui::SlipNote answer;
  const char* shows;
};

const AnswerCase answer_cases[] = {
    {"no such number today: the dialog's own words",
     "A099",
     {ui::SlipNote::Phase::failed, "今天没有发过 A099 号，请核对号码。", "no ticket A099 today", {}, false, true},
     "今天没有这个号：A099。请核对号码。"},
    {"refused: the hub's own words",
     "B003",
     {ui::SlipNote::Phase::failed,
      "这张号不是取号机发的，没有可补打的凭条。",
      "no kiosk issued B003",
      {},
      false,
      false},
     "B003 不能补打：这张号不是取号机发的，没有可补打的凭条。"},
    {"the hub not reached: the desk's words",
     "C120",
     {ui::SlipNote::Phase::failed, "连不上排队系统，请稍后再试。", "", {}, false, false},
     "C120 不能补打：连不上排队系统，请稍后再试。"},
};

}  // namespace

TEST_CASE("counter 补打其他号: a number the hub does not know, or refuses, is said so in the dialog",
          "[ui][counter][reprint]") {
  for (const auto& row : answer_cases) {
    SECTION(row.name) {
      ReprintCounter r;
      Counter& c = r.c;
      r.slips.answer = row.answer;
      c.ui.tap(*c.app, "counter:reprint_other");
      for (const char* p = row.number; *p != '\0'; ++p) c.ui.tap(*c.app, std::string("reprint:") + *p);
      c.ui.tap(*c.app, "reprint:send");
      REQUIRE(r.slips.reprints == std::vector<std::string>{row.number});
      CHECK(c.app->reprint_note().phase == ui::SlipNote::Phase::failed);
      const std::string shown = c.shown();
      CHECK(shown.find(row.shows) != std::string::npos);
      CHECK(shown.find("已请求补打") == std::string::npos);
      CHECK(c.app->missing_glyphs().empty());  // the hub's words are in the font
      CHECK(c.enabled("reprint:send"));        // the clerk may correct the number and send again
    }
  }
}

TEST_CASE("counter 补打其他号 by keyboard: F8 opens, digits and letters type, Enter sends, Esc closes",
          "[ui][counter][reprint]") {
  ReprintCounter r;
  Counter& c = r.c;
  auto& io = c.ui.io();
  io.KeyMap[ImGuiKey_Enter] = glfw_enter;
  io.KeyMap[ImGuiKey_Escape] = glfw_escape;
  io.KeyMap[ImGuiKey_Backspace] = glfw_backspace;
  r.key(f1 + 7);  // F8
  REQUIRE(c.app->current_screen() == "work:reprint");
  r.type("b0x12");  // x is no group's letter: not taken
  CHECK(c.shown().find("B012") != std::string::npos);
  r.key(glfw_backspace);
  std::string shown = c.shown();
  CHECK(shown.find("B01") != std::string::npos);
  CHECK(shown.find("B012") == std::string::npos);
  r.key(glfw_enter);  // incomplete: nothing is sent
  CHECK(r.slips.reprints.empty());
  c.press_f(1);  // the F-keys of the work screen do nothing while the dialog is open
  CHECK(c.hub.commands.empty());
  r.type("5");
  r.key(glfw_enter);
  REQUIRE(r.slips.reprints == std::vector<std::string>{"B015"});
  CHECK(c.shown().find("已请求补打 B015") != std::string::npos);
  r.key(glfw_escape);
  CHECK(c.app->current_screen() == "work");
  r.key(f1 + 7);
  CHECK(c.app->current_screen() == "work:reprint");
  CHECK(c.shown().find("B015") != std::string::npos);  // the last number and its answer are still there
}

TEST_CASE("counter 补打其他号 is offered only where the counter can ask for paper", "[ui][counter][reprint]") {
  Counter c;
  c.sign_in_to(hall_with(""));
  c.ui.frame(*c.app);
  CHECK_FALSE(c.has("counter:reprint_other"));
  c.press_f(8);
  CHECK(c.app->current_screen() == "work");
}

TEST_CASE("counter 补打其他号 samples: asked for, no such number, refused", "[ui][counter][reprint]") {
  const struct {
    const char* spec;
    const char* shows;
  } samples[] = {
      {"sample:reprint", "已请求补打 A017"},
      {"sample:reprint-unknown", "今天没有这个号：A099"},
      {"sample:reprint-refused", "B003 不能补打：这张号不是取号机发的"},
  };
  for (const auto& s : samples) {
    SECTION(s.spec) {
      Counter c;
      REQUIRE(c.app->open(s.spec));
      c.ui.settle(*c.app);
      CHECK(c.app->current_screen() == "work:reprint");
      const std::string shown = c.shown();
      CHECK(shown.find(s.shows) != std::string::npos);
      CHECK(shown.find("示例画面") != std::string::npos);
      CHECK(c.app->missing_glyphs().empty());
      c.ui.tap(*c.app, "reprint:send");  // a sample asks no hub: nothing happens
      CHECK(c.app->current_screen() == "work:reprint");
      c.ui.tap(*c.app, "reprint:close");
      CHECK(c.app->current_screen() == "work");
    }
  }
}
