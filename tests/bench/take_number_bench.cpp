// SPDX-License-Identifier: Apache-2.0
// 取号 at the kiosk, end to end: from the visitor's tap on 取号 (the release that sends the request)
// to the frame that draws the ticket screen with the hub's number. The real KioskApp, driven
// headless by the UI driver, over the kiosk's real port (ticket_desk on a worker, the answer
// through the run queue, the UI thread asleep until the queue wakes it, as in the host), against
// (a) the hub inside the process (HubLink::embedded, as the kiosk runs by default) and (b) a
// separate `hallctl serve` over HTTP on 127.0.0.1 (HubLink::remote). Every ticket is durable in
// queue.db before it is shown. Median and p99 over N taps, and the hub's answer alone for scale.
// Prints figures; asserts only that every tap got a number.
//   take_number_bench            (TAKE_NUMBER_TAPS=N to change the 200 taps)
#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "common/run_queue.h"
#include "common/worker_pool.h"
#include "hallkiosk/hub_link.h"
#include "hallkiosk/ticket_desk.h"
#include "support/child_process.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"
#include "ui_driver.h"

using namespace hall;
using Steady = std::chrono::steady_clock;

namespace {

constexpr const char* elder_allowance = "370811-JZ-0001";
const std::string guide_body = R"({"guide_id":"370811-JZ-0001"})";
const ui::FontFile noto{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"};

double ms(Steady::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}
double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

int taps() {
  const char* n = std::getenv("TAKE_NUMBER_TAPS");
  return n ? std::max(1, std::atoi(n)) : 200;
}

// The demo hall's folder: hall.json, its guides, a kiosk device for the remote hub.
struct BenchHall {
  test::TempDir dir;
  std::string token_file = dir.file("kiosk.token");
  BenchHall() {
    test::write_file(dir.file("hall.json"), test::read_asset("demo/hall.json"));
    REQUIRE(test::hallctl({"catalogue", "import", std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json", "--data",
                           dir.path()})
                .exit_code == 0);
    const auto k = test::hallctl({"device", "add", "--data", dir.path(), "--id", "K1", "--role", "kiosk"});
    REQUIRE(k.exit_code == 0);
    test::write_file(token_file, k.out);
  }
};

// The host's sleep: the UI thread waits until a worker posts, as glfwWaitEvents does.
struct Wakeable {
  RunQueue queue;
  std::mutex mutex;
  std::condition_variable posted;
  Wakeable() {
    queue.set_waker([this] {
      std::lock_guard lock(mutex);
      posted.notify_all();
    });
  }
  void sleep_until_posted() {
    std::unique_lock lock(mutex);
    posted.wait_for(lock, std::chrono::seconds(10), [&] { return !queue.empty(); });
  }
};

struct Figures {
  std::vector<double> tap_to_ticket, hub_alone;
};

Figures run(kiosk::HubLink& link, int n) {
  Figures out;
  test::DemoCatalogue demo;
  // No priority question in this hall: 取号 itself sends the request, as the issue measures it.
  auto catalogue = demo.fresh();
  catalogue->hall.priority_classes.clear();
  test::UiDriver ui(1080, 1920);
  ui::KioskSettings settings;
  settings.idle_timeout = std::chrono::hours(1);
  auto app = ui.make_app(catalogue, demo.clock, settings);
  ui.build_fonts(*app, noto);
  WorkerPool worker(1);
  Wakeable host;
  app->on_take_number(kiosk::make_take_number(link, worker, host.queue));

  const int warm = 10;
  for (int i = 0; i < warm + n; ++i) {
    REQUIRE(app->open(std::string("guide:") + elder_allowance));
    ui.settle(*app);
    const ui::TouchTarget* take = ui.find(*app, "guide:take_number");
    REQUIRE(take);
    const ImVec2 at = test::center(*take);
    // The tap's frames as the driver makes them; the clock starts at the release, which sends.
    ui.io().MousePos = at;
    ui.frame(*app);
    ui.io().MouseDown[0] = true;
    ui.frame(*app);
    ui.io().MouseDown[0] = false;
    const auto start = Steady::now();
    ui.frame(*app);
    REQUIRE(app->ticket().phase == ui::TicketState::Phase::sending);
    while (app->current_screen().rfind("ticket", 0) != 0) {
      host.sleep_until_posted();
      host.queue.run_pending();
      ui.frame(*app);  // the frame that shows the answer
      REQUIRE(app->ticket().phase != ui::TicketState::Phase::failed);
    }
    const auto shown = Steady::now();
    REQUIRE(app->ticket().ticket.has_value());
    if (i >= warm) out.tap_to_ticket.push_back(ms(shown - start));
    ui.io().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ui.tap(*app, "ticket:done");
  }

  // The same request sent straight from this thread: the part of a tap that is the hub's.
  for (int i = 0; i < n; ++i) {
    http::Request r;
    r.method = "POST";
    r.path = "/api/v1/tickets";
    r.headers.emplace_back("Idempotency-Key", "bench-" + std::to_string(i) + "-" + std::to_string(Steady::now().time_since_epoch().count()));
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = guide_body;
    const auto start = Steady::now();
    auto answer = link.send(r);
    const auto end = Steady::now();
    REQUIRE(answer);
    REQUIRE(answer->status == 201);
    out.hub_alone.push_back(ms(end - start));
  }
  return out;
}

void print(const char* what, const Figures& f) {
  std::printf("%-34s tap 取号 → ticket screen drawn: median %7.2f ms  p99 %7.2f ms  (n=%zu)\n", what,
              pct(f.tap_to_ticket, 0.5), pct(f.tap_to_ticket, 0.99), f.tap_to_ticket.size());
  std::printf("%-34s hub's answer alone:             median %7.2f ms  p99 %7.2f ms  (n=%zu)\n", "",
              pct(f.hub_alone, 0.5), pct(f.hub_alone, 0.99), f.hub_alone.size());
}

}  // namespace

TEST_CASE("take_number_bench: 取号 → ticket screen, embedded hub and hallctl serve over HTTP", "[bench]") {
  const int n = taps();
  {
    BenchHall hall;
    auto link = kiosk::HubLink::embedded(app::DataDir{hall.dir.path(), false}, "127.0.0.1", 0);
    REQUIRE(link);
    print("(a) hub in-process (embedded)", run(**link, n));
  }
  {
    BenchHall hall;
    test::ChildProcess serve({HALLCTL_PATH, "serve", "--data", hall.dir.path(), "--port", "0"},
                             hall.dir.file("serve.err"));
    const std::string line = serve.read_line(std::chrono::seconds(30));
    REQUIRE(line.rfind("listening on ", 0) == 0);
    auto link = kiosk::HubLink::remote(line.substr(13), hall.token_file);
    REQUIRE(link);
    print("(b) hallctl serve over HTTP", run(**link, n));
    CHECK(serve.stop() == 0);
  }
}
