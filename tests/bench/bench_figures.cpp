// SPDX-License-Identifier: Apache-2.0
#include "bench_figures.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

namespace hall::bench {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

ProcessSample sample_process(pid_t pid) {
  ProcessSample s;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // After the command's closing parenthesis: utime and stime are the 12th and 13th fields (14, 15 of stat).
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::vector<std::string> f;
  for (std::string w; fields >> w;) f.push_back(w);
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  if (f.size() > 13) s.cpu_s = (std::atof(f[11].c_str()) + std::atof(f[12].c_str())) / tick;
  std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
  for (std::string line; std::getline(rollup, line);) {
    if (line.starts_with("Pss:")) s.pss_kib = std::atol(line.c_str() + 4);
    if (line.starts_with("Rss:")) s.rss_kib = std::atol(line.c_str() + 4);
  }
  return s;
}

}  // namespace hall::bench
