// SPDX-License-Identifier: Apache-2.0
#include "hub/hub_handlers.h"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "hub/hub_reply.h"
#include "queue/hall_calendar.h"
#include "queue/ticket_json.h"

namespace hall::hub {
namespace {

using Json = nlohmann::ordered_json;

http::Response forbidden(std::string_view zh, std::string_view en) {
  return error_response(403, "forbidden", zh, en);
}

// "12月2日 08:30": when the hall opens again, in the hall's zone.
std::string opening_zh(const Hub& hub) {
  const auto next = queue::next_opening(hub.hall().opening_hours, hub.zone(), hub.clock().now());
  if (!next) return "近两周没有开放时间，请留意大厅公告。";
  const std::string date = queue::local_date(*next, hub.zone());  // YYYY-MM-DD
  const int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  return "大厅下次开放时间：" + std::to_string(month) + "月" + std::to_string(day) + "日 " +
         queue::local_clock(*next, hub.zone()) + "，请届时再来取号。";
}

}  // namespace

std::expected<queue::Device, http::Response> require_device(Lane& lane, const http::Request& r,
                                                            queue::DeviceRole role) {
  auto c = authenticate(lane, r);
  if (!c) return std::unexpected(refusal_response(c.error()));
  if (!c->device || c->device->role != role) {
    return std::unexpected(forbidden(role == queue::DeviceRole::kiosk ? "只有取号机可以这样操作。" : "只有叫号屏可以这样操作。",
                                     std::string("only a ") + queue::to_string(role) + " device may do this"));
  }
  return *c->device;
}

std::expected<queue::Session, http::Response> require_staff(Lane& lane, const http::Request& r, bool manager_only) {
  auto c = authenticate(lane, r);
  if (!c) return std::unexpected(refusal_response(c.error()));
  if (!c->session) return std::unexpected(forbidden("只有登录的工作人员可以这样操作。", "only a signed-in staff member may do this"));
  if (manager_only && c->session->role != queue::StaffRole::manager) {
    return std::unexpected(forbidden("只有大厅负责人可以查看统计。", "only a hall manager may read the figures"));
  }
  return *c->session;
}

std::expected<Caller, http::Response> require_reader(Lane& lane, const http::Request& r) {
  auto c = authenticate(lane, r);
  if (!c) return std::unexpected(refusal_response(c.error()));
  if (c->device && c->device->role != queue::DeviceRole::board) {
    return std::unexpected(forbidden("取号机不能读取叫号队列。", "a kiosk may only issue and re-activate tickets"));
  }
  return *c;
}

std::string ticket_body(const Hub& hub, queue::TicketView v) {
  v.status_url = hub.status_base() + "/t/" + v.ticket.token;
  return queue::ticket_json(v, hub.zone());
}

std::string public_ticket_body(const Hub& hub, const queue::TicketView& v) {
  Json j = Json::parse(queue::public_ticket_json(v));
  if (const auto* w = hub.hall().window(v.ticket.window); w && j.contains("window")) {
    j["window_number"] = w->number;
    j["window_name"] = w->name;
    j["window_name_en"] = w->name_en;
  }
  j["rated"] = v.ticket.rating.has_value();
  if (const auto* g = hub.hall().group(v.ticket.group)) {
    j["group_name"] = g->name;
    j["group_name_en"] = g->name_en;
  }
  Json materials = Json::array();
  if (const auto brief = hub.guide(v.ticket.guide_id)) {
    j["guide"] = {{"name", brief->name}, {"name_en", brief->name_en}};
    for (const auto& m : brief->materials) {
      materials.push_back({{"name", m.name},
                           {"name_en", m.name_en},
                           {"required", m.required},
                           {"originals", m.originals ? Json(*m.originals) : Json(nullptr)},
                           {"copies", m.copies ? Json(*m.copies) : Json(nullptr)}});
    }
  } else {
    j["guide"] = nullptr;
  }
  j["materials"] = std::move(materials);
  return j.dump();
}

http::Response refused(Hub& hub, Lane& lane, const queue::QueueError& why, std::optional<std::int64_t> ticket_id) {
  if (why.reason == queue::Refusal::wrong_state && ticket_id) {
    if (auto t = lane.queue.ticket(*ticket_id)) {
      return refusal_response(why, "这张号当前为“" + std::string(state_name_zh(t->ticket.state)) + "”，不能这样操作。");
    }
  }
  if (why.reason == queue::Refusal::closed) {
    const bool open_now = queue::open_span_at(hub.hall().opening_hours, hub.zone(), hub.clock().now()).has_value();
    if (open_now) return refusal_response(why, "今天这类业务的号已发完（预计等候会超过下班时间）。" + opening_zh(hub));
    return refusal_response(why, "现在不在办公时间。" + opening_zh(hub));
  }
  return refusal_response(why);
}

bool plausible_token(const std::string& token) {
  return token.size() == 32 &&
         std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

const QueueGroup* find_group(const HallConfig& hall, const std::string& name) {
  if (const auto* g = hall.group(name)) return g;
  for (const auto& g : hall.queue_groups) {
    if (g.letter == name) return &g;
  }
  return nullptr;
}

std::string bearer_token(const http::Request& request) {
  const std::string auth = request.header("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (auth.size() <= scheme.size() || !http::iequals(std::string_view(auth).substr(0, scheme.size()), scheme)) return {};
  return auth.substr(scheme.size());
}

std::optional<std::int64_t> ticket_id_of(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace hall::hub
