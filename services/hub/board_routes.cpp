// SPDX-License-Identifier: Apache-2.0
// What boards, counters and managers read: the hall, the queue, its events as a stream, the day's
// figures, and the hub's health.
#include <charconv>
#include <chrono>

#include <nlohmann/json.hpp>

#include "common/sse.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"
#include "queue/queue_stats.h"
#include "queue/ticket_json.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;
using Json = nlohmann::ordered_json;

// A stream looks at queue.db by itself this often, for events another process wrote; events the
// hub commits itself ring the bell and go out at once.
constexpr std::chrono::milliseconds look_again{2'000};
// A comment line this often keeps a quiet stream alive through proxies and tells the client so.
constexpr std::chrono::seconds keep_alive{15};
constexpr int batch = 200;

Response hall_info(Hub& hub, const Request& r) {
  {
    auto lane = hub.lane();
    if (auto c = authenticate(*lane, r); !c) return refusal_response(c.error());
  }
  const HallConfig& h = hub.hall();
  Json groups = Json::array(), windows = Json::array(), classes = Json::array();
  for (const auto& g : h.queue_groups) {
    groups.push_back({{"id", g.id}, {"letter", g.letter}, {"name", g.name}, {"name_en", g.name_en}});
  }
  for (const auto& w : h.windows) {
    Json serves = w.queue_groups;
    windows.push_back({{"id", w.id},
                       {"number", w.number},
                       {"name", w.name},
                       {"name_en", w.name_en},
                       {"comprehensive", w.comprehensive},
                       {"groups", serves}});
  }
  for (const auto& p : h.priority_classes) classes.push_back({{"id", p.id}, {"name", p.name}, {"name_en", p.name_en}});
  return json_ok(200, Json{{"name", h.name},
                           {"name_en", h.name_en},
                           {"time_zone", h.time_zone},
                           {"default_group", h.default_queue_group},
                           {"groups", groups},
                           {"windows", windows},
                           {"priority_classes", classes}}
                          .dump());
}

Response overview(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  if (auto c = require_reader(*lane, r); !c) return c.error();
  auto o = lane->queue.overview();
  if (!o) return refused(hub, *lane, o.error());
  return json_ok(200, queue::overview_json(*o));
}

std::optional<std::int64_t> event_id_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 0) return std::nullopt;
  return id;
}

// The id of the newest event: a stream opened without Last-Event-ID starts after it (its client
// reads the queue's state from /api/v1/queue, and would not want the day replayed).
queue::QueueResult<std::int64_t> newest_event(Lane& lane) {
  auto st = lane.queue.database().prepare("SELECT COALESCE(MAX(id), 0) FROM events");
  if (!st) return queue::refuse(st.error());
  auto row = st->step();
  if (!row) return queue::refuse(row.error());
  return st->integer(0);
}

Response events(Hub& hub, const Request& r) {
  std::int64_t after = 0;
  {
    auto lane = hub.lane();
    if (auto c = require_reader(*lane, r); !c) return c.error();
    const std::string given = !r.header("Last-Event-ID").empty() ? r.header("Last-Event-ID") : r.query_param("after");
    if (!given.empty()) {
      const auto id = event_id_of(given);
      if (!id) return error_response(400, "bad_request", "Last-Event-ID 应为事件编号。", "Last-Event-ID: an event id");
      after = *id;
    } else {
      auto newest = newest_event(*lane);
      if (!newest) return refused(hub, *lane, newest.error());
      after = *newest;
    }
  }
  return http::sse_response([&hub, after](http::StreamSink& sink, std::stop_token stop) mutable {
    if (!sink.write("retry: 2000\n" + http::sse_comment("hallkiosk hub events"))) return;
    auto quiet_since = std::chrono::steady_clock::now();
    while (!stop.stop_requested()) {
      const std::uint64_t seen = hub.bell().rings();
      std::vector<queue::QueueEvent> news;
      {
        auto lane = hub.lane();
        auto got = lane->queue.events_after(after, batch);
        if (!got) return;  // the client reconnects with its Last-Event-ID and misses nothing
        news = std::move(*got);
      }
      for (const auto& e : news) {
        if (!sink.write(http::sse_frame({std::to_string(e.id), e.kind, e.payload}))) return;
        after = e.id;
      }
      if (!news.empty()) quiet_since = std::chrono::steady_clock::now();
      if (news.size() == static_cast<std::size_t>(batch)) continue;
      if (std::chrono::steady_clock::now() - quiet_since >= keep_alive) {
        if (!sink.write(http::sse_comment("keep-alive"))) return;
        quiet_since = std::chrono::steady_clock::now();
      }
      hub.bell().wait(seen, look_again, stop);
    }
  });
}

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

Response stats(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  if (auto s = require_staff(*lane, r, true); !s) return s.error();
  std::string date = r.query_param("date");
  if (date.empty()) {
    auto today = lane->queue.today();
    if (!today) return refused(hub, *lane, today.error());
    date = *today;
  }
  if (!valid_date(date)) return error_response(400, "bad_request", "date 应为 YYYY-MM-DD。", "date: YYYY-MM-DD");
  auto s = queue::day_stats(lane->queue.database(), hub.hall(), hub.zone(), date);
  if (!s) return refused(hub, *lane, queue::QueueError{queue::Refusal::storage, s.error()});
  return json_ok(200, queue::to_json(*s));
}

Response health(Hub& hub) {
  std::string database = "ok";
  {
    auto lane = hub.lane();
    if (auto t = lane->queue.today(); !t) database = t.error().error.message;
  }
  const std::string printer = hub.printer_state();
  // A printer fault leaves the queue working (the kiosk shows the QR code instead): degraded, 200.
  // A database that cannot be read stops the hub: 503, so a monitor sees it.
  const bool ok = database == "ok" && (printer == "ok" || printer == "none");
  return json_ok(database == "ok" ? 200 : 503,
                 Json{{"status", ok ? "ok" : "degraded"}, {"database", database}, {"printer", printer}}.dump());
}

}  // namespace

void add_board_routes(http::Router& router, Hub& hub) {
  router.get("/api/v1/hall", [&hub](const Request& r) { return hall_info(hub, r); });
  router.get("/api/v1/queue", [&hub](const Request& r) { return overview(hub, r); });
  router.get("/api/v1/events", [&hub](const Request& r) { return events(hub, r); });
  router.get("/api/v1/stats", [&hub](const Request& r) { return stats(hub, r); });
  router.get("/healthz", [&hub](const Request&) { return health(hub); });
}

}  // namespace hall::hub
