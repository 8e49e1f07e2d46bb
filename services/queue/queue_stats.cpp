// SPDX-License-Identifier: Apache-2.0
#include "queue/queue_stats.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "queue/hall_calendar.h"
#include "queue/ticket_store.h"

namespace hall::queue {
namespace {

using Json = nlohmann::ordered_json;

struct Tally {
  Figures figures;
  std::vector<double> waits, services;
  long busy_s = 0;

  void add(const Ticket& t) {
    ++figures.issued;
    if (t.state == TicketState::done) ++figures.served;
    if (t.state == TicketState::no_show) ++figures.no_shows;
    if (t.state == TicketState::cancelled) ++figures.cancelled;
    if (t.first_called_at) waits.push_back(static_cast<double>((*t.first_called_at - t.issued_at).count()));
    if (t.state == TicketState::done && t.started_at && t.finished_at) {
      const auto s = (*t.finished_at - *t.started_at).count();
      services.push_back(static_cast<double>(s));
      busy_s += static_cast<long>(s);
    }
  }

  Figures done() {
    Figures f = figures;
    if (!waits.empty()) {
      double sum = 0;
      for (double w : waits) sum += w;
      f.wait_mean_s = sum / static_cast<double>(waits.size());
    }
    f.wait_p90_s = percentile(waits, 90);
    if (!services.empty()) {
      double sum = 0;
      for (double s : services) sum += s;
      f.service_mean_s = sum / static_cast<double>(services.size());
    }
    return f;
  }
};

Json optional_number(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 10.0) / 10.0;
}

Json figures_json(const Figures& f) {
  return Json{{"issued", f.issued},
              {"served", f.served},
              {"no_shows", f.no_shows},
              {"cancelled", f.cancelled},
              {"wait_mean_s", optional_number(f.wait_mean_s)},
              {"wait_p90_s", optional_number(f.wait_p90_s)},
              {"service_mean_s", optional_number(f.service_mean_s)}};
}

}  // namespace

std::optional<double> percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

Result<DayStats> day_stats(storage::Database& db, const HallConfig& hall, const TimeZone& zone,
                           const std::string& date) {
  auto tickets = tickets_of_day(db, date);
  if (!tickets) return std::unexpected(tickets.error());
  std::map<std::string, Tally> groups, windows;
  for (const auto& g : hall.queue_groups) groups[g.id];
  for (const auto& w : hall.windows) windows[w.id];
  for (const auto& t : *tickets) {
    groups[t.group].add(t);
    if (!t.window.empty()) windows[t.window].add(t);
  }
  DayStats out{date, open_seconds_on(hall.opening_hours, zone, date), {}, {}};
  for (auto& [id, tally] : groups) out.groups.push_back({id, tally.done()});
  for (auto& [id, tally] : windows) {
    WindowFigures w{id, tally.done(), tally.busy_s, std::nullopt};
    w.figures.issued = 0;  // a window issues nothing; it is called to
    if (out.open_s > 0) w.busy_share = static_cast<double>(tally.busy_s) / static_cast<double>(out.open_s);
    out.windows.push_back(std::move(w));
  }
  return out;
}

std::string to_json(const DayStats& s) {
  Json groups = Json::array(), windows = Json::array();
  for (const auto& g : s.groups) {
    Json j{{"group", g.group}};
    j.update(figures_json(g.figures));
    groups.push_back(std::move(j));
  }
  for (const auto& w : s.windows) {
    Json j{{"window", w.window}};
    j.update(figures_json(w.figures));
    j.erase("issued");
    j["busy_s"] = w.busy_s;
    j["busy_share"] = w.busy_share ? Json(std::round(*w.busy_share * 1000.0) / 1000.0) : Json(nullptr);
    windows.push_back(std::move(j));
  }
  return Json{{"date", s.date}, {"open_s", s.open_s}, {"groups", groups}, {"windows", windows}}.dump(2);
}

}  // namespace hall::queue
