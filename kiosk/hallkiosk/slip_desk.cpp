// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/slip_desk.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "hallkiosk/hub_link.h"
#include "print/slip_renderer.h"

namespace hall::kiosk {
namespace {

using Json = nlohmann::ordered_json;
using Steady = std::chrono::steady_clock;

const char* result_word(slip::PrintResult r) {
  switch (r) {
    case slip::PrintResult::printed:
      return "printed";
    case slip::PrintResult::failed:
      return "failed";
    case slip::PrintResult::reprinted:
      return "reprinted";
  }
  return "failed";
}

// A reprint request's ticket (the hub's staff view plus issued_at_s) as the slip's data.
std::optional<ui::IssuedTicket> ticket_of_request(const Json& t) {
  if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer() || !t.contains("number")) return std::nullopt;
  ui::IssuedTicket out;
  out.id = std::to_string(t["id"].get<std::int64_t>());
  out.number = t.value("number", "");
  out.group = t.value("group", "");
  out.status_url = t.value("status_url", "");
  out.ahead = t.value("ahead", 0);
  if (t.contains("estimated_wait_s") && t["estimated_wait_s"].is_number_integer()) {
    out.estimated_wait_s = t["estimated_wait_s"].get<int>();
  }
  out.issued_at = t.value("issued_at", "");
  return out;
}

}  // namespace

slip::SlipTicket slip_ticket_of(const ui::IssuedTicket& t, const HallConfig& hall) {
  slip::SlipTicket s;
  s.id = t.id;
  s.number = t.number;
  if (const auto* g = hall.group(t.group)) s.group_name = g->name;
  s.issued_at =
      parse_rfc3339(t.issued_at).value_or(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  s.ahead = t.ahead;
  s.estimated_wait_s = t.estimated_wait_s;
  s.status_url = t.status_url;
  return s;
}

SlipDesk::SlipDesk(SlipDeskSetup setup, RunQueue& ui, SlipNews news)
    : setup_(std::move(setup)), ui_(ui), news_(std::move(news)) {
  if (setup_.printer) {
    queue_ = std::make_unique<slip::PrintQueue>(
        *setup_.printer, [this](const slip::PrintOutcome& o) { outcome(o); }, setup_.queue);
  } else {
    no_printer_ = true;
  }
  hub_thread_ = std::thread([this] { hub_loop(); });
}

SlipDesk::~SlipDesk() {
  stop();
}

void SlipDesk::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  changed_.notify_all();
  render_.stop();
  if (hub_thread_.joinable()) hub_thread_.join();
  queue_.reset();  // returns within one printer call's deadline
}

void SlipDesk::set_hub(HubLink* hub) {
  {
    std::lock_guard lock(mutex_);
    hub_ = hub;
    woken_ = true;
  }
  changed_.notify_all();
}

void SlipDesk::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  changed_.notify_all();
}

ui::SlipPhase SlipDesk::print_first(const ui::IssuedTicket& ticket, const std::string& guide_id) {
  {
    std::lock_guard lock(mutex_);
    if (no_printer_ || ticket.id.empty()) return ui::SlipPhase::none;
    waiting_[ticket.id] = ui::SlipPhase::printing;
    ++rendering_;
  }
  auto data = slip_ticket_of(ticket, setup_.hall);
  const bool posted = render_.post(
      [this, data = std::move(data), guide_id]() mutable { render_and_enqueue(std::move(data), guide_id, {}); });
  if (!posted) {
    std::lock_guard lock(mutex_);
    --rendering_;
    waiting_.erase(ticket.id);
    return ui::SlipPhase::cannot_print;
  }
  return ui::SlipPhase::printing;
}

void SlipDesk::render_and_enqueue(slip::SlipTicket ticket, std::string guide_id, std::string reprint_by) {
  std::vector<catalogue::Material> materials;
  slip::TicketSlipOptions options{setup_.width_mm, slip::Language::zh_cn, 8};
  std::optional<WorkingCalendar> calendar;
  if (!guide_id.empty() && setup_.guides) {
    if (auto g = setup_.guides(guide_id)) {
      ticket.service_name = g->name;
      materials = g->materials;
      // A suspended service takes no request today: no date to promise.
      if (g->status == catalogue::GuideStatus::active && setup_.calendar) {
        calendar = setup_.calendar();
        if (calendar) {
          options.promised = g->promised_limit;
          options.calendar = &*calendar;
        }
      }
    }
  }
  if (ticket.service_name.empty()) ticket.service_name = ticket.group_name;
  const std::string id = ticket.id;
  std::string problem;
  auto laid_out = slip::ticket_slip(ticket, setup_.hall, materials, setup_.zone, options);
  if (!laid_out) {
    problem = laid_out.error().message;
  } else if (auto pdf = print::render_pdf(*laid_out); !pdf) {
    problem = pdf.error().message;
  } else if (!queue_->enqueue({id, {laid_out->title, std::move(pdf->bytes), pdf->media}, reprint_by})) {
    problem = "the print queue is full or already holds ticket " + ticket.number + "'s slip";
  }
  {
    std::lock_guard lock(mutex_);
    --rendering_;
  }
  changed_.notify_all();
  if (!problem.empty()) {
    std::cerr << "hallkiosk: the slip of " << ticket.number << " cannot be printed: " << problem << "\n";
    outcome({id, slip::PrintResult::failed, problem, {}, 0});
  }
}

void SlipDesk::outcome(const slip::PrintOutcome& o) {
  Outgoing out{o, std::nullopt};
  ui::SlipPhase phase = o.result == slip::PrintResult::failed ? ui::SlipPhase::cannot_print : ui::SlipPhase::printed;
  {
    std::lock_guard lock(mutex_);
    if (o.result == slip::PrintResult::reprinted) {
      auto& asked = reprints_[o.ticket_id];
      if (!asked.empty()) {
        out.request_id = asked.front();
        asked.pop_front();
      }
    }
    if (phase == ui::SlipPhase::printed) {
      waiting_.erase(o.ticket_id);
    } else {
      waiting_[o.ticket_id] = phase;
    }
    outbox_.push_back(std::move(out));
  }
  changed_.notify_all();
  tell_ui(o.ticket_id, phase);
}

void SlipDesk::tell_ui(const std::string& ticket_id, ui::SlipPhase phase) {
  ui_.post([this, ticket_id, phase] {
    if (news_) news_(ticket_id, phase);
  });
}

std::string SlipDesk::health() const {
  {
    std::lock_guard lock(mutex_);
    if (no_printer_) return "none";
  }
  return slip::problem_code(queue_->status().printer.problem());
}

std::optional<slip::PrintQueueStatus> SlipDesk::status() const {
  if (!queue_) return std::nullopt;
  return queue_->status();
}

bool SlipDesk::wait_settled(std::chrono::milliseconds timeout) const {
  const auto until = Steady::now() + timeout;
  while (Steady::now() < until) {
    {
      std::lock_guard lock(mutex_);
      const bool idle = rendering_ == 0 && outbox_.empty() && (!queue_ || queue_->status().waiting == 0);
      if (idle) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// With no queue configured, a print server that answers but has no default destination means this
// kiosk has no printer: said once, and tickets are shown without a slip.
void SlipDesk::check_default_destination() {
  if (!setup_.default_destination || !setup_.printer) return;
  const auto s = setup_.printer->state(Steady::now() + std::chrono::seconds(1));
  if (s.problem() != slip::PrinterProblem::no_such_queue) return;
  std::cerr << "hallkiosk: no printer: hall.json names none (\"printer\", or --printer Q) and CUPS has no default "
               "destination; tickets are shown without a slip ("
            << s.message << ")\n";
  std::lock_guard lock(mutex_);
  no_printer_ = true;
}

void SlipDesk::hub_loop() {
  check_default_destination();
  auto next_poll = Steady::now();
  while (true) {
    {
      std::unique_lock lock(mutex_);
      // The printer is looked at every `watch` only while a slip waits or an outcome is owed; an
      // idle kiosk sleeps until the next reprint poll (a wake() comes sooner when there is news).
      const bool busy = !waiting_.empty() || !outbox_.empty();
      const auto until_poll = std::chrono::duration_cast<std::chrono::milliseconds>(next_poll - Steady::now());
      const auto wait = busy ? setup_.watch : std::clamp(until_poll, setup_.watch, setup_.reprint_poll);
      changed_.wait_for(lock, wait, [&] { return stopping_ || woken_; });
      if (stopping_) return;
      if (woken_) next_poll = Steady::now();
      woken_ = false;
    }
    watch_printer();
    keep_state();
    // Outcomes first, in order; one the hub cannot take now waits for the next round.
    while (true) {
      std::optional<Outgoing> head;
      {
        std::lock_guard lock(mutex_);
        if (outbox_.empty() || hub_ == nullptr || stopping_) break;
        head = outbox_.front();
      }
      if (!deliver(*head)) break;
      std::lock_guard lock(mutex_);
      outbox_.pop_front();
    }
    if (Steady::now() >= next_poll) {
      poll_reprints();
      next_poll = Steady::now() + setup_.reprint_poll;
    }
  }
}

// A slip that waits while the printer cannot print shows so on the screen within `watch`, before
// the print queue's own deadline for the job passes; it goes back to "printing" once it can.
void SlipDesk::watch_printer() {
  if (!queue_) return;
  const bool can = queue_->status().printer.can_print();
  std::vector<std::pair<std::string, ui::SlipPhase>> changed;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, phase] : waiting_) {
      const ui::SlipPhase now = can ? ui::SlipPhase::printing : ui::SlipPhase::cannot_print;
      if (now != phase && (!can || phase == ui::SlipPhase::cannot_print)) {
        phase = now;
        changed.emplace_back(id, now);
      }
    }
  }
  for (const auto& [id, phase] : changed) tell_ui(id, phase);
}

// Written when it changes, and again each minute so a reader can tell a kiosk that stopped.
void SlipDesk::keep_state() {
  if (setup_.state_file.empty()) return;
  static thread_local Steady::time_point written{};
  const std::string now = health();
  if (now == kept_state_ && Steady::now() - written < std::chrono::minutes(1)) return;
  const std::string tmp = setup_.state_file + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << now << "\n";
    if (!out.flush()) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, setup_.state_file, ec);
  if (ec) return;
  kept_state_ = now;
  written = Steady::now();
}

bool SlipDesk::deliver(const Outgoing& o) {
  Json body{{"result", result_word(o.outcome.result)}};
  if (!o.outcome.reason.empty()) body["reason"] = o.outcome.reason.substr(0, 500);
  if (!o.outcome.by.empty()) body["by"] = o.outcome.by;
  if (o.outcome.job_id != 0) body["job_id"] = o.outcome.job_id;
  if (o.request_id) body["request_id"] = *o.request_id;
  http::Request r;
  r.method = "POST";
  r.path = "/api/v1/tickets/" + o.outcome.ticket_id + "/print-outcomes";
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = body.dump();
  auto answer = hub_->send(std::move(r));
  if (!answer || answer->status >= 500) return false;  // the hub is away: try again later
  if (answer->status != 201) {
    std::cerr << "hallkiosk: the hub refused the print outcome of ticket " << o.outcome.ticket_id << " ("
              << answer->status << "): " << answer->body << "\n";
  }
  return true;
}

void SlipDesk::poll_reprints() {
  {
    std::lock_guard lock(mutex_);
    if (hub_ == nullptr || no_printer_) return;
  }
  http::Request r;
  r.method = "GET";
  r.path = "/api/v1/print-requests";
  auto answer = hub_->send(std::move(r));
  if (!answer || answer->status != 200) return;
  const Json body = Json::parse(answer->body, nullptr, false);
  if (!body.is_object() || !body.contains("requests") || !body["requests"].is_array()) return;
  for (const auto& q : body["requests"]) {
    if (!q.is_object() || !q.contains("id") || !q["id"].is_number_integer()) continue;
    const std::int64_t request = q["id"].get<std::int64_t>();
    auto ticket = ticket_of_request(q.value("ticket", Json()));
    if (!ticket) continue;
    const std::string by = q.value("by", "");
    const std::string guide_id =
        q["ticket"].value("guide_id", Json()).is_string() ? q["ticket"]["guide_id"].get<std::string>() : "";
    {
      std::lock_guard lock(mutex_);
      if (!seen_requests_.insert(request).second) continue;
      reprints_[ticket->id].push_back(request);
      ++rendering_;
    }
    auto data = slip_ticket_of(*ticket, setup_.hall);
    const bool posted = render_.post([this, data = std::move(data), guide_id, by]() mutable {
      render_and_enqueue(std::move(data), guide_id, by.empty() ? std::string("clerk") : by);
    });
    if (!posted) {
      std::lock_guard lock(mutex_);
      --rendering_;
      seen_requests_.erase(request);
    }
  }
}

}  // namespace hall::kiosk
