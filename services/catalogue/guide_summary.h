// SPDX-License-Identifier: Apache-2.0
#pragma once
// A guide as list screens see it: enough to show and sort a row without reading its body.
#include <optional>
#include <string>
#include <vector>

#include "catalogue/guide.h"
#include "common/clock.h"

namespace hall::catalogue {

// One row of a list screen: enough to show and sort without reading the guide body.
struct GuideSummary {
  std::string id;
  int version = 1;
  std::string name, name_en;
  GuideStatus status = GuideStatus::active;
  std::string suspended_until;  // "YYYY-MM-DD" of a suspended guide's suspension; empty: not given
  int onsite_visits = 0;
  CaseType case_type = CaseType::promised;
  TimeLimit promised_limit;
  std::string window;
  std::string queue_group;
  std::vector<std::string> topics;
  std::optional<Instant> effective_from;
  std::string change_since;  // "YYYY-MM-DD" of the guide's change note; empty: none
  bool is_one_visit() const { return onsite_visits <= 1; }
};

}  // namespace hall::catalogue
