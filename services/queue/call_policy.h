// SPDX-License-Identifier: Apache-2.0
#pragma once
// Who a window calls next, and where a re-activated ticket re-enters: pure functions over the
// waiting line, so every rule is a row of a test table.
#include <cstddef>
#include <optional>
#include <vector>

namespace hall::queue {

struct Candidate {
  bool priority = false;  // any priority class: all classes share one tier, before the normal one
  double place = 0;       // smaller waited longer
};

// The index of the ticket to call: priority first, but after `fairness_after` priority calls in a
// row (`priority_run`) the longest-waiting normal ticket goes next; within a tier, the smallest place.
std::optional<std::size_t> choose_next(const std::vector<Candidate>& waiting, int priority_run, int fairness_after);

// The place that puts a ticket `places_behind` places behind the head of a line whose places are
// `line` (ascending); at the back (`back`) when the line is shorter.
double reentry_place(const std::vector<double>& line, int places_behind, double back);

}  // namespace hall::queue
