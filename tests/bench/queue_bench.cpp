// SPDX-License-Identifier: Apache-2.0
// The queue in-process: issuing a ticket (durable: committed with synchronous=FULL in WAL, with its
// 128-bit token) and calling the next one, N times each on the demo hall's queue groups, in a
// fresh queue.db under $TMPDIR (or the folder given). Prints median and p99; asserts nothing.
//   queue_bench [N] [DIR]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "hall/hall_config.h"
#include "queue/queue_service.h"
#include "slip/qr_block.h"

namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

void report(const char* what, const std::vector<double>& ms) {
  std::printf("%-34s n=%zu  median %.3f ms  p99 %.3f ms  max %.3f ms\n", what, ms.size(), percentile(ms, 0.5),
              percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end()));
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  const fs::path dir =
      argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / ("queue_bench." + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path db = dir / "queue.db";
  fs::remove(db);
  auto hall = hall::load_hall_config(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json");
  if (!hall) {
    std::fprintf(stderr, "%s\n", hall.error().message.c_str());
    return 1;
  }
  hall->opening_hours.clear();  // issue at any hour the bench runs
  hall::SystemClock clock;
  hall::queue::SodiumRandom random;
  auto queue = hall::queue::QueueService::open(db.string(), *hall, hall::TimeZone::fixed("Asia/Shanghai", 8 * 3600),
                                               clock, random);
  if (!queue) {
    std::fprintf(stderr, "%s\n", queue.error().error.message.c_str());
    return 1;
  }
  std::printf("queue_bench: %d tickets, %s (WAL, synchronous=FULL)\n", n, db.c_str());
  std::vector<double> issue_ms, call_ms, finish_ms;
  const char* groups[] = {"A", "B", "C"};
  for (int i = 0; i < n; ++i) {
    hall::queue::IssueRequest r{"K1", "key-" + std::to_string(i), groups[i % 3], "", std::nullopt};
    if (i % 10 == 0) r.priority = "elderly";
    const auto start = Steady::now();
    auto issued = queue->issue(r);
    // The QR code the kiosk draws and the slip prints: encoded from the status URL at once.
    const auto qr = issued ? hall::slip::make_qr_block(issued->view.status_url, 30.0) : hall::Result<hall::slip::QrBlock>{};
    issue_ms.push_back(ms_since(start));
    if (!issued || !qr) {
      std::fprintf(stderr, "issue %d: %s\n", i, issued ? qr.error().message.c_str() : issued.error().error.message.c_str());
      return 1;
    }
  }
  report("issue (durable + token + QR)", issue_ms);
  for (int i = 0; i < n; ++i) {
    const hall::queue::Actor actor{"S01", "W7"};  // the comprehensive window serves every group
    const auto start = Steady::now();
    auto called = queue->call_next(actor);
    call_ms.push_back(ms_since(start));
    if (!called || !*called) {
      std::fprintf(stderr, "call %d: %s\n", i, called ? "nobody waits" : called.error().error.message.c_str());
      return 1;
    }
    const auto id = (**called).ticket.id;
    const auto finish_start = Steady::now();
    if (!queue->start(actor, id) || !queue->finish(actor, id)) return 1;
    finish_ms.push_back(ms_since(finish_start) / 2);
  }
  report("call-next (with N waiting → 0)", call_ms);
  report("start / finish (each)", finish_ms);
  std::printf("queue.db: %.1f KiB\n", static_cast<double>(fs::file_size(db)) / 1024.0);
  if (argc <= 2) fs::remove_all(dir);
  return 0;
}
