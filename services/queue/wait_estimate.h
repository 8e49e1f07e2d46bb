// SPDX-License-Identifier: Apache-2.0
#pragma once
// The estimated wait: the people ahead shared among the windows open for the group, each taking
// the group's rolling mean service time.
#include <optional>

namespace hall::queue {

// When a group has served nobody yet today, its mean is taken as this.
inline constexpr double default_service_s = 300.0;
// The rolling mean covers this many of the group's latest finished tickets.
inline constexpr int service_mean_window = 20;

// nullopt when no window is open for the group (the wait cannot be told).
std::optional<int> estimate_wait_s(int ahead, int open_windows, std::optional<double> mean_service_s);

}  // namespace hall::queue
