// SPDX-License-Identifier: Apache-2.0
// The clerk's counter against a real `hallctl serve` on 127.0.0.1. First, in this process, the
// counter's real app, desk and event feed (no window): from the F1 key press (call next) to the
// first frame that draws the called number, median and p99 over N calls. Then the real
// hallkiosk --role counter under Xvfb, signed in by typing at it (xdotool) and left idle: its CPU
// and PSS. Prints figures; asserts nothing. Usage: counter_bench [calls] [idle-seconds]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "bench_figures.h"
#include "common/run_queue.h"
#include "counter_app.h"
#include "hallkiosk/counter_desk.h"
#include "hallkiosk/counter_feed.h"
#include "hallkiosk/hub_link.h"
#include "imgui.h"
#include "support/child_process.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"
#include "widgets/text.h"
#include "xvfb_server.h"

namespace {

using namespace hall;
using Steady = std::chrono::steady_clock;
using Json = nlohmann::json;

constexpr int f1 = 290;  // GLFW_KEY_F1, as the host passes it


std::string token_of(const test::ProcessResult& r) {
  std::string t = r.out;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  return t;
}

struct Hall {
  test::TempDir dir;
  std::string kiosk, url;
  int port = 0;
  std::unique_ptr<test::ChildProcess> hub;
  Hall() {
    test::write_file(dir.file("hall.json"), test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json"));
    kiosk = token_of(test::hallctl({"device", "add", "--data", dir.path(), "--id", "K1", "--role", "kiosk"}));
    for (const char* id : {"S01", "S02"}) {
      test::hallctl({"staff", "add", "--data", dir.path(), "--id", id, "--name", "王芳", "--role", "clerk",
                     "--pin-stdin"},
                    "2468\n");
    }
    hub = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{HALLCTL_PATH, "serve", "--data", dir.path(), "--port", "0"}, dir.file("serve.err"));
    const std::string line = hub->read_line(std::chrono::seconds(30));
    url = line.substr(std::string("listening on ").size());
    port = std::stoi(url.substr(url.rfind(':') + 1));
  }
};

// The counter's real pieces in this process, with an ImGui context and no window.
struct Counter {
  ImGuiContext* context = ImGui::CreateContext();
  RunQueue queue;
  SystemClock clock;
  std::unique_ptr<ui::CounterApp> app;
  std::unique_ptr<kiosk::CounterFeed> feed;
  std::unique_ptr<kiosk::CounterDesk> desk;

  explicit Counter(const std::string& url) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_Enter] = 257;  // GLFW_KEY_ENTER, as the host's backend maps it
    ui::CounterSettings s{"W3", "zh-CN", f1};
    app = std::make_unique<ui::CounterApp>(test::read_file(std::string(HALL_SOURCE_ASSETS) + "/i18n/zh-CN.json"),
                                           test::read_file(std::string(HALL_SOURCE_ASSETS) + "/i18n/en.json"), s, clock);
    font();
    feed = std::make_unique<kiosk::CounterFeed>(url, *app, queue);
    auto link = kiosk::HubLink::remote_without_token(url, std::chrono::seconds(5));
    desk = std::make_unique<kiosk::CounterDesk>(std::move(*link), "W3", queue,
                                                [this](const std::string& session) { feed->follow(session); });
    app->set_port(desk.get());
  }
  ~Counter() {
    desk->stop();
    feed->stop();
    app->set_port(nullptr);
    ImGui::DestroyContext(context);
  }
  void font() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    app->build_fonts(*io.Fonts, {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"});
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  // One frame; the text it drew.
  std::string frame() {
    std::vector<std::string> drawn;
    {
      const ui::TextRecorder record(drawn);
      ImGui::NewFrame();
      app->draw(Steady::now());
      ImGui::Render();
    }
    if (app->fonts_dirty()) font();  // between frames, as the host does
    std::string all;
    for (const auto& s : drawn) all += s + "\n";
    return all;
  }
  void key(int index) {
    ImGui::GetIO().KeysDown[index] = true;
    frame();
    ImGui::GetIO().KeysDown[index] = false;
    frame();
  }
  template <typename Done>
  bool pump_until(Done done) {
    const auto end = Steady::now() + std::chrono::seconds(20);
    while (!done() && Steady::now() < end) {
      queue.run_pending();
      frame();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return done();
  }
  const ui::CounterTicket* current() const {
    const auto* s = app->snapshot();
    return s && s->current ? &*s->current : nullptr;
  }
};

void calls(Hall& hall, int n) {
  Counter c(hall.url);
  c.frame();
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("S01");
  c.key(io.KeyMap[ImGuiKey_Enter]);
  io.AddInputCharactersUTF8("2468");
  c.frame();
  c.key(io.KeyMap[ImGuiKey_Enter]);
  if (!c.pump_until([&] {
        return c.app->signed_in() && c.app->link().phase == ui::CounterLink::Phase::connected && !c.app->sending();
      })) {
    std::printf("the counter did not sign in and follow the hub's events\n");
    return;
  }
  httplib::Client http("127.0.0.1", hall.port);
  std::vector<double> shown;
  for (int i = 0; i < n; ++i) {
    auto issued = http.Post("/api/v1/tickets",
                            {{"Idempotency-Key", "c" + std::to_string(i)}, {"Authorization", "Bearer " + hall.kiosk}},
                            R"({"group":"A"})", "application/json");
    if (!issued || issued->status != 201) {
      std::printf("issue: %d\n", issued ? issued->status : 0);
      return;
    }
    const std::string number = Json::parse(issued->body)["number"];
    // The ticket reached the counter's counts by its event; the clerk then presses F1.
    c.pump_until([&] { return c.app->snapshot() && !c.app->snapshot()->groups.empty() &&
                              c.app->snapshot()->groups.front().waiting > 0 && !c.app->sending(); });
    const auto t0 = Steady::now();
    c.key(f1);
    bool drawn = false;
    const auto end = t0 + std::chrono::seconds(20);
    while (!drawn && Steady::now() < end) {
      if (c.queue.run_pending() > 0) drawn = c.frame().find(number) != std::string::npos;
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (!drawn) {
      std::printf("call %d: %s never drawn\n", i, number.c_str());
      return;
    }
    shown.push_back(bench::ms(Steady::now() - t0));
    c.key(f1 + 2);  // start
    c.pump_until([&] { return c.current() && c.current()->state == "serving" && !c.app->sending(); });
    c.key(f1 + 3);  // finish
    c.pump_until([&] { return !c.current() && !c.app->sending(); });
  }
  std::printf("F1 (call next) -> the called number drawn on the counter (in-process app, desk and feed, real hub over "
              "HTTP): median %.2f ms, p99 %.2f ms (%d calls)\n",
              bench::percentile(shown, 0.5), bench::percentile(shown, 0.99), n);
}

bool xdotool(const std::string& display, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/usr/bin/env", "DISPLAY=" + display, "xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_process(argv).exit_code == 0;
}

void idle(Hall& hall, int seconds) {
  test::XvfbServer x(1920, 1080);
  setenv("DISPLAY", x.display().c_str(), 1);
  test::ChildProcess counter({HALLKIOSK_PATH, "--role", "counter", "--window", "W3", "--windowed", "1920x1080",
                              "--data", hall.dir.path(), "--hub", hall.url},
                             hall.dir.file("counter.err"), test::ChildStdout::discard);
  if (!counter.wait_for_stderr("counter at window", std::chrono::seconds(60))) {
    std::printf("the counter did not start:\n%s\n", counter.stderr_text().c_str());
    return;
  }
  // No window manager: the keyboard goes to the window under the pointer, once it is mapped.
  xdotool(x.display(), {"search", "--sync", "--onlyvisible", "--name", "."});
  std::this_thread::sleep_for(std::chrono::seconds(2));
  xdotool(x.display(), {"mousemove", "400", "300"});
  xdotool(x.display(), {"type", "--delay", "50", "S02"});
  xdotool(x.display(), {"key", "Return"});
  xdotool(x.display(), {"type", "--delay", "50", "2468"});
  xdotool(x.display(), {"key", "Return"});
  xdotool(x.display(), {"mousemove", "1919", "1079"});  // away, so nothing stays highlighted
  if (!counter.wait_for_stderr("counter: following the hub's events", std::chrono::seconds(120))) {
    std::printf("the counter did not sign in (is xdotool installed?):\n%s\n", counter.stderr_text().c_str());
    return;
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const bench::ProcessSample before = bench::sample_process(counter.pid());
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  const bench::ProcessSample after = bench::sample_process(counter.pid());
  counter.stop();
  std::printf("idle counter (1920x1080, Xvfb/llvmpipe, demo hall, signed in, following events): %.2f s CPU over %d s "
              "= %.3f%% of one core; PSS %.1f MiB, RSS %.1f MiB\n",
              after.cpu_s - before.cpu_s, seconds, 100.0 * (after.cpu_s - before.cpu_s) / seconds,
              after.pss_kib / 1024.0, after.rss_kib / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 50;
  const int idle_seconds = argc > 2 ? std::atoi(argv[2]) : 20;
  Hall hall;
  calls(hall, n);
  idle(hall, idle_seconds);
  hall.hub->stop();
  return 0;
}
