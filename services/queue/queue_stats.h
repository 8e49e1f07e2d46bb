// SPDX-License-Identifier: Apache-2.0
#pragma once
// A day's figures per group and per window, so a hall manager sees cold and hot windows (冷热不均):
// issued, served, no-shows, waits (mean, p90), service time (mean), share of open time busy.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct Figures {
  int issued = 0, served = 0, no_shows = 0, cancelled = 0;
  std::optional<double> wait_mean_s, wait_p90_s;  // issue to first call
  std::optional<double> service_mean_s;           // start to finish
};

struct GroupFigures {
  std::string group;  // where the ticket ended up (a transfer counts it in its new group)
  Figures figures;
};

struct WindowFigures {
  std::string window;  // the window that last held the ticket
  Figures figures;
  long busy_s = 0;
  std::optional<double> busy_share;  // busy_s over the day's open time; none on a closed day
};

struct DayStats {
  std::string date;
  long open_s = 0;
  std::vector<GroupFigures> groups;
  std::vector<WindowFigures> windows;
};

// The nearest-rank percentile (p in 0..100) of `values`; none when empty.
std::optional<double> percentile(std::vector<double> values, double p);

Result<DayStats> day_stats(storage::Database& db, const HallConfig& hall, const TimeZone& zone,
                           const std::string& date);
// {"date", "open_s", "groups": [{"group", "issued", ...}], "windows": [...]}: the hub's /api/v1/stats body.
std::string to_json(const DayStats& stats);

}  // namespace hall::queue
