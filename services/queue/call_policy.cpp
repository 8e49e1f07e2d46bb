// SPDX-License-Identifier: Apache-2.0
#include "queue/call_policy.h"

namespace hall::queue {
namespace {

std::optional<std::size_t> longest_waiting(const std::vector<Candidate>& waiting, bool priority) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < waiting.size(); ++i) {
    if (waiting[i].priority != priority) continue;
    if (!best || waiting[i].place < waiting[*best].place) best = i;
  }
  return best;
}

}  // namespace

std::optional<std::size_t> choose_next(const std::vector<Candidate>& waiting, int priority_run, int fairness_after) {
  const auto priority = longest_waiting(waiting, true);
  const auto normal = longest_waiting(waiting, false);
  if (priority && (priority_run < fairness_after || !normal)) return priority;
  return normal ? normal : priority;
}

double reentry_place(const std::vector<double>& line, int places_behind, double back) {
  if (places_behind <= 0) return line.empty() ? back : line.front() - 1.0;
  const auto k = static_cast<std::size_t>(places_behind);
  if (line.size() <= k) return line.empty() || back > line.back() ? back : line.back() + 1e-3;
  // Between the k-th and the (k+1)-th: a fraction, so nobody else moves.
  return (line[k - 1] + line[k]) / 2.0;
}

}  // namespace hall::queue
