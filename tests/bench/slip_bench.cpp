// SPDX-License-Identifier: Apache-2.0
// Slip figures: render time warm, and submit→accepted / submit→completed on a virtual printer of a
// private cupsd; through the kiosk's PrintQueue with its default options, enqueue→printed and, for
// a printer disabled while the queue was idle, enqueue→the queue reports it cannot print (what
// turns the ticket screen to "请拍照保存二维码"). Prints median and p99; asserts no times
// (targets: render ≤ 20 ms, submit ≤ 100 ms, a fault on screen within a second).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "print/print_fixture.h"

using namespace hall;
using namespace hall::test;
using Steady = std::chrono::steady_clock;

namespace {

double ms(Steady::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

void report(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]; };
  std::printf("%-34s n=%3zu  median %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what, v.size(), at(0.5), at(0.99),
              v.back());
}

// The print queue's outcomes as they arrive, for the bench thread to wait on.
struct Arrivals {
  std::mutex mutex;
  std::condition_variable changed;
  std::set<std::string> printed, failed;
  slip::OutcomeSink sink() {
    return [this](const slip::PrintOutcome& o) {
      {
        std::lock_guard lock(mutex);
        (o.result == slip::PrintResult::failed ? failed : printed).insert(o.ticket_id);
      }
      changed.notify_all();
    };
  }
  bool wait_printed(const std::string& id, std::chrono::seconds limit) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, limit, [&] { return printed.count(id) == 1; });
  }
  bool has_failed(const std::string& id) {
    std::lock_guard lock(mutex);
    return failed.count(id) == 1;
  }
};

// enqueue → printed through a PrintQueue with the kiosk's options, one slip at a time.
std::vector<double> enqueue_to_printed(PrintFixture& f, const slip::SlipPrintJob& job, int n) {
  auto printer = f.printer();
  Arrivals arrivals;
  slip::PrintQueue queue(printer, arrivals.sink());
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    slip::SlipPrintJob j = job;
    j.ticket_id = "printed-" + std::to_string(i);
    const auto t0 = Steady::now();
    REQUIRE(queue.enqueue(j));
    REQUIRE(arrivals.wait_printed(j.ticket_id, std::chrono::seconds(10)));
    out.push_back(ms(Steady::now() - t0));
  }
  return out;
}

// The printer is disabled while the queue is idle (its last look said "ok"); a slip comes: how long
// until the queue says it cannot print (its printer state, or a failed outcome, whichever is first).
std::vector<double> disabled_to_cannot_print(PrintFixture& f, const slip::SlipPrintJob& job, int n) {
  auto printer = f.printer();
  Arrivals arrivals;
  slip::PrintQueue queue(printer, arrivals.sink());
  REQUIRE(queue.wait_idle(std::chrono::seconds(5)));
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    f.cups.admin({"cupsdisable", f.queue});
    slip::SlipPrintJob j = job;
    j.ticket_id = "fault-" + std::to_string(i);
    const auto t0 = Steady::now();
    REQUIRE(queue.enqueue(j));
    const auto until = t0 + std::chrono::seconds(20);
    while (queue.status().printer.can_print() && !arrivals.has_failed(j.ticket_id) && Steady::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(Steady::now() < until);
    out.push_back(ms(Steady::now() - t0));
    f.cups.admin({"cupsenable", f.queue});
    queue.poke();
    REQUIRE(arrivals.wait_printed(j.ticket_id, std::chrono::seconds(20)));
    REQUIRE(queue.wait_idle(std::chrono::seconds(5)));
  }
  return out;
}

}  // namespace

TEST_CASE("slip bench") {
  PrintFixture f;
  const auto slip80 = f.ticket(80);
  const auto notice = *slip::notice_slip(slip::sample_notice(f.guide, f.hall, Instant{}), f.hall, f.zone);
  const auto first = Steady::now();
  (void)print::render_pdf(slip80);
  std::printf("%-34s %7.2f ms\n", "render 80 mm slip, first (cold)", ms(Steady::now() - first));
  std::vector<double> render, render_notice, accepted, completed;
  for (int i = 0; i < 100; ++i) {
    const auto t0 = Steady::now();
    auto pdf = print::render_pdf(slip80);
    render.push_back(ms(Steady::now() - t0));
    REQUIRE(pdf);
  }
  for (int i = 0; i < 30; ++i) {
    const auto t0 = Steady::now();
    (void)print::render_pdf(notice);
    render_notice.push_back(ms(Steady::now() - t0));
  }
  auto printer = f.printer();
  const auto pdf = *print::render_pdf(slip80);
  for (int i = 0; i < 40; ++i) {
    const auto t0 = Steady::now();
    auto id = printer.submit({"bench", pdf.bytes, pdf.media}, Steady::now() + std::chrono::seconds(2));
    REQUIRE(id);
    accepted.push_back(ms(Steady::now() - t0));
    while (true) {
      auto s = printer.job_state(*id, Steady::now() + std::chrono::seconds(1));
      REQUIRE(s);
      if (*s == slip::JobState::completed) break;
      REQUIRE_FALSE(slip::is_final(*s));
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    completed.push_back(ms(Steady::now() - t0));
  }
  const slip::SlipPrintJob job{"bench", {"bench", pdf.bytes, pdf.media}, {}};
  const auto printed = enqueue_to_printed(f, job, 30);
  const auto cannot = disabled_to_cannot_print(f, job, 10);
  report("render 80 mm slip (warm)", render);
  report("render A4 notice (warm)", render_notice);
  report("submit -> accepted (file queue)", accepted);
  report("submit -> completed (file queue)", completed);
  report("PrintQueue enqueue -> printed", printed);
  report("disabled -> queue cannot print", cannot);
}
