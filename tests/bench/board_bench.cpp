// SPDX-License-Identifier: Apache-2.0
// The hall board against a real `hallctl serve` on 127.0.0.1: from a clerk's call-next over HTTP
// to the board's model changed and its frame drawn (the repaint), and to the first audio sample
// handed to the speaker (the real espeak-ng program, a speaker that notes when play() is entered);
// median and p99 over N calls. Then the real hallkiosk --role board under X, idle: its CPU and
// PSS. Prints figures; asserts nothing. Usage: board_bench [calls] [idle-seconds]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "audio/espeak_program.h"
#include "bench_figures.h"
#include "board_app.h"
#include "common/run_queue.h"
#include "hallkiosk/board_feed.h"
#include "imgui.h"
#include "support/child_process.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"
#include "xvfb_server.h"

namespace {

using namespace hall;
using Steady = std::chrono::steady_clock;
using Json = nlohmann::json;


// Notes when each sound is handed over, and returns at once (the device's time is not the board's).
class FirstSample final : public speech::Speaker {
 public:
  Result<void> play(const speech::Pcm&, std::stop_token) override {
    std::lock_guard lock(mutex_);
    at_.push_back(Steady::now());
    changed_.notify_all();
    return {};
  }
  bool wait_for(std::size_t n, std::chrono::seconds bound) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, bound, [&] { return at_.size() >= n; });
  }
  Steady::time_point at(std::size_t i) {
    std::lock_guard lock(mutex_);
    return at_[i];
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Steady::time_point> at_;
};

std::string token_of(const test::ProcessResult& r) {
  std::string t = r.out;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  return t;
}

struct Hall {
  test::TempDir dir;
  std::string board, kiosk, url;
  int port = 0;
  std::unique_ptr<test::ChildProcess> hub;
  Hall() {
    test::write_file(dir.file("hall.json"), test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json"));
    board = token_of(test::hallctl({"device", "add", "--data", dir.path(), "--id", "B1", "--role", "board"}));
    kiosk = token_of(test::hallctl({"device", "add", "--data", dir.path(), "--id", "K1", "--role", "kiosk"}));
    test::hallctl({"staff", "add", "--data", dir.path(), "--id", "S01", "--name", "王芳", "--role", "clerk",
                   "--pin-stdin"},
                  "2468\n");
    hub = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{HALLCTL_PATH, "serve", "--data", dir.path(), "--port", "0"}, dir.file("serve.err"));
    const std::string line = hub->read_line(std::chrono::seconds(30));
    url = line.substr(std::string("listening on ").size());
    port = std::stoi(url.substr(url.rfind(':') + 1));
  }
};

httplib::Headers bearer(const std::string& t) {
  return {{"Authorization", "Bearer " + t}};
}

void calls(Hall& hall, int n) {
  httplib::Client c("127.0.0.1", hall.port);
  auto signed_in = c.Post("/api/v1/sessions", R"({"staff_id":"S01","pin":"2468","window":"W1"})", "application/json");
  const std::string session = Json::parse(signed_in->body)["session"];

  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60.0f;
  SystemClock clock;
  ui::BoardApp app(test::read_file(std::string(HALL_SOURCE_ASSETS) + "/i18n/zh-CN.json"),
                   test::read_file(std::string(HALL_SOURCE_ASSETS) + "/i18n/en.json"), "zh-CN", clock,
                   TimeZone::fixed("Asia/Shanghai", 8 * 3600));
  app.build_fonts(*io.Fonts, {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"});
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  app.open("board");
  auto voice = audio::EspeakProgram::open();
  if (!voice) {
    std::printf("no voice: %s\n", voice.error().message.c_str());
    return;
  }
  FirstSample speaker;
  speech::Announcer announcer(**voice, speaker);
  RunQueue queue;
  kiosk::BoardFeed feed({hall.url, hall.board, {}}, app, queue, &announcer);
  feed.start();
  const auto frame = [&] {
    ImGui::NewFrame();
    app.draw(Steady::now());
    ImGui::Render();
  };
  const auto pump_until = [&](auto done) {
    const auto end = Steady::now() + std::chrono::seconds(20);
    while (!done() && Steady::now() < end) {
      if (queue.run_pending() > 0) frame();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return done();
  };
  if (!pump_until([&] { return app.model().link.connected && app.model().have_hall; })) {
    std::printf("the board did not connect\n");
    return;
  }
  std::vector<double> repaint, first_audio;
  for (int i = 0; i < n; ++i) {
    c.Post("/api/v1/tickets", {{"Idempotency-Key", "b" + std::to_string(i)}, {"Authorization", "Bearer " + hall.kiosk}},
           R"({"group":"A"})", "application/json");
    const auto applied_before = feed.events_applied();
    pump_until([&] { return feed.events_applied() > applied_before; });  // the issued event
    const auto t0 = Steady::now();
    auto called = c.Post("/api/v1/windows/W1/call-next", bearer(session), "", "application/json");
    if (!called || called->status != 200) {
      std::printf("call-next: %d\n", called ? called->status : 0);
      return;
    }
    const std::string number = Json::parse(called->body)["number"];
    const std::uint64_t frames_before = app.frames_drawn();
    pump_until([&] { return app.model().window("W1") && app.model().window("W1")->ticket == number; });
    if (app.frames_drawn() == frames_before) frame();
    repaint.push_back(bench::ms(Steady::now() - t0));
    speaker.wait_for(static_cast<std::size_t>(i) + 1, std::chrono::seconds(20));
    first_audio.push_back(bench::ms(speaker.at(static_cast<std::size_t>(i)) - t0));
    const auto id = std::to_string(Json::parse(called->body)["id"].get<long long>());
    c.Post("/api/v1/tickets/" + id + "/start", bearer(session), "", "application/json");
    c.Post("/api/v1/tickets/" + id + "/finish", bearer(session), "", "application/json");
    pump_until([&] { return app.model().window("W1")->ticket.empty(); });
  }
  feed.stop();
  std::printf("call-next over HTTP -> board model changed and frame drawn: median %.2f ms, p99 %.2f ms (%d calls)\n",
              bench::percentile(repaint, 0.5), bench::percentile(repaint, 0.99), n);
  std::printf("call-next over HTTP -> first audio sample to the speaker (espeak-ng program): median %.1f ms, p99 %.1f "
              "ms\n",
              bench::percentile(first_audio, 0.5), bench::percentile(first_audio, 0.99));
  ImGui::DestroyContext(context);
}

void idle(Hall& hall, int seconds) {
  test::XvfbServer x(1920, 1080);
  const std::string token_file = hall.dir.file("board.token");
  test::write_file(token_file, hall.board + "\n");
  setenv("DISPLAY", x.display().c_str(), 1);
  test::ChildProcess board({HALLKIOSK_PATH, "--role", "board", "--windowed", "1920x1080", "--data", hall.dir.path(),
                            "--hub", hall.url, "--device-token-file", token_file, "--mute"},
                           hall.dir.file("board.err"), test::ChildStdout::discard);
  if (!board.wait_for_stderr("following the hub's events", std::chrono::seconds(60))) {
    std::printf("the board did not start:\n%s\n", board.stderr_text().c_str());
    return;
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const bench::ProcessSample before = bench::sample_process(board.pid());
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  const bench::ProcessSample after = bench::sample_process(board.pid());
  board.stop();
  std::printf("idle board (1920x1080, Xvfb/llvmpipe, demo hall, connected): %.2f s CPU over %d s = %.3f%% of one "
              "core; PSS %.1f MiB, RSS %.1f MiB\n",
              after.cpu_s - before.cpu_s, seconds, 100.0 * (after.cpu_s - before.cpu_s) / seconds,
              after.pss_kib / 1024.0, after.rss_kib / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 50;
  const int idle_seconds = argc > 2 ? std::atoi(argv[2]) : 30;
  Hall hall;
  calls(hall, n);
  idle(hall, idle_seconds);
  hall.hub->stop();
  return 0;
}
