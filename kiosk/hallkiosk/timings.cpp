// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/timings.h"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace hall::kiosk {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

long proc_kib(const char* file, const char* field) {
  std::ifstream in(file);
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.starts_with(key)) return std::strtol(line.c_str() + key.size(), nullptr, 10);
  }
  return -1;
}

void Timings::print(const std::string& renderer) const {
  std::fprintf(stderr,
               "timing: renderer=%s\n"
               "timing: window_open_ms=%.1f start_to_first_frame_ms=%.1f\n"
               "timing: role_setup_ms=%.1f catalogue_load_ms=%.1f after_first_frame_ms=%.1f\n"
               "timing: font_atlas_ms=%.1f builds=%d texture=%dx%d texture_mib=%.1f\n"
               "timing: frames=%zu build_cpu_ms_median=%.3f build_cpu_ms_p99=%.3f frame_ms_median=%.1f\n"
               "timing: rss_kib=%ld peak_rss_kib=%ld pss_kib=%ld\n",
               renderer.c_str(), window_ms, first_frame_ms, role_ms, catalogue_ms, index_ms, font_ms, font_builds,
               texture_width, texture_height,
               static_cast<double>(texture_width) * texture_height / (1024.0 * 1024.0),  // one byte a texel
               build_cpu_ms.size(), percentile(build_cpu_ms, 0.5), percentile(build_cpu_ms, 0.99),
               percentile(frame_ms, 0.5), proc_kib("/proc/self/status", "VmRSS"),
               proc_kib("/proc/self/status", "VmHWM"), proc_kib("/proc/self/smaps_rollup", "Pss"));
}

}  // namespace hall::kiosk
