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
#include "hallkiosk/counter_feed.h"
#include "hallkiosk/hub_link.h"
#include "hub_fixture.h"
#include "support/hallctl.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using hall::test::UiDriver;

using hall::test::noto;

namespace {

constexpr int f1 = 290;  // GLFW_KEY_F1, as the host passes it
// How long a wait for something the hub does may take before the test gives up. Far beyond any
// answer on a loaded machine: a wait ends when its condition holds, never on a time.
constexpr std::chrono::seconds patience{60};

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

struct CounterOptions {
  std::string window = "W3";
  // A request with no answer within this is lost: far beyond a loaded machine's hub (a sign-in
  // hashes the PIN). The cases about lost answers shorten it once signed in (link->set_timeout).
  std::chrono::milliseconds timeout{30'000};
  // In the driver's time (16 ms a frame): quick, so a case that needs a re-read gets one soon.
  std::chrono::milliseconds refresh_every{200};
  std::chrono::milliseconds retry_every{200};
};

// The counter as the role wires it: the app, its desk over HTTP, and the feed following the hub's
// events with the clerk's session.
struct Counter {
  UiDriver ui{1280, 800};
  RunQueue replies;
  ManualClock clock{std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000))};
  CounterOptions options;
  std::unique_ptr<ui::CounterApp> app;
  std::unique_ptr<kiosk::CounterFeed> feed;
  std::unique_ptr<kiosk::CounterDesk> desk;
  kiosk::HubLink* link = nullptr;  // the desk's

  explicit Counter(const std::string& url, CounterOptions o = {}) : options(std::move(o)) {
    auto made = kiosk::HubLink::remote_without_token(url, options.timeout);
    REQUIRE(made);
    link = made->get();
    ui::CounterSettings s{options.window, "zh-CN", f1, options.refresh_every, options.retry_every};
    app = std::make_unique<ui::CounterApp>(test::read_asset("i18n/zh-CN.json"), test::read_asset("i18n/en.json"), s,
                                           clock);
    feed = std::make_unique<kiosk::CounterFeed>(url, *app, replies);
    desk = std::make_unique<kiosk::CounterDesk>(std::move(*made), options.window, replies,
                                                [this](const std::string& session) { feed->follow(session); });
    app->set_port(desk.get());
    ui.build_fonts(*app, noto);
    ui.settle(*app);
  }
  ~Counter() {
    desk->stop();
    feed->stop();
    app->set_port(nullptr);
  }

  // Frames, answering what comes back, until `done` holds (true) or `patience` has passed (false).
  template <typename Done>
  bool until(Done done, std::chrono::milliseconds bound = patience) {
    const auto end = std::chrono::steady_clock::now() + bound;
    for (;;) {
      replies.run_pending();
      ui.frame(*app);
      if (done()) break;
      if (std::chrono::steady_clock::now() > end) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ui.settle(*app);
    return true;
  }
  // Until no request is out (the reply to what was just pressed has landed).
  void wait() { REQUIRE(until([&] { return !app->sending(); })); }
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
  bool live() const { return app->link().phase == ui::CounterLink::Phase::connected; }
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
  int waiting(const std::string& group) const {
    const auto* s = app->snapshot();
    if (!s) return -1;
    for (const auto& g : s->groups) {
      if (g.id == group) return g.waiting;
    }
    return -1;
  }
  bool enabled(const std::string& id) const {
    const auto* t = ui.find(*app, id);
    return t && t->enabled;
  }
};

void issue(const test::RunningHub& hub, const test::HubHall& hall, const std::string& guide, int n) {
  static int issued = 0;  // each ticket its own Idempotency-Key, so each is a new ticket
  for (int i = 0; i < n; ++i) {
    const auto r = hub.post("/api/v1/tickets", test::Json{{"guide_id", guide}}.dump(), hall.kiosk,
                            "k-" + guide + "-" + std::to_string(++issued));
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

TEST_CASE("the counter follows the hub's events: a kiosk's ticket and another window's call change its counts at once",
          "[ui][counter][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("S02", "1357");
  test::RunningHub hub(hall);
  CounterOptions no_poll;
  // In the driver's time (16 ms a frame): no timed read comes due in this case, so only an event
  // can explain a count that changes.
  no_poll.refresh_every = no_poll.retry_every = std::chrono::hours(24);
  Counter c(hub.url(), no_poll);
  c.sign_in("S01", "2468");
  REQUIRE(c.app->signed_in());
  // The connection's own read (for what came before it) is answered before anything happens.
  REQUIRE(c.until([&] { return c.live() && c.app->reads_answered() >= 1; }));
  REQUIRE(c.waiting("A") == 0);

  const auto reads = c.app->reads_answered();
  const auto seen = c.feed->events_seen();
  const auto t0 = c.ui.now;
  issue(hub, hall, "G-0001", 1);  // a kiosk device, over the hub's HTTP API
  REQUIRE(c.until([&] { return c.waiting("A") == 1; }));
  CHECK(c.ui.now - t0 < no_poll.refresh_every / 10);
  CHECK(c.feed->events_seen() > seen);
  CHECK(c.app->reads_answered() > reads);

  issue(hub, hall, "G-0001", 1);
  REQUIRE(c.until([&] { return c.waiting("A") == 2; }));
  const std::string other = hub.sign_in("S02", "1357", "W1");
  const auto called = hub.post("/api/v1/windows/W1/call-next", "{}", other);
  REQUIRE(called.status == 200);
  REQUIRE(c.until([&] { return c.waiting("A") == 1; }));  // another window's call
  CHECK(c.ui.now - t0 < no_poll.refresh_every / 10);

  // Signing out stops the follower; signing in again follows with the new session.
  c.ui.tap(*c.app, "counter:sign_out");
  c.wait();
  REQUIRE(c.app->current_screen() == "sign-in");
  CHECK(c.until([&] { return c.app->link().phase == ui::CounterLink::Phase::off; }));
  c.sign_in("S01", "2468");
  REQUIRE(c.app->signed_in());
  REQUIRE(c.until([&] { return c.live(); }));
  const auto t1 = c.ui.now;
  REQUIRE(c.waiting("A") == 1);
  issue(hub, hall, "G-0001", 1);
  REQUIRE(c.until([&] { return c.waiting("A") == 2; }));
  CHECK(c.ui.now - t1 < no_poll.refresh_every / 10);
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
  const auto reads = c.app->reads_answered();
  REQUIRE(c.until([&] { return c.app->reads_answered() >= reads + 3; }));  // each finds the hub still down
  CHECK(c.app->unreachable());
  CHECK(c.app->unsure());
  CHECK_FALSE(c.live());

  serve = std::make_unique<Serve>(hall, port);
  REQUIRE(c.until([&] { return !c.app->unreachable() && !c.app->unsure(); }));
  REQUIRE(c.current() != nullptr);
  CHECK(c.current()->number == "A001");
  CHECK(c.current()->recalls == 0);  // the recall never reached the hub, and was not resent
  CHECK(c.enabled("action:F2"));
  CHECK(waiting_in(reader, hall, "A") == 1);
  CHECK(c.until([&] { return c.live(); }));  // the events followed again, after the restart
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
  c.link->set_timeout(std::chrono::milliseconds(1500));  // waited out twice: the call, then the re-read

  // The request reaches the hub's socket, but the hub answers only after the counter gave up.
  REQUIRE(::kill(hub.pid(), SIGSTOP) == 0);
  c.press_f(1);
  c.wait();
  CHECK(c.app->unsure());
  CHECK_FALSE(c.enabled("action:F1"));  // no second call while the first one's fate is unknown
  REQUIRE(::kill(hub.pid(), SIGCONT) == 0);
  c.link->set_timeout(CounterOptions{}.timeout);  // a loaded machine's answers are not lost again
  // The hub, running again, makes the call it was sent; a read may come before it does (and find
  // nothing yet), the next read or the call's event finds the ticket.
  REQUIRE(c.until([&] { return !c.app->unsure() && c.current() != nullptr; }));
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
    CounterOptions quick;
    quick.timeout = std::chrono::milliseconds(1500);
    Counter c("http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)), quick);
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
    CHECK(std::chrono::steady_clock::now() - start >= quick.timeout - std::chrono::milliseconds(100));
    CHECK_FALSE(c.app->signed_in());
    CHECK(c.shown().find("连不上排队系统") != std::string::npos);
  }
  ::close(listener);
}
