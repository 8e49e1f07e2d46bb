// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/ticket_desk.h"

#include <sodium.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/hex.h"

namespace hall::kiosk {
namespace {

using Json = nlohmann::ordered_json;

// A lost answer is asked again this many times, with the same key, before the visitor is told.
constexpr int attempts = 3;
constexpr std::chrono::milliseconds between_attempts{400};

std::string new_key() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  return "tap-" + to_hex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

}  // namespace

ui::TicketResult issued_ticket_of(const Result<http::Response>& answer) {
  using Reason = ui::TicketRefusal::Reason;
  if (!answer) {
    return std::unexpected(ui::TicketRefusal(Reason::unreachable, "本机暂时连不上取号系统，请到服务台取号。",
                                             "This kiosk cannot reach the queue system now. Please ask at the front desk."));
  }
  const Json body = Json::parse(answer->body, nullptr, false);
  if (answer->status == 200 || answer->status == 201) {
    if (!body.is_object() || !body.contains("number") || !body["number"].is_string()) {
      return std::unexpected(ui::TicketRefusal(Reason::unreachable, "取号系统的回答有误，请到服务台取号。",
                                               "The queue system's answer was not understood. Please ask at the front desk."));
    }
    ui::IssuedTicket t;
    t.number = body["number"];
    t.group = body.value("group", "");
    t.status_url = body.value("status_url", "");
    t.ahead = body.value("ahead", 0);
    if (body.contains("id") && body["id"].is_number_integer()) t.id = std::to_string(body["id"].get<std::int64_t>());
    t.issued_at = body.value("issued_at", "");
    if (body.contains("estimated_wait_s") && body["estimated_wait_s"].is_number_integer()) {
      t.estimated_wait_s = body["estimated_wait_s"].get<int>();
    }
    return t;
  }
  std::string code, zh = "暂时不能取号，请到服务台。", en = "No number can be issued now. Please ask at the front desk.";
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    code = body["error"].value("code", "");
    zh = body["error"].value("message", zh);
    en = body["error"].value("message_en", en);
  }
  Reason reason = Reason::refused;
  if (code == "closed") reason = Reason::closed;
  if (code == "not_found") reason = Reason::not_found;
  if (answer->status >= 500 || code == "unauthenticated" || code == "forbidden") reason = Reason::unreachable;
  return std::unexpected(ui::TicketRefusal(reason, zh, en));
}

namespace {

// Sends `request` on the worker, asking again with the same body (and key) when no answer came.
void send_on_worker(HubLink& link, WorkerPool& worker, RunQueue& ui, http::Request request, ui::TicketReply reply) {
  const bool queued = worker.post([&link, &ui, request = std::move(request), reply] {
    Result<http::Response> answer = fail(ErrorCode::unavailable, "not sent");
    for (int i = 0; i < attempts; ++i) {
      answer = link.send(request);
      if (answer && answer->status != 503) break;  // an answer, yes or no: never ask twice for it
      std::this_thread::sleep_for(between_attempts);
    }
    auto ticket = issued_ticket_of(answer);
    ui.post([reply, ticket = std::move(ticket)]() mutable { reply(std::move(ticket)); });
  });
  if (!queued) {
    reply(std::unexpected(ui::TicketRefusal(ui::TicketRefusal::Reason::unreachable, "本机正忙，请稍后再试。",
                                            "This kiosk is busy. Please try again in a moment.")));
  }
}

}  // namespace

ui::TakeNumber make_take_number(HubLink& link, WorkerPool& worker, RunQueue& ui) {
  return [&link, &worker, &ui](const ui::TicketRequest& request, ui::TicketReply reply) {
    http::Request r;
    r.method = "POST";
    r.path = "/api/v1/tickets";
    r.headers.emplace_back("Idempotency-Key", new_key());  // one tap, one key, kept across retries
    r.headers.emplace_back("Content-Type", "application/json");
    Json body = Json::object();
    if (!request.guide_id.empty()) body["guide_id"] = request.guide_id;
    if (!request.priority.empty()) body["priority"] = request.priority;
    r.body = body.dump();
    send_on_worker(link, worker, ui, std::move(r), std::move(reply));
  };
}

ui::ReactivateNumber make_reactivate_number(HubLink& link, WorkerPool& worker, RunQueue& ui) {
  return [&link, &worker, &ui](const std::string& number, ui::TicketReply reply) {
    http::Request r;
    r.method = "POST";
    r.path = "/api/v1/reactivations";
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = Json{{"number", number}}.dump();
    send_on_worker(link, worker, ui, std::move(r), std::move(reply));
  };
}

}  // namespace hall::kiosk
