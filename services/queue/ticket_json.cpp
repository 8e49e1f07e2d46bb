// SPDX-License-Identifier: Apache-2.0
#include "queue/ticket_json.h"

#include <nlohmann/json.hpp>

namespace hall::queue {
namespace {

using Json = nlohmann::ordered_json;

Json time_or_null(const std::optional<Instant>& t, const TimeZone& zone) {
  return t ? Json(zone.format_local(*t)) : Json(nullptr);
}

Json text_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json wait_or_null(const std::optional<int>& s) {
  return s ? Json(*s) : Json(nullptr);
}

bool shows_window(TicketState s) {
  return s == TicketState::called || s == TicketState::serving;
}

}  // namespace

std::string ticket_json(const TicketView& v, const TimeZone& zone) {
  const Ticket& t = v.ticket;
  return Json{{"id", t.id},
              {"number", t.number},
              {"group", t.group},
              {"guide_id", text_or_null(t.guide_id)},
              {"priority", t.priority ? Json(*t.priority) : Json(nullptr)},
              {"state", to_string(t.state)},
              {"issued_at", zone.format_local(t.issued_at)},
              {"called_at", time_or_null(t.called_at, zone)},
              {"window", text_or_null(t.window)},
              {"recalls", t.recalls},
              {"token", t.token},
              {"status_url", v.status_url},
              {"ahead", v.ahead},
              {"estimated_wait_s", wait_or_null(v.estimated_wait_s)}}
      .dump();
}

std::string public_ticket_json(const TicketView& v) {
  const Ticket& t = v.ticket;
  Json j{{"number", t.number},
         {"state", to_string(t.state)},
         {"ahead", v.ahead},
         {"estimated_wait_s", wait_or_null(v.estimated_wait_s)}};
  if (shows_window(t.state)) j["window"] = t.window;
  return j.dump();
}

std::string overview_json(const QueueOverview& o) {
  Json windows = Json::array(), groups = Json::array();
  for (const auto& w : o.windows) {
    Json current = nullptr;
    if (w.current) current = Json{{"number", w.current->number}, {"state", to_string(w.current->state)}};
    windows.push_back(
        {{"id", w.id}, {"state", w.paused ? "paused" : (w.current ? "busy" : "open")}, {"current", current}});
  }
  for (const auto& g : o.groups) {
    groups.push_back({{"id", g.id}, {"waiting", g.waiting}, {"estimated_wait_s", wait_or_null(g.estimated_wait_s)}});
  }
  return Json{{"windows", windows}, {"groups", groups}}.dump();
}

}  // namespace hall::queue
