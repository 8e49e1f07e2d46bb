// SPDX-License-Identifier: Apache-2.0
// Slip figures: render time warm, and submit→accepted / submit→completed on a virtual printer of a
// private cupsd. Prints median and p99; asserts no times (targets: render ≤ 20 ms, submit ≤ 100 ms).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
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
  report("render 80 mm slip (warm)", render);
  report("render A4 notice (warm)", render_notice);
  report("submit -> accepted (file queue)", accepted);
  report("submit -> completed (file queue)", completed);
}
