// SPDX-License-Identifier: Apache-2.0
// The clerk's counter against a real hub: the counter screens (headless, through the UI driver)
// with the counter's real port (counter_desk over hub_link's HTTP) and `hallctl serve` on
// 127.0.0.1. The whole cycle, the checklist, a wrong PIN and a lock, a hub that stops, freezes or
// never answers — and in none of them does the counter act twice.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "common/run_queue.h"
#include "counter/screens.h"
#include "counter_app.h"
#include "hallkiosk/counter_desk.h"
#include "hallkiosk/hub_link.h"
#include "hub_fixture.h"
#include "support/hallctl.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using hall::test::UiDriver;

namespace {

const ui::FontFile noto{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"};
constexpr int f1 = 290;  // GLFW_KEY_F1, as the host passes it
constexpr std::chrono::milliseconds timeout{1500};

// `hallctl serve` on the hall's folder at `port` (0: any), stopped by its pid.
struct Serve {
  std::unique_ptr<test::ChildProcess> process;
  std::string url;
  int port = 0;
  Serve(const test::HubHall& hall, int at) {
    process = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{HALLCTL_PATH, "serve", "--data", hall.data(), "--port", std::to_string(at)},
        hall.dir.file("serve-" + std::to_string(at) + ".err"));
    const std::string line = process->read_line(std::chrono::seconds(30));
    REQUIRE(line.rfind("listening on ", 0) == 0);
    url = line.substr(13);
    port = std::stoi(url.substr(url.rfind(':') + 1));
  }
};

struct Counter {
  UiDriver ui{1280, 800};
  RunQueue replies;
  ManualClock clock{std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000))};
  std::unique_ptr<kiosk::CounterDesk> desk;
  std::unique_ptr<ui::CounterApp> app;

  explicit Counter(const std::string& url, const std::string& window = "W3") {
    auto link = kiosk::HubLink::remote_without_token(url, timeout);
    REQUIRE(link);
    desk = std::make_unique<kiosk::CounterDesk>(std::move(*link), window, replies);
    ui::CounterSettings s{window, "zh-CN", f1, std::chrono::milliseconds(200)};
    app = std::make_unique<ui::CounterApp>(test::read_asset("i18n/zh-CN.json"), test::read_asset("i18n/en.json"), s,
                                           clock);
    app->set_port(desk.get());
    ui.build_fonts(*app, noto);
    ui.settle(*app);
  }
  ~Counter() {
    desk->stop();
    app->set_port(nullptr);
  }

  // Frames until no request is out (the hub answers in ms; the bound stops a broken test).
  void wait() {
    for (int i = 0; i < 2000; ++i) {
      replies.run_pending();
      ui.frame(*app);
      if (!app->sending() && i > 2) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    replies.run_pending();
    ui.settle(*app);
  }
  // Frames for `span` of the driver's time (refreshes come due), answering what comes back.
  void run_for(std::chrono::milliseconds span) {
    const auto end = ui.now + span;
    while (ui.now < end) {
      replies.run_pending();
      ui.frame(*app);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    replies.run_pending();
    ui.settle(*app);
  }
  void press_f(int n) {
    ui.io().KeysDown[f1 + n - 1] = true;
    ui.frame(*app);
    ui.io().KeysDown[f1 + n - 1] = false;
    ui.frame(*app);
  }
  void sign_in(const std::string& id, const std::string& pin) {
    ui.tap(*app, "sign_in:staff");
    for (int i = 0; i < 20; ++i) ui.tap(*app, "key:backspace");
    for (char c : id) ui.tap(*app, std::string("key:") + static_cast<char>(std::tolower(c)));
    ui.tap(*app, "sign_in:pin");
    for (char c : pin) ui.tap(*app, std::string("pad:") + c);
    ui.tap(*app, "sign_in:submit");
    wait();
  }
  std::string shown() {
    std::vector<std::string> drawn;
    const ui::TextRecorder record(drawn);
    ui.frame(*app);
    std::string all;
    for (const auto& s : drawn) all += s + "\n";
    return all;
  }
  const ui::CounterTicket* current() const {
    const auto* s = app->snapshot();
    return s && s->current ? &*s->current : nullptr;
  }
  bool enabled(const std::string& id) const {
    const auto* t = ui.find(*app, id);
    return t && t->enabled;
  }
};

void issue(const test::RunningHub& hub, const test::HubHall& hall, const std::string& guide, int n) {
  for (int i = 0; i < n; ++i) {
    const auto r = hub.post("/api/v1/tickets", test::Json{{"guide_id", guide}}.dump(), hall.kiosk,
                            "k-" + guide + "-" + std::to_string(i));
    REQUIRE(r.status == 201);
  }
}

int waiting_in(const test::RunningHub& hub, const test::HubHall& hall, const std::string& group) {
  const auto r = hub.get("/api/v1/queue", hall.board);
  INFO(r.status << " " << r.body);
  const auto body = r.json();  // kept: a range-for over a temporary's member would dangle
  for (const auto& g : body["groups"]) {
    if (g["id"].get<std::string>() == group) return g["waiting"].get<int>();
  }
  FAIL("no group " << group << " in /api/v1/queue");
  return -1;
}

}  // namespace

TEST_CASE("the counter's whole cycle against a real hub: sign in, call, recall, start, finish, no-show, transfer, pause",
          "[ui][counter][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  test::RunningHub hub(hall);
  issue(hub, hall, "G-0001", 3);
  Counter c(hub.url());
  CHECK(c.app->current_screen() == "sign-in");
  CHECK(c.shown().find("W3 窗口登录") != std::string::npos);

  c.sign_in("S01", "2468");
  REQUIRE(c.app->signed_in());
  CHECK(c.app->current_screen() == "work");
  CHECK(c.current() == nullptr);
  CHECK_FALSE(c.enabled("action:F2"));  // nothing to recall yet

  c.press_f(1);  // call next
  c.wait();
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A001");
  CHECK(c.current()->state == "called");
  REQUIRE(c.current()->materials.size() >= 2);
  CHECK_FALSE(c.enabled("action:F1"));  // the window holds a ticket
  CHECK_FALSE(c.enabled("action:F4"));  // not serving yet
  const int required = ui::missing_required(*c.current(), c.app->checks());
  REQUIRE(required >= 1);
  CHECK(c.shown().find("缺 " + std::to_string(required) + " 项") != std::string::npos);
  c.ui.tap(*c.app, "check:0");
  CHECK(c.app->checks().at(0));
  CHECK(c.shown().find("缺 " + std::to_string(required - 1) + " 项") != std::string::npos);

  c.ui.tap(*c.app, "action:F2");  // recall, by the button
  c.wait();
  CHECK(c.current()->recalls == 1);
  CHECK(c.app->checks().at(0));  // the ticks stay with the ticket across refreshes
  c.press_f(3);                  // start
  c.wait();
  CHECK(c.current()->state == "serving");
  c.press_f(4);  // finish
  c.wait();
  CHECK(c.current() == nullptr);

  c.press_f(1);
  c.wait();
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A002");
  CHECK(c.app->checks().at(0) == false);  // a new ticket starts unticked
  c.press_f(5);                           // no-show
  c.wait();
  CHECK(c.current() == nullptr);

  c.press_f(1);
  c.wait();
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A003");
  c.press_f(6);  // transfer: the dialog
  CHECK(c.app->current_screen() == "work:transfer");
  c.ui.tap(*c.app, "transfer:group:B");
  c.wait();
  CHECK(c.current() == nullptr);
  CHECK(waiting_in(hub, hall, "B") == 1);

  c.press_f(7);  // pause
  c.wait();
  REQUIRE(c.app->snapshot() != nullptr);
  CHECK(c.app->snapshot()->paused);
  CHECK_FALSE(c.enabled("action:F1"));
  CHECK(c.shown().find("本窗口已暂停") != std::string::npos);
  c.press_f(7);  // resume
  c.wait();
  CHECK_FALSE(c.app->snapshot()->paused);
  REQUIRE(c.app->snapshot()->today.has_value());
  CHECK(c.app->snapshot()->today->served == 1);
  CHECK(c.app->snapshot()->today->no_shows == 1);

  c.ui.tap(*c.app, "counter:sign_out");
  c.wait();
  CHECK(c.app->current_screen() == "sign-in");
}

TEST_CASE("a wrong PIN says so, and five lock the id for minutes", "[ui][counter][hub]") {
  test::HubHall hall;
  hall.add_staff("S02", "1357");
  test::RunningHub hub(hall);
  Counter c(hub.url());
  c.sign_in("S02", "0000");
  CHECK_FALSE(c.app->signed_in());
  CHECK(c.shown().find("工号或密码不对") != std::string::npos);
  for (int i = 0; i < 4; ++i) c.sign_in("S02", "0000");
  const std::string shown = c.shown();
  CHECK(shown.find("已锁定") != std::string::npos);
  CHECK(shown.find("5 分钟后再试") != std::string::npos);
  CHECK_FALSE(c.enabled("sign_in:submit"));  // even the right PIN waits for the lock
  CHECK_FALSE(c.enabled("pad:1"));
}

TEST_CASE("a hub that stops mid-session: the banner, nothing done twice, and recovery after its restart",
          "[ui][counter][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  auto serve = std::make_unique<Serve>(hall, 0);
  const int port = serve->port;
  test::RunningHub reader(hall);  // a second hub on the same folder, to read the queue by
  issue(reader, hall, "G-0001", 2);
  Counter c(serve->url);
  c.sign_in("S01", "2468");
  REQUIRE(c.app->signed_in());
  c.press_f(1);
  c.wait();
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A001");

  serve->process->stop();
  c.press_f(2);  // recall: no answer
  c.wait();
  CHECK(c.app->unreachable());
  CHECK(c.app->unsure());
  CHECK(c.shown().find("连不上排队系统") != std::string::npos);
  CHECK_FALSE(c.enabled("action:F2"));  // nothing more until the hub is read again
  CHECK_FALSE(c.enabled("action:F5"));
  c.run_for(std::chrono::milliseconds(600));  // refreshes fail: still down, still unsure
  CHECK(c.app->unreachable());

  serve = std::make_unique<Serve>(hall, port);
  c.run_for(std::chrono::milliseconds(800));
  CHECK_FALSE(c.app->unreachable());
  CHECK_FALSE(c.app->unsure());
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A001");
  CHECK(c.current()->recalls == 0);  // the recall never reached the hub, and was not resent
  CHECK(c.enabled("action:F2"));
  CHECK(waiting_in(reader, hall, "A") == 1);
}

TEST_CASE("a hub that freezes while calling: the answer is lost, the call was made once, and the counter learns it",
          "[ui][counter][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  test::RunningHub hub(hall);
  issue(hub, hall, "G-0001", 2);
  Counter c(hub.url());
  c.sign_in("S01", "2468");
  REQUIRE(c.app->signed_in());

  // The request reaches the hub's socket, but the hub answers only after the counter gave up.
  REQUIRE(::kill(hub.pid(), SIGSTOP) == 0);
  c.press_f(1);
  c.wait();
  CHECK(c.app->unsure());
  CHECK_FALSE(c.enabled("action:F1"));  // no second call while the first one's fate is unknown
  REQUIRE(::kill(hub.pid(), SIGCONT) == 0);
  c.run_for(std::chrono::milliseconds(2500));
  CHECK_FALSE(c.app->unsure());
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A001");  // the call the hub made, shown, not made again
  CHECK(waiting_in(hub, hall, "A") == 1);
}

TEST_CASE("a hub that accepts and never answers: signing in says so after the timeout, once", "[ui][counter][hub]") {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(listener, 8) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  {
    Counter c("http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)));
    c.ui.tap(*c.app, "sign_in:staff");
    c.ui.tap(*c.app, "key:s");
    c.ui.tap(*c.app, "sign_in:pin");
    c.ui.tap(*c.app, "pad:1");
    c.ui.tap(*c.app, "sign_in:submit");
    c.ui.frame(*c.app);
    CHECK(c.app->sending());
    CHECK(c.shown().find("正在登录") != std::string::npos);
    CHECK_FALSE(c.enabled("sign_in:submit"));  // a second press sends nothing
    const auto start = std::chrono::steady_clock::now();
    c.wait();
    CHECK(std::chrono::steady_clock::now() - start >= timeout - std::chrono::milliseconds(100));
    CHECK_FALSE(c.app->signed_in());
    CHECK(c.shown().find("连不上排队系统") != std::string::npos);
  }
  ::close(listener);
}
