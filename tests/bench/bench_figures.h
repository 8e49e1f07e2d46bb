// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the benchmarks report, measured one way: a percentile of a set of times, and what a running
// process costs the machine (CPU time so far, PSS and RSS from /proc).
#include <chrono>
#include <sys/types.h>
#include <vector>

namespace hall::bench {

// The value at rank p (0.5 the median, 0.99 the p99) of `v`, nearest rank; 0 for an empty set.
double percentile(std::vector<double> v, double p);

inline double ms(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct ProcessSample {
  double cpu_s = 0;  // user + system
  long pss_kib = 0;  // shared pages counted by share: what the process really costs the machine
  long rss_kib = 0;
};
ProcessSample sample_process(pid_t pid);

}  // namespace hall::bench
