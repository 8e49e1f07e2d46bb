// SPDX-License-Identifier: Apache-2.0
#include "queue/wait_estimate.h"

#include <cmath>

namespace hall::queue {

std::optional<int> estimate_wait_s(int ahead, int open_windows, std::optional<double> mean_service_s) {
  if (open_windows <= 0) return std::nullopt;
  const double mean = mean_service_s.value_or(default_service_s);
  return static_cast<int>(std::lround(mean * ahead / open_windows));
}

}  // namespace hall::queue
