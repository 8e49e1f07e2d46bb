// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/hub_events.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace hall::kiosk {
namespace {

using Steady = std::chrono::steady_clock;
using Phase = HubLinkState::Phase;

std::string string_field(const nlohmann::json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<queue::QueueEvent> queue_event_of(const http::SseEvent& e) {
  queue::QueueEvent out;
  const auto [end, ec] = std::from_chars(e.id.data(), e.id.data() + e.id.size(), out.id);
  if (ec != std::errc() || end != e.id.data() + e.id.size() || out.id <= 0) return std::nullopt;
  const auto data = nlohmann::json::parse(e.data, nullptr, false);
  if (!data.is_object()) return std::nullopt;
  out.kind = e.event;
  out.ticket_number = string_field(data, "number");
  out.window = string_field(data, "window");
  out.payload = e.data;
  return out;
}

HubEvents::HubEvents(HubEventsOptions options, EventSink on_event, LinkSink on_link)
    : options_(std::move(options)),
      on_event_(std::move(on_event)),
      on_link_(std::move(on_link)),
      after_(options_.after) {}

HubEvents::~HubEvents() {
  stop();
}

void HubEvents::start() {
  if (thread_.joinable()) return;
  state_.since = Steady::now();
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void HubEvents::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  stop_signal_.signal();
  wake_.notify_all();
  thread_.join();
}

std::int64_t HubEvents::last_event_id() const {
  std::lock_guard lock(mutex_);
  return after_.value_or(0);
}

HubLinkState HubEvents::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void HubEvents::set_state(HubLinkState s) {
  {
    std::lock_guard lock(mutex_);
    state_ = s;
  }
  if (on_link_) on_link_(s);
}

// An event the hub sends again after a reconnection (same id or older) is not handed over twice.
bool HubEvents::handle(const http::SseEvent& e) {
  auto event = queue_event_of(e);
  if (!event) return false;
  {
    std::lock_guard lock(mutex_);
    if (after_ && event->id <= *after_) return true;
    after_ = event->id;
  }
  if (on_event_) on_event_(*event);
  return true;
}

void HubEvents::run(std::stop_token stop) {
  std::chrono::milliseconds retry = options_.first_retry;
  HubLinkState link;
  link.since = Steady::now();
  while (!stop.stop_requested()) {
    http::EventStreamRequest request;
    request.base_url = options_.hub_url;
    request.path = "/api/v1/events";
    request.headers = {{"Authorization", "Bearer " + options_.token}};
    if (const auto after = [&] {
          std::lock_guard lock(mutex_);
          return after_;
        }()) {
      request.headers.emplace_back("Last-Event-ID", std::to_string(*after));
    }
    request.connect_timeout = options_.connect_timeout;
    request.idle_timeout = options_.idle_timeout;
    const auto end = http::follow_event_stream(
        request, stop_signal_,
        [&] {
          retry = options_.first_retry;
          link = {Phase::connected, Steady::now(), {}, 0};
          set_state(link);
        },
        [&](const http::SseEvent& e) { handle(e); });
    if (end.kind == http::StreamEnd::Kind::stopped || stop.stop_requested()) return;

    // Lost or never made: say so once per outage (the moment it began stays), then wait.
    const bool refused = end.kind == http::StreamEnd::Kind::refused;
    const Phase phase = refused ? Phase::refused : link.phase == Phase::connecting ? Phase::connecting
                                                                                   : Phase::reconnecting;
    if (link.phase == Phase::connected || link.phase != phase) link.since = Steady::now();
    link.phase = phase;
    link.problem = end.message + (end.body.empty() ? std::string() : " " + end.body);
    ++link.attempts;
    set_state(link);
    const auto wait = refused ? options_.refused_retry : retry;
    retry = std::min(retry * 2, options_.longest_retry);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, wait, [] { return false; });
  }
}

const char* to_string(HubLinkState::Phase p) {
  switch (p) {
    case Phase::connecting:
      return "connecting";
    case Phase::connected:
      return "connected";
    case Phase::reconnecting:
      return "reconnecting";
    case Phase::refused:
      return "refused";
  }
  return "?";
}

}  // namespace hall::kiosk
