// SPDX-License-Identifier: Apache-2.0
// Slips (issue 12): a kiosk reports what became of each ticket's slip and asks which reprints
// clerks want from it; a clerk asks for a reprint of one of today's tickets and reads the outcomes.
// The request is stored first and the kiosk that issued the ticket prints it, so this works the
// same with the hub inside that kiosk or on another machine (see print-api.md beside this file).
#include <nlohmann/json.hpp>

#include "hub/hub_body.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"
#include "queue/audit_log.h"
#include "queue/print_log.h"
#include "queue/ticket_store.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;
using Json = nlohmann::ordered_json;

Response storage_refusal(Hub& hub, Lane& lane, const Error& e) {
  return refused(hub, lane, queue::QueueError{queue::Refusal::storage, e});
}

Response no_such_ticket(const std::string& what) {
  return error_response(404, "not_found", "没有找到这张号。", "no ticket " + what);
}

std::int64_t unix_seconds(Instant t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Json record_json(const Hub& hub, const queue::PrintRecord& r) {
  return Json{{"at", hub.zone().format_local(r.at)},
              {"device", r.device},
              {"result", r.result},
              {"reason", r.reason.empty() ? Json(nullptr) : Json(r.reason)},
              {"by", r.by.empty() ? Json(nullptr) : Json(r.by)},
              {"job_id", r.job_id == 0 ? Json(nullptr) : Json(r.job_id)}};
}

// The staff view of the ticket, with what a kiosk needs to lay its slip out again.
Json slip_ticket_json(const Hub& hub, const queue::TicketView& v) {
  Json t = Json::parse(ticket_body(hub, v));
  t["issued_at_s"] = unix_seconds(v.ticket.issued_at);
  return t;
}

Response report_outcome(Hub& hub, const Request& r) {
  const auto id = ticket_id_of(r.path_param("id"));
  auto lane = hub.lane();
  auto device = require_device(*lane, r, queue::DeviceRole::kiosk);
  if (!device) return device.error();
  auto body = read_body(r, {"result", "reason", "by", "job_id", "request_id"});
  if (!body) return body.error();
  auto result = string_field(*body, "result");
  if (!result) return result.error();
  auto reason = string_field(*body, "reason");
  if (!reason) return reason.error();
  auto by = string_field(*body, "by");
  if (!by) return by.error();
  auto job = integer_field(*body, "job_id");
  if (!job) return job.error();
  auto request = integer_field(*body, "request_id");
  if (!request) return request.error();
  if (!*result || !queue::is_print_result(**result)) {
    return bad_field("result", "应为 printed、failed 或 reprinted。", "printed, failed or reprinted");
  }
  if (**result == "failed" && (!*reason || (*reason)->empty())) return bad_field("reason", "失败时必须说明原因。", "required when failed");
  if (**result == "reprinted" && (!*by || (*by)->empty())) return bad_field("by", "补打时必须写明是谁要求的。", "required when reprinted");
  if ((*reason && (*reason)->size() > 500) || (*by && (*by)->size() > 64)) return bad_field("reason", "太长。", "too long");
  if (!id) return no_such_ticket(r.path_param("id"));
  auto writing = hub.write_lock();
  auto found = queue::find_ticket(lane->queue.database(), *id);
  if (!found) return storage_refusal(hub, *lane, found.error());
  if (!*found) return no_such_ticket(std::to_string(*id));
  queue::PrintRecord rec{0, *id, hub.clock().now(), device->id, **result, reason->value_or(""), by->value_or(""),
                         static_cast<int>(job->value_or(0)), {}};
  if (*request) {
    auto asked = queue::reprint_request(lane->queue.database(), **request);
    if (!asked) return storage_refusal(hub, *lane, asked.error());
    if (!*asked || (*asked)->ticket_id != *id || (*asked)->device != device->id) {
      return error_response(404, "not_found", "没有这条补打请求。", "no reprint request " + std::to_string(**request) + " for this kiosk and ticket");
    }
    rec.request_id = **request;
  }
  auto stored = queue::record_print(lane->queue.database(), rec);
  if (!stored) return storage_refusal(hub, *lane, stored.error());
  return json_ok(201, Json{{"id", *stored}, {"ticket_id", *id}, {"result", rec.result}}.dump());
}

Response list_outcomes(Hub& hub, const Request& r) {
  const auto id = ticket_id_of(r.path_param("id"));
  auto lane = hub.lane();
  if (auto s = require_staff(*lane, r); !s) return s.error();
  if (!id) return no_such_ticket(r.path_param("id"));
  auto v = lane->queue.ticket(*id);
  if (!v) return refused(hub, *lane, v.error());
  auto records = queue::print_records(lane->queue.database(), *id);
  if (!records) return storage_refusal(hub, *lane, records.error());
  Json all = Json::array();
  for (const auto& rec : *records) all.push_back(record_json(hub, rec));
  auto device = queue::issuing_device(lane->queue.database(), *id);
  if (!device) return storage_refusal(hub, *lane, device.error());
  auto open = queue::open_reprint_requests(lane->queue.database(), *device);
  if (!open) return storage_refusal(hub, *lane, open.error());
  int waiting = 0;
  for (const auto& q : *open) waiting += q.ticket_id == *id ? 1 : 0;
  return json_ok(200, Json{{"ticket_id", *id},
                           {"number", v->ticket.number},
                           {"outcomes", std::move(all)},
                           {"reprints_waiting", waiting}}
                          .dump());
}

// A reprint of today's ticket `ticket_id`, asked by the signed-in clerk, for the kiosk that issued it.
Response ask_reprint(Hub& hub, Lane& lane, const queue::Session& clerk, std::int64_t ticket_id) {
  auto writing = hub.write_lock();
  auto v = lane.queue.ticket(ticket_id);
  if (!v) return refused(hub, lane, v.error());
  auto today = lane.queue.today();
  if (!today) return refused(hub, lane, today.error());
  if (v->ticket.day != *today) {
    return error_response(409, "wrong_state", "只能补打今天的号。", "ticket " + v->ticket.number + " is of " + v->ticket.day + ", not today");
  }
  auto device = queue::issuing_device(lane.queue.database(), ticket_id);
  if (!device) return storage_refusal(hub, lane, device.error());
  if (device->empty()) {
    return error_response(409, "wrong_state", "这张号不是取号机发的，没有可补打的凭条。", "no kiosk issued " + v->ticket.number);
  }
  const Instant now = hub.clock().now();
  auto asked = queue::add_reprint_request(lane.queue.database(), {0, ticket_id, *device, clerk.staff_id, now, {}});
  if (!asked) return storage_refusal(hub, lane, asked.error());
  if (auto a = queue::audit(lane.queue.database(), {0, now, clerk.staff_id, clerk.window, "reprint", "ok", v->ticket.number}); !a) {
    return storage_refusal(hub, lane, a.error());
  }
  hub.reprint_requested(*device);
  return json_ok(202, Json{{"request_id", *asked},
                           {"ticket_id", ticket_id},
                           {"number", v->ticket.number},
                           {"device", *device},
                           {"by", clerk.staff_id}}
                          .dump());
}

Response reprint_by_id(Hub& hub, const Request& r) {
  const auto id = ticket_id_of(r.path_param("id"));
  auto lane = hub.lane();
  auto clerk = require_staff(*lane, r);
  if (!clerk) return clerk.error();
  if (auto body = read_body(r, {}, true); !body) return body.error();
  if (!id) return no_such_ticket(r.path_param("id"));
  return ask_reprint(hub, *lane, *clerk, *id);
}

Response reprint_by_number(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto clerk = require_staff(*lane, r);
  if (!clerk) return clerk.error();
  auto body = read_body(r, {"number"});
  if (!body) return body.error();
  auto number = ticket_number_field(*body);
  if (!number) return number.error();
  const std::string& n = *number;
  auto today = lane->queue.today();
  if (!today) return refused(hub, *lane, today.error());
  auto found = queue::find_ticket_by_number(lane->queue.database(), *today, n);
  if (!found) return storage_refusal(hub, *lane, found.error());
  if (!*found) return error_response(404, "not_found", "今天没有发过 " + n + " 号，请核对号码。", "no ticket " + n + " today");
  return ask_reprint(hub, *lane, *clerk, (*found)->id);
}

Response open_requests(Hub& hub, const Request& r) {
  auto lane = hub.lane();
  auto device = require_device(*lane, r, queue::DeviceRole::kiosk);
  if (!device) return device.error();
  auto open = queue::open_reprint_requests(lane->queue.database(), device->id);
  if (!open) return storage_refusal(hub, *lane, open.error());
  Json all = Json::array();
  for (const auto& q : *open) {
    auto v = lane->queue.ticket(q.ticket_id);
    if (!v) continue;  // the ticket is gone (a restored backup): nothing to print
    all.push_back({{"id", q.id}, {"by", q.by}, {"asked_at", hub.zone().format_local(q.asked_at)},
                   {"ticket", slip_ticket_json(hub, *v)}});
  }
  return json_ok(200, Json{{"requests", std::move(all)}}.dump());
}

}  // namespace

void add_print_routes(http::Router& router, Hub& hub) {
  const http::RouteLimits small{.max_body_bytes = max_body_bytes};
  router.post("/api/v1/tickets/{id}/print-outcomes", [&hub](const Request& r) { return report_outcome(hub, r); }, small);
  router.get("/api/v1/tickets/{id}/print-outcomes", [&hub](const Request& r) { return list_outcomes(hub, r); });
  router.post("/api/v1/tickets/{id}/reprint", [&hub](const Request& r) { return reprint_by_id(hub, r); }, small);
  router.post("/api/v1/reprints", [&hub](const Request& r) { return reprint_by_number(hub, r); }, small);
  router.get("/api/v1/print-requests", [&hub](const Request& r) { return open_requests(hub, r); });
}

}  // namespace hall::hub
