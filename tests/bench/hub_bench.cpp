// SPDX-License-Identifier: Apache-2.0
// The hall hub over real HTTP (`hallctl serve` started here, on 127.0.0.1): issues per second and
// latency with 50 concurrent kiosk clients, call-next under that load, board propagation (a call
// until 20 SSE clients have its event), and the hub's memory at 10,000 tickets and 50 open streams.
// Prints median and p99; asserts nothing.
//
//   hub_bench [--clients N] [--per-client N]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/child_process.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"

namespace {

using Json = nlohmann::ordered_json;
using Steady = std::chrono::steady_clock;

double ms_between(Steady::time_point a, Steady::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

void report(const char* what, const std::vector<double>& ms) {
  std::printf("%-44s n=%-6zu median %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, ms.size(), percentile(ms, 0.5),
              percentile(ms, 0.99), ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
}

// Pss and Rss of a process in MiB (smaps_rollup).
std::pair<double, double> memory_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  std::string key;
  double pss = 0, rss = 0;
  while (in >> key) {
    long kb = 0;
    if (key == "Rss:") in >> kb, rss = static_cast<double>(kb) / 1024.0;
    if (key == "Pss:") in >> kb, pss = static_cast<double>(kb) / 1024.0;
  }
  return {pss, rss};
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

struct Hall {
  hall::test::TempDir dir;
  std::string kiosk, board;
  std::vector<std::string> clerks;  // S01..S06 at W1..W6 with PIN 2468
};

void prepare(Hall& h) {
  std::ifstream demo(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json");
  Json hall = Json::parse(demo);
  hall.erase("opening_hours");  // always open: the bench runs at any hour
  hall::test::write_file(h.dir.file("hall.json"), hall.dump(2));
  h.kiosk = trimmed(hall::test::hallctl({"device", "add", "--data", h.dir.path(), "--id", "K1", "--role", "kiosk"}).out);
  h.board = trimmed(hall::test::hallctl({"device", "add", "--data", h.dir.path(), "--id", "B1", "--role", "board"}).out);
  for (int i = 1; i <= 6; ++i) {
    hall::test::hallctl({"staff", "add", "--data", h.dir.path(), "--id", "S0" + std::to_string(i), "--name", "职员",
                         "--role", "clerk", "--pin-stdin"},
                        "2468\n");
  }
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// `clients` threads each issue `per_client` tickets over one kept-alive connection; the latencies.
std::vector<double> issue_load(int port, const std::string& kiosk, int clients, int per_client, const std::string& tag,
                               double* seconds) {
  std::vector<std::vector<double>> each(clients);
  std::vector<std::thread> threads;
  const auto start = Steady::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_read_timeout(30, 0);
      const char* groups[] = {"A", "B", "C"};
      for (int i = 0; i < per_client; ++i) {
        auto h = bearer(kiosk);
        h.emplace("Idempotency-Key", tag + "-" + std::to_string(c) + "-" + std::to_string(i));
        const auto t0 = Steady::now();
        auto r = client.Post("/api/v1/tickets", h, std::string("{\"group\":\"") + groups[i % 3] + "\"}",
                             "application/json");
        const auto t1 = Steady::now();
        if (r && r->status == 201) each[c].push_back(ms_between(t0, t1));
      }
    });
  }
  for (auto& t : threads) t.join();
  *seconds = std::chrono::duration<double>(Steady::now() - start).count();
  std::vector<double> all;
  for (auto& v : each) all.insert(all.end(), v.begin(), v.end());
  return all;
}

std::string sign_in(int port, int i) {
  httplib::Client c("127.0.0.1", port);
  auto r = c.Post("/api/v1/sessions",
                  Json{{"staff_id", "S0" + std::to_string(i)}, {"pin", "2468"}, {"window", "W" + std::to_string(i)}}.dump(),
                  "application/json");
  if (!r || r->status != 201) return "";
  return Json::parse(r->body)["session"];
}

}  // namespace

int main(int argc, char** argv) {
  int clients = 50, per_client = 100;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--clients") clients = std::stoi(argv[i + 1]);
    if (std::string(argv[i]) == "--per-client") per_client = std::stoi(argv[i + 1]);
  }
  Hall h;
  prepare(h);
  hall::test::ChildProcess hub({HALLCTL_PATH, "serve", "--data", h.dir.path(), "--port", "0"}, h.dir.file("serve.err"));
  const std::string line = hub.read_line(std::chrono::seconds(30));
  if (line.rfind("listening on ", 0) != 0) {
    std::fprintf(stderr, "hub did not start: %s\n", hub.stderr_text().c_str());
    return 1;
  }
  const int port = std::stoi(line.substr(line.rfind(':') + 1));
  std::printf("hub_bench: hallctl serve on port %d, %u cores, queue.db WAL synchronous=FULL\n", port,
              std::thread::hardware_concurrency());
  for (int i = 1; i <= 6; ++i) h.clerks.push_back(sign_in(port, i));

  // 1. Issuing alone.
  double seconds = 0;
  const auto issued = issue_load(port, h.kiosk, clients, per_client, "warm", &seconds);
  std::printf("issue, %d clients: %zu tickets in %.2f s = %.0f issues/s\n", clients, issued.size(), seconds,
              static_cast<double>(issued.size()) / seconds);
  report("issue over HTTP (50 clients)", issued);

  // 2. Call-next at 6 windows (call, start, finish) while the clients issue again.
  std::atomic<bool> loading{true};
  std::vector<std::vector<double>> call_each(6);
  std::vector<std::thread> windows;
  for (int w = 0; w < 6; ++w) {
    windows.emplace_back([&, w] {
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      const std::string win = "W" + std::to_string(w + 1);
      while (loading) {
        const auto t0 = Steady::now();
        auto r = c.Post("/api/v1/windows/" + win + "/call-next", bearer(h.clerks[w]), "", "application/json");
        const auto t1 = Steady::now();
        if (!r || r->status != 200) continue;
        call_each[w].push_back(ms_between(t0, t1));
        const std::string id = std::to_string(Json::parse(r->body)["id"].get<long long>());
        c.Post("/api/v1/tickets/" + id + "/start", bearer(h.clerks[w]), "", "application/json");
        c.Post("/api/v1/tickets/" + id + "/finish", bearer(h.clerks[w]), "", "application/json");
      }
    });
  }
  const auto under_load = issue_load(port, h.kiosk, clients, per_client, "load", &seconds);
  loading = false;
  for (auto& t : windows) t.join();
  std::vector<double> calls;
  for (auto& v : call_each) calls.insert(calls.end(), v.begin(), v.end());
  std::printf("issue while 6 windows call: %zu tickets in %.2f s = %.0f issues/s\n", under_load.size(), seconds,
              static_cast<double>(under_load.size()) / seconds);
  report("issue over HTTP, windows calling", under_load);
  report("call-next over HTTP, 50 clients issuing", calls);

  // 3. Board propagation: a call until each of 20 SSE clients has its event.
  {
    constexpr int streams = 20, rounds = 100;
    std::mutex mutex;
    std::vector<std::pair<std::string, Steady::time_point>> sent;  // number -> when the call was sent
    std::vector<double> propagation;
    std::atomic<int> ready{0};
    std::atomic<bool> open{true};
    std::vector<std::thread> readers;
    for (int s = 0; s < streams; ++s) {
      readers.emplace_back([&] {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(60, 0);
        std::string buffer;
        ++ready;
        c.Get("/api/v1/events", bearer(h.board), [&](const char* data, std::size_t n) {
          const auto now = Steady::now();
          buffer.append(data, n);
          std::size_t end;
          while ((end = buffer.find("\n\n")) != std::string::npos) {
            const std::string frame = buffer.substr(0, end);
            buffer.erase(0, end + 2);
            if (frame.find("event: called") == std::string::npos) continue;
            const auto at = frame.find("data: ");
            const std::string number = Json::parse(frame.substr(at + 6))["number"];
            std::lock_guard lock(mutex);
            for (const auto& [num, when] : sent) {
              if (num == number) propagation.push_back(ms_between(when, now));
            }
          }
          return open.load();
        });
      });
    }
    while (ready < streams) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every stream is open
    httplib::Client kiosk("127.0.0.1", port), clerk("127.0.0.1", port);
    // Each round: finish what W1 holds, issue one, then time its call.
    for (int i = 0; i < rounds; ++i) {
      auto cur = clerk.Get("/api/v1/sessions/current", bearer(h.clerks[0]));
      if (cur && cur->status == 200) {
        const Json j = Json::parse(cur->body);
        if (!j["current"].is_null()) {
          const std::string id = std::to_string(j["current"]["id"].get<long long>());
          clerk.Post("/api/v1/tickets/" + id + "/start", bearer(h.clerks[0]), "", "application/json");
          clerk.Post("/api/v1/tickets/" + id + "/finish", bearer(h.clerks[0]), "", "application/json");
        }
      }
      auto t = kiosk.Post("/api/v1/tickets", bearer(h.kiosk), "{\"group\":\"A\"}", "application/json");
      (void)t;
      const auto t0 = Steady::now();
      auto r = clerk.Post("/api/v1/windows/W1/call-next", bearer(h.clerks[0]), "", "application/json");
      if (r && r->status == 200) {
        std::lock_guard lock(mutex);
        sent.emplace_back(Json::parse(r->body)["number"].get<std::string>(), t0);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    open = false;
    kiosk.Post("/api/v1/tickets", bearer(h.kiosk), "{\"group\":\"B\"}", "application/json");  // wakes the streams to end
    for (auto& t : readers) t.join();
    std::lock_guard lock(mutex);
    report("call -> event at 20 SSE clients", propagation);
  }

  // 4. Memory at 10,000 tickets in a day, then with 50 open streams.
  {
    double s = 0;
    const int have = 2 * clients * per_client;
    if (have < 10'000) issue_load(port, h.kiosk, clients, (10'000 - have) / clients + 1, "fill", &s);
    const auto [pss, rss] = memory_of(hub.pid());
    std::printf("hub memory at >=10,000 tickets today: Pss %.1f MiB, Rss %.1f MiB\n", pss, rss);
    std::atomic<bool> open{true};
    std::vector<std::thread> readers;
    for (int i = 0; i < 50; ++i) {
      readers.emplace_back([&] {
        httplib::Client r("127.0.0.1", port);
        r.set_read_timeout(60, 0);
        r.Get("/api/v1/events", bearer(h.board), [&](const char*, std::size_t) { return open.load(); });
      });
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto [pss50, rss50] = memory_of(hub.pid());
    std::printf("hub memory with 50 open SSE streams:    Pss %.1f MiB, Rss %.1f MiB\n", pss50, rss50);
    open = false;
    httplib::Client k("127.0.0.1", port);
    k.Post("/api/v1/tickets", bearer(h.kiosk), "{\"group\":\"B\"}", "application/json");
    for (auto& t : readers) t.join();
  }
  hub.stop();
  return 0;
}
