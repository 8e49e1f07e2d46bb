// SPDX-License-Identifier: Apache-2.0
#pragma once
// What --timings prints: start-up, the font atlas, frame costs and memory (RSS and PSS).
#include <chrono>
#include <string>
#include <vector>

namespace hall::kiosk {

struct Timings {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double first_frame_ms = -1;
  double window_ms = 0;     // the window and its GL context, before the host starts
  double role_ms = 0;       // setting the role up (its hub, desks and data) before the loop starts
  double catalogue_ms = 0;  // the role's data as far as the first frame needs it
  double index_ms = -1;     // body characters and the search index, read after the first frame
  double font_ms = 0;
  int font_builds = 0;
  int texture_width = 0, texture_height = 0;
  std::vector<double> build_cpu_ms;  // ImGui::NewFrame .. ImGui::Render, thread CPU time
  std::vector<double> frame_ms;      // the whole frame, GL and swap included, wall time

  void print(const std::string& renderer) const;
};

double thread_cpu_ms();
double percentile(std::vector<double> v, double p);
// A field of /proc/self/status (VmRSS, VmHWM) or /proc/self/smaps_rollup (Pss), in KiB; -1 if absent.
long proc_kib(const char* file, const char* field);

}  // namespace hall::kiosk
