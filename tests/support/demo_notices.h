// SPDX-License-Identifier: Apache-2.0
#pragma once
// The demo hall's notices (assets/demo/notices.json), and its lift-subsidy draft moved to a
// comment period around the day a test runs, for the tests that run against a real clock (a
// server, a hub) where the demo's fixed dates would close the draft one day.
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/rfc3339.h"
#include "support/demo_hall.h"

namespace hall::test {

// Today plus `days` in the hall (+08:00), as YYYY-MM-DD.
inline std::string hall_date(int days) {
  return format_rfc3339(SystemClock().now() + std::chrono::days(days), 8 * 3600).substr(0, 10);
}

inline nlohmann::ordered_json demo_notice(const std::string& id) {
  std::ifstream in(demo + "/notices.json", std::ios::binary);
  const auto all = nlohmann::ordered_json::parse(in);
  for (const auto& n : all["notices"]) {
    if (n["id"] == id) return n;
  }
  return nullptr;
}

// N-2026-D07 as `id`, dated and open from `from` days to `to` days from today (the period must
// be 30 days at least, as the 重大行政决策程序暂行条例 asks).
inline nlohmann::ordered_json draft_around_today(const std::string& id, int from, int to) {
  auto d = demo_notice("N-2026-D07");
  d["id"] = id;
  d["date"] = hall_date(from);
  d["draft"]["comment_from"] = hall_date(from);
  d["draft"]["comment_to"] = hall_date(to);
  return d;
}

}  // namespace hall::test
