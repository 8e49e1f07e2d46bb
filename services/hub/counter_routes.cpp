// SPDX-License-Identifier: Apache-2.0
// The clerk's side: sign in at a window, call, serve, transfer, pause. Every action is bound to the
// window of the session; another window's ticket or path is 403.
#include <chrono>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "hub/hub_body.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"
#include "queue/queue_stats.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;
using Json = nlohmann::ordered_json;

Json session_json(const Hub& hub, const queue::Session& s, Lane& lane) {
  Json j{{"staff_id", s.staff_id},
         {"role", queue::to_string(s.role)},
         {"window", s.window},
         {"expires_at", hub.zone().format_local(s.expires_at)}};
  if (auto all = lane.staff.list()) {
    for (const auto& m : *all) {
      if (m.id == s.staff_id) j["name"] = m.name;
    }
  }
  return j;
}

Response sign_in(Hub& hub, const Request& r) {
  auto body = read_body(r, {"staff_id", "pin", "window"});
  if (!body) return body.error();
  auto id = string_field(*body, "staff_id");
  if (!id) return id.error();
  auto pin = string_field(*body, "pin");
  if (!pin) return pin.error();
  auto window = string_field(*body, "window");
  if (!window) return window.error();
  if (!*id || (*id)->empty()) return bad_field("staff_id", "不能为空。", "required");
  if (!*pin || (*pin)->empty()) return bad_field("pin", "不能为空。", "required");
  if (!*window || (*window)->empty()) return bad_field("window", "不能为空。", "required");
  if ((*pin)->size() > 64 || (*id)->size() > 64) return bad_field("pin", "太长。", "too long");
  if (!hub.hall().window(**window)) {
    return error_response(404, "not_found", "本厅没有这个窗口：" + **window, "no window " + **window + " in this hall");
  }
  auto lane = hub.lane();  // no write lock: the PIN check (argon2id) takes a while
  auto s = lane->staff.sign_in(**id, **pin, **window);
  if (!s) {
    auto answer = refused(hub, *lane, s.error());
    if (s.error().reason == queue::Refusal::locked) {
      if (auto until = lane->staff.locked_until(**id); until && *until) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(**until - hub.clock().now()).count();
        answer.headers.emplace_back("Retry-After", std::to_string(std::max<long long>(1, left)));
      }
    }
    return answer;
  }
  Json j = session_json(hub, *s, *lane);
  j["session"] = s->token;
  return json_ok(201, j.dump());
}

// The session and the ticket its window holds now: a counter that restarts (or lost an answer)
// learns here what it is serving instead of calling again.
Response who_am_i(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto s = require_staff(*lane, r);
  if (!s) return s.error();
  Json j = session_json(hub, *s, *lane);
  j["current"] = nullptr;
  j["paused"] = false;
  auto o = lane->queue.overview();
  if (!o) return refused(hub, *lane, o.error());
  for (const auto& w : o->windows) {
    if (w.id != s->window) continue;
    j["paused"] = w.paused;
    if (!w.current) break;
    auto v = lane->queue.ticket(w.current->id);
    if (!v) return refused(hub, *lane, v.error());
    j["current"] = Json::parse(ticket_body(hub, *v));
  }
  return json_ok(200, j.dump());
}

Response sign_out(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto s = require_staff(*lane, r);
  if (!s) return s.error();
  if (auto out = lane->staff.sign_out(bearer_token(r)); !out) return refused(hub, *lane, out.error());
  Response done;
  done.status = 204;
  return done;
}

// The session, when it is signed in to the window the path names.
std::expected<queue::Session, Response> at_window(Lane& lane, const Request& r) {
  auto s = require_staff(lane, r);
  if (!s) return s;
  if (r.path_param("window") != s->window) {
    return std::unexpected(error_response(403, "forbidden", "只能操作本人登录的窗口（" + s->window + "）。",
                                          "this session is signed in to window " + s->window));
  }
  return s;
}

Response call_next(Hub& hub, const Request& r) {
  auto body = read_body(r, {}, true);
  if (!body) return body.error();
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto s = at_window(*lane, r);
  if (!s) return s.error();
  auto v = lane->queue.call_next({s->staff_id, s->window});
  if (!v) return refused(hub, *lane, v.error());
  if (!*v) {
    Response none;
    none.status = 204;
    return none;
  }
  hub.bell().ring();
  return json_ok(200, ticket_body(hub, **v));
}

using Transition = queue::QueueResult<queue::TicketView> (queue::QueueService::*)(const queue::Actor&, std::int64_t);

Response transition(Hub& hub, const Request& r, Transition step) {
  auto body = read_body(r, {}, true);
  if (!body) return body.error();
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto s = require_staff(*lane, r);
  if (!s) return s.error();
  const auto id = ticket_id_of(r.path_param("id"));
  if (!id) return error_response(404, "not_found", "没有这张号。", "no ticket " + r.path_param("id"));
  auto v = ((lane->queue).*step)({s->staff_id, s->window}, *id);
  if (!v) return refused(hub, *lane, v.error(), *id);
  hub.bell().ring();
  return json_ok(200, ticket_body(hub, *v));
}

Response transfer(Hub& hub, const Request& r) {
  auto body = read_body(r, {"group", "window"});
  if (!body) return body.error();
  auto group = string_field(*body, "group");
  if (!group) return group.error();
  auto window = string_field(*body, "window");
  if (!window) return window.error();
  if (static_cast<bool>(*group) == static_cast<bool>(*window)) {
    return bad_field("group", "与 window 须给且只给一个。", "give exactly one of group or window");
  }
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto s = require_staff(*lane, r);
  if (!s) return s.error();
  const auto id = ticket_id_of(r.path_param("id"));
  if (!id) return error_response(404, "not_found", "没有这张号。", "no ticket " + r.path_param("id"));
  queue::TransferTarget to;
  if (*group) {
    const auto* g = find_group(hub.hall(), **group);
    if (!g) return error_response(404, "not_found", "没有这个排队类别。", "no queue group " + **group);
    to.group = g->id;
  } else {
    to.window = **window;
    if (!hub.hall().window(to.window)) return error_response(404, "not_found", "没有这个窗口。", "no window " + **window);
  }
  auto v = lane->queue.transfer({s->staff_id, s->window}, *id, to);
  if (!v) return refused(hub, *lane, v.error(), *id);
  hub.bell().ring();
  return json_ok(200, ticket_body(hub, *v));
}

Response pause(Hub& hub, const Request& r, bool paused) {
  auto body = read_body(r, {}, true);
  if (!body) return body.error();
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto s = at_window(*lane, r);
  if (!s) return s.error();
  auto done = paused ? lane->queue.pause({s->staff_id, s->window}) : lane->queue.resume({s->staff_id, s->window});
  if (!done) return refused(hub, *lane, done.error());
  hub.bell().ring();
  return json_ok(200, Json{{"window", s->window}, {"state", paused ? "paused" : "open"}}.dump());
}

// This window's figures for today, for the clerk at it (the whole hall's are the manager's).
Response window_today(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto s = at_window(*lane, r);
  if (!s) return s.error();
  auto day = lane->queue.today();
  if (!day) return refused(hub, *lane, day.error());
  auto stats = queue::day_stats(lane->queue.database(), hub.hall(), hub.zone(), *day);
  if (!stats) return refused(hub, *lane, queue::QueueError{queue::Refusal::storage, stats.error()});
  Json out{{"date", *day}, {"window", s->window}, {"issued", 0}, {"served", 0}, {"no_shows", 0}};
  Json all = Json::parse(queue::to_json(*stats));
  for (const auto& w : all["windows"]) {
    if (w.value("window", "") == s->window) out = w, out["date"] = *day;
  }
  return json_ok(200, out.dump());
}

}  // namespace

void add_counter_routes(http::Router& router, Hub& hub) {
  const http::RouteLimits small{.max_body_bytes = max_body_bytes};
  router.post("/api/v1/sessions", [&hub](const Request& r) { return sign_in(hub, r); }, small);
  router.get("/api/v1/sessions/current", [&hub](const Request& r) { return who_am_i(hub, r); });
  router.del("/api/v1/sessions/current", [&hub](const Request& r) { return sign_out(hub, r); });
  router.post("/api/v1/windows/{window}/call-next", [&hub](const Request& r) { return call_next(hub, r); }, small);
  router.post("/api/v1/windows/{window}/pause", [&hub](const Request& r) { return pause(hub, r, true); }, small);
  router.post("/api/v1/windows/{window}/resume", [&hub](const Request& r) { return pause(hub, r, false); }, small);
  router.get("/api/v1/windows/{window}/today", [&hub](const Request& r) { return window_today(hub, r); });
  const std::pair<const char*, Transition> steps[] = {
      {"recall", &queue::QueueService::recall},   {"start", &queue::QueueService::start},
      {"finish", &queue::QueueService::finish},   {"no-show", &queue::QueueService::no_show},
      {"cancel", &queue::QueueService::cancel},
  };
  for (const auto& [name, step] : steps) {
    router.post(std::string("/api/v1/tickets/{id}/") + name,
                [&hub, step = step](const Request& r) { return transition(hub, r, step); }, small);
  }
  router.post("/api/v1/tickets/{id}/transfer", [&hub](const Request& r) { return transfer(hub, r); }, small);
}

}  // namespace hall::hub
