// SPDX-License-Identifier: Apache-2.0
// 取号 at the kiosk against a real hub: the kiosk screens (headless, through the UI driver) with
// the kiosk's real port to the hub (ticket_desk, hub_link) and `hallctl serve` on 127.0.0.1. The
// number on the ticket screen is the hub's; a hub that is gone gives no number; 过号了？ puts a
// no-show back in the queue.
#include <catch2/catch.hpp>

#include <thread>

#include <httplib.h>

#include "common/run_queue.h"
#include "common/worker_pool.h"
#include "hallkiosk/hub_link.h"
#include "hallkiosk/ticket_desk.h"
#include "hub_fixture.h"
#include "support/hallctl.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

using hall::test::noto;

namespace {

constexpr const char* elder_allowance = "370811-JZ-0001";

// Runs the replies the worker posts until the ticket leaves `sending` (the hub answers in ms; the
// bound only stops a broken test from hanging).
void wait_for_answer(UiDriver& ui, ui::KioskApp& app, RunQueue& replies) {
  for (int i = 0; i < 3000 && app.ticket().phase == ui::TicketState::Phase::sending; ++i) {
    replies.run_pending();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ui.settle(app);
}

// The demo hall's data (hall.json, its guides) in a folder of its own, with a kiosk device.
struct DemoHubHall {
  test::TempDir dir;
  std::string token_file = dir.file("kiosk.token");
  std::string board;
  DemoHubHall() {
    test::write_file(dir.file("hall.json"), test::read_asset("demo/hall.json"));
    REQUIRE(test::hallctl({"catalogue", "import", std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json", "--data",
                           dir.path()})
                .exit_code == 0);
    const auto k = test::hallctl({"device", "add", "--data", dir.path(), "--id", "K1", "--role", "kiosk"});
    REQUIRE(k.exit_code == 0);
    test::write_file(token_file, k.out);
    board = test::hallctl({"device", "add", "--data", dir.path(), "--id", "B1", "--role", "board"}).out;
    while (!board.empty() && board.back() == '\n') board.pop_back();
    REQUIRE(test::hallctl({"staff", "add", "--data", dir.path(), "--id", "S01", "--name", "王芳", "--role", "clerk",
                           "--pin-stdin"},
                          "2468\n")
                .exit_code == 0);
  }
};

// `hallctl serve` on this folder, on a free port.
struct Serve {
  std::unique_ptr<test::ChildProcess> process;
  std::string url;
  explicit Serve(const DemoHubHall& h) {
    process = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{HALLCTL_PATH, "serve", "--data", h.dir.path(), "--port", "0"}, h.dir.file("serve.err"));
    const std::string line = process->read_line(std::chrono::seconds(30));
    REQUIRE(line.rfind("listening on ", 0) == 0);
    url = line.substr(13);
  }
};

}  // namespace

TEST_CASE("取号 at the kiosk through a real hub shows the hub's number, and none when the hub is gone",
          "[ui][ticket][hub]") {
  DemoHubHall hall;
  Serve hub(hall);
  auto link = kiosk::HubLink::remote(hub.url, hall.token_file);
  REQUIRE(link);
  WorkerPool worker(1);
  RunQueue replies;

  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  app->on_take_number(kiosk::make_take_number(**link, worker, replies));
  app->on_reactivate_number(kiosk::make_reactivate_number(**link, worker, replies));

  REQUIRE(app->open(std::string("guide:") + elder_allowance));
  ui.settle(*app);
  ui.tap(*app, "guide:take_number");
  ui.tap(*app, "priority:none");
  wait_for_answer(ui, *app, replies);
  REQUIRE(app->ticket().phase == ui::TicketState::Phase::issued);
  const std::string number = app->ticket().ticket->number;
  CHECK(number == "A001");
  CHECK(ui.drawn_text(*app).find("A001") != std::string::npos);
  CHECK(app->ticket().ticket->status_url.rfind(hub.url + "/t/", 0) == 0);
  ui.tap(*app, "ticket:done");

  // The hub holds exactly that ticket, waiting.
  const int port = std::stoi(hub.url.substr(hub.url.rfind(':') + 1));
  httplib::Client client("127.0.0.1", port);
  auto q = client.Get("/api/v1/queue", {{"Authorization", "Bearer " + hall.board}});
  REQUIRE(q);
  CHECK(test::Json::parse(q->body)["groups"][0]["waiting"] == 1);

  // The clerk calls A001 and marks it a no-show; the visitor comes back and types it in.
  auto s = client.Post("/api/v1/sessions", R"({"staff_id":"S01","pin":"2468","window":"W1"})", "application/json");
  REQUIRE(s);
  const httplib::Headers clerk{{"Authorization", "Bearer " + test::Json::parse(s->body)["session"].get<std::string>()}};
  auto called = client.Post("/api/v1/windows/W1/call-next", clerk, "", "application/json");
  REQUIRE(called);
  REQUIRE(called->status == 200);
  CHECK(test::Json::parse(called->body)["number"] == number);
  const auto id = std::to_string(test::Json::parse(called->body)["id"].get<long long>());
  REQUIRE(client.Post("/api/v1/tickets/" + id + "/no-show", clerk, "", "application/json")->status == 200);
  ui.tap(*app, "home:reactivate");
  for (const char* key : {"pad:A", "pad:0", "pad:0", "pad:1", "pad:ok"}) ui.tap(*app, key);
  wait_for_answer(ui, *app, replies);
  REQUIRE(app->ticket().phase == ui::TicketState::Phase::issued);
  CHECK(ui.drawn_text(*app).find("已重新排队") != std::string::npos);
  ui.tap(*app, "nav:back");

  // The hub stops: the next 取号 says so plainly and shows no number.
  hub.process->stop();
  REQUIRE(app->open(std::string("guide:") + elder_allowance));
  ui.settle(*app);
  ui.tap(*app, "guide:take_number");
  ui.tap(*app, "priority:none");
  wait_for_answer(ui, *app, replies);
  CHECK(app->ticket().phase == ui::TicketState::Phase::failed);
  CHECK_FALSE(app->ticket().ticket.has_value());
  const std::string shown = ui.drawn_text(*app);
  CHECK(shown.find("连不上") != std::string::npos);
  CHECK(shown.find("A002") == std::string::npos);
}
