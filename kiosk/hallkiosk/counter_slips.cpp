// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/counter_slips.h"

#include <nlohmann/json.hpp>

#include "print/slip_renderer.h"
#include "slip/notice_slip.h"

namespace hall::kiosk {
namespace {

using Json = nlohmann::json;

std::pair<std::string, std::string> hub_words(const Result<http::Response>& a) {
  if (!a) return {"连不上排队系统，请稍后再试。", "Cannot reach the queue system; try again shortly."};
  const Json body = Json::parse(a->body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    return {body["error"].value("message", "排队系统拒绝了补打。"), body["error"].value("message_en", "")};
  }
  return {"排队系统拒绝了补打（" + std::to_string(a->status) + "）。", "The queue system refused (" + std::to_string(a->status) + ")."};
}

}  // namespace

slip::NoticeRequest notice_request(const ui::CounterTicket& ticket, const std::vector<ui::CounterMaterial>& missing,
                                   const std::optional<catalogue::Guide>& guide, const HallConfig& hall,
                                   const std::string& window, const std::string& guide_url, Instant date) {
  slip::NoticeRequest n;
  n.service_name = guide ? guide->name : ticket.guide_name;
  n.guide_url = guide_url;
  if (guide) n.promised_limit = guide->promised_limit;
  const Window* w = hall.window(window);
  n.window_number = w ? w->number : 0;
  n.date = date;
  for (const auto& m : missing) {
    const catalogue::Material* full = nullptr;
    if (guide) {
      for (const auto& g : guide->materials) {
        if (g.name == m.name) full = &g;
      }
    }
    if (full) {
      n.missing.push_back(*full);
      continue;
    }
    catalogue::Material plain;
    plain.name = m.name;
    plain.name_en = m.name_en;
    plain.originals = m.originals;
    plain.copies = m.copies;
    n.missing.push_back(std::move(plain));
  }
  return n;
}

CounterSlips::CounterSlips(CounterSlipsSetup setup, CounterDesk& desk, RunQueue& ui)
    : setup_(std::move(setup)), desk_(desk), ui_(ui) {
  queue_ = std::make_unique<slip::PrintQueue>(*setup_.printer, [this](const slip::PrintOutcome& o) { outcome(o); },
                                              setup_.queue);
}

CounterSlips::~CounterSlips() { stop(); }

void CounterSlips::stop() {
  render_.stop();
  queue_.reset();
}

void CounterSlips::answer(const std::function<void(ui::SlipNote)>& reply, ui::SlipNote note) {
  ui_.post([reply, note = std::move(note)]() mutable { reply(std::move(note)); });
}

void CounterSlips::reprint(const std::string& number, std::function<void(ui::SlipNote)> reply) {
  http::Request r;
  r.method = "POST";
  r.path = "/api/v1/reprints";
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = Json{{"number", number}}.dump();
  const bool sent = desk_.send_as_clerk(std::move(r), [this, number, reply](Result<http::Response> a) {
    if (a && a->status == 202) {
      answer(reply, {ui::SlipNote::Phase::done, {}, {}, number, false});
      return;
    }
    auto [zh, en] = hub_words(a);
    // 404: the hub issued no ticket of that number today (a mistyped number, or yesterday's slip).
    answer(reply, {ui::SlipNote::Phase::failed, zh, en, number, false, a && a->status == 404});
  });
  if (!sent) reply({ui::SlipNote::Phase::failed, "本机正忙，请稍后再试。", "This counter is busy; try again.", number, false});
}

void CounterSlips::print_notice(const ui::CounterTicket& ticket, const std::vector<ui::CounterMaterial>& missing,
                                std::function<void(ui::SlipNote)> reply) {
  const std::string key = "notice-" + ticket.number + "-" + std::to_string(next_++);
  const bool posted = render_.post([this, ticket, missing, reply, key] {
    const auto guide = ticket.guide_id.empty() || !setup_.guides ? std::nullopt : setup_.guides(ticket.guide_id);
    const std::string url = setup_.status_base + "/t/" + ticket.token;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto laid_out = slip::notice_slip(notice_request(ticket, missing, guide, setup_.hall, setup_.window, url, now),
                                      setup_.hall, setup_.zone, setup_.paper);
    if (!laid_out) {
      answer(reply, {ui::SlipNote::Phase::failed, laid_out.error().message, laid_out.error().message, ticket.number, true});
      return;
    }
    auto pdf = print::render_pdf(*laid_out);
    if (!pdf) {
      answer(reply, {ui::SlipNote::Phase::failed, pdf.error().message, pdf.error().message, ticket.number, true});
      return;
    }
    {
      std::lock_guard lock(mutex_);
      waiting_[key] = {ticket.number, reply};
    }
    // A notice is never "the ticket's first slip": each one asked for is printed.
    if (!queue_->enqueue({key, {laid_out->title, std::move(pdf->bytes), pdf->media}, "notice"})) {
      std::lock_guard lock(mutex_);
      waiting_.erase(key);
      answer(reply, {ui::SlipNote::Phase::failed, "打印队列已满。", "The print queue is full.", ticket.number, true});
    }
  });
  if (!posted) reply({ui::SlipNote::Phase::failed, "本机正忙，请稍后再试。", "This counter is busy; try again.", ticket.number, true});
}

void CounterSlips::outcome(const slip::PrintOutcome& o) {
  Waiting w;
  {
    std::lock_guard lock(mutex_);
    auto it = waiting_.find(o.ticket_id);
    if (it == waiting_.end()) return;
    w = it->second;
    if (o.result != slip::PrintResult::failed) waiting_.erase(it);
  }
  if (o.result == slip::PrintResult::failed) {
    // Kept by the queue and printed once the printer is back; the clerk sees why it waits.
    answer(w.reply, {ui::SlipNote::Phase::failed, o.reason, o.reason, w.number, true});
  } else {
    answer(w.reply, {ui::SlipNote::Phase::done, {}, {}, w.number, true});
  }
}

slip::PrinterProblem CounterSlips::printer_problem() const {
  return queue_ ? queue_->status().printer.problem() : slip::PrinterProblem::unreachable;
}

}  // namespace hall::kiosk
