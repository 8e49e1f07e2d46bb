// SPDX-License-Identifier: Apache-2.0
// The visitor's side of the queue: a kiosk issues and re-activates, a phone reads its ticket,
// re-activates it and rates the service.
#include <algorithm>

#include "hub/hub_body.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;

bool valid_idempotency_key(const std::string& key) {
  return !key.empty() && key.size() <= 64 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

Response issue(Hub& hub, const Request& r) {
  std::optional<queue::Device> device;
  {
    auto lane = hub.lane();  // only to authenticate: the batch that issues takes its own
    auto d = require_device(*lane, r, queue::DeviceRole::kiosk);
    if (!d) return d.error();
    device = std::move(*d);
  }
  auto body = read_body(r, {"guide_id", "group", "priority"}, true);
  if (!body) return body.error();
  auto guide_id = string_field(*body, "guide_id");
  if (!guide_id) return guide_id.error();
  auto group_name = string_field(*body, "group");
  if (!group_name) return group_name.error();
  auto priority = string_field(*body, "priority");
  if (!priority) return priority.error();
  if (*guide_id && *group_name) {
    return bad_field("group", "与 guide_id 只能给一个。", "give guide_id or group, not both");
  }

  queue::IssueRequest req;
  req.device_id = device->id;
  req.idempotency_key = r.header("Idempotency-Key");
  if (!req.idempotency_key.empty() && !valid_idempotency_key(req.idempotency_key)) {
    return error_response(400, "bad_request", "Idempotency-Key 应为 1 到 64 个可见字符。",
                          "Idempotency-Key: 1 to 64 visible ASCII characters");
  }
  if (*guide_id) {
    const auto brief = hub.guide(**guide_id);
    if (!brief) return error_response(404, "not_found", "没有这个办事事项。", "no guide " + **guide_id + " in this hall");
    req.guide_id = brief->id;
    req.group = brief->queue_group;  // empty: the hall's default group
  } else if (*group_name) {
    const auto* g = find_group(hub.hall(), **group_name);
    if (!g) return error_response(404, "not_found", "没有这个排队类别。", "no queue group " + **group_name);
    req.group = g->id;
  }
  if (*priority) {
    if (!hub.hall().priority_class(**priority)) {
      return bad_field("priority", "不是本厅设置的优先类别。", "not one of the hall's priority classes");
    }
    req.priority = **priority;
  }
  auto issued = hub.issuer().issue(hub, req);
  if (!issued) {
    auto lane = hub.lane();
    return refused(hub, *lane, issued.error());
  }
  if (issued->created) hub.bell().ring();
  return json_ok(issued->created ? 201 : 200, ticket_body(hub, issued->view));
}

Response no_such_token() {
  return error_response(404, "not_found", "没有找到这张号，请核对二维码或号码。", "no ticket has this token");
}

Response show(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  if (!plausible_token(token)) return no_such_token();
  auto lane = hub.lane();
  auto v = lane->queue.ticket_by_token(token);
  if (!v) return refused(hub, *lane, v.error());
  return json_ok(200, public_ticket_body(hub, *v));
}

// Who re-activates: the kiosk that says so with its token, else the phone holding the ticket's.
std::string reactivated_by(Lane& lane, const Request& r) {
  if (r.header("Authorization").empty()) return "phone";
  auto c = authenticate(lane, r);
  if (c && c->device) return c->device->id;
  return "";
}

Response reactivate(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  auto body = read_body(r, {}, true);
  if (!body) return body.error();
  if (!plausible_token(token)) return no_such_token();
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  const std::string by = reactivated_by(*lane, r);
  if (by.empty()) return error_response(401, "unauthenticated", "设备凭证无效。", "the device token is not valid");
  auto found = lane->queue.ticket_by_token(token);
  if (!found) return refused(hub, *lane, found.error());
  auto v = lane->queue.reactivate(token, by);
  if (!v) return refused(hub, *lane, v.error(), found->ticket.id);
  hub.bell().ring();
  return json_ok(200, by == "phone" ? public_ticket_body(hub, *v) : ticket_body(hub, *v));
}

Response reactivate_number(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto device = require_device(*lane, r, queue::DeviceRole::kiosk);
  if (!device) return device.error();
  auto body = read_body(r, {"number"});
  if (!body) return body.error();
  auto number = ticket_number_field(*body);
  if (!number) return number.error();
  const std::string& n = *number;
  auto v = lane->queue.reactivate_number(n, device->id);
  if (!v) {
    if (v.error().reason == queue::Refusal::not_found) {
      return error_response(404, "not_found", "今天没有发过 " + n + " 号，请核对号码。", v.error().error.message);
    }
    return refused(hub, *lane, v.error());
  }
  hub.bell().ring();
  return json_ok(200, ticket_body(hub, *v));
}

Response rate(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  auto body = read_body(r, {"level"});
  if (!body) return body.error();
  auto level = integer_field(*body, "level");
  if (!level) return level.error();
  if (!*level || **level < 1 || **level > 5) {
    return bad_field("level", "应为 1 到 5（非常不满意 到 非常满意）。", "1 to 5 (very dissatisfied to very satisfied)");
  }
  if (!plausible_token(token)) return no_such_token();
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto found = lane->queue.ticket_by_token(token);
  if (!found) return refused(hub, *lane, found.error());
  auto v = lane->queue.rate(token, static_cast<int>(**level));
  if (!v) {
    if (v.error().reason == queue::Refusal::wrong_state && found->ticket.rating) {
      return error_response(409, "wrong_state", "这张号已经评价过了，谢谢！", v.error().error.message);
    }
    return refused(hub, *lane, v.error(), found->ticket.id);
  }
  return json_ok(200, public_ticket_body(hub, *v));
}

}  // namespace

void add_ticket_routes(http::Router& router, Hub& hub) {
  const http::RouteLimits small{.max_body_bytes = max_body_bytes};
  router.post("/api/v1/tickets", [&hub](const Request& r) { return issue(hub, r); }, small);
  router.get("/api/v1/tickets/{token}", [&hub](const Request& r) { return show(hub, r); });
  router.post("/api/v1/tickets/{token}/reactivate", [&hub](const Request& r) { return reactivate(hub, r); }, small);
  router.post("/api/v1/reactivations", [&hub](const Request& r) { return reactivate_number(hub, r); }, small);
  router.post("/api/v1/tickets/{token}/rating", [&hub](const Request& r) { return rate(hub, r); }, small);
}

}  // namespace hall::hub
