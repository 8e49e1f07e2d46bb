// SPDX-License-Identifier: Apache-2.0
#pragma once
// Follows the hall hub's events (GET /api/v1/events, Server-Sent Events) for a board or a counter:
// on its own thread, with this device's bearer token, handing each event to a callback (which
// posts it to the UI's run queue). When the hub restarts or the network drops it reconnects by
// itself, 0.5 s then doubling to 5 s apart, resuming with Last-Event-ID after the last event it
// handed over, so nothing is missed and nothing is handed over twice.
//
// The callbacks run on the follower's thread. on_link is told each change of the connection
// (connected, reconnecting since when and why), for a banner on screen and, on each connection,
// for re-reading GET /api/v1/queue: the counts a missed event would have changed.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "http/event_stream.h"
#include "queue/event_log.h"

namespace hall::kiosk {

struct HubLinkState {
  enum class Phase {
    connecting,    // the first connection, not made yet
    connected,     // streaming
    reconnecting,  // lost; trying again since `since`
    refused,       // the hub answered and refused this device (a bad or revoked token): retried slowly
  };
  Phase phase = Phase::connecting;
  std::chrono::steady_clock::time_point since{};
  std::string problem;  // the last failure, for the log; empty when connected
  int attempts = 0;     // failed attempts since the last connection
};

struct HubEventsOptions {
  std::string hub_url;  // http://host:port
  std::string token;    // the device's bearer token
  // Resume after this event id; none: from now on (the caller reads the queue's state itself).
  std::optional<std::int64_t> after;
  std::chrono::milliseconds first_retry{500};
  std::chrono::milliseconds longest_retry{5'000};
  std::chrono::milliseconds refused_retry{30'000};  // a refused token is not hammered at
  std::chrono::milliseconds connect_timeout{3'000};
  std::chrono::milliseconds idle_timeout{40'000};  // the hub says something every 15 s
};

class HubEvents {
 public:
  using EventSink = std::function<void(const queue::QueueEvent&)>;
  using LinkSink = std::function<void(const HubLinkState&)>;

  HubEvents(HubEventsOptions options, EventSink on_event, LinkSink on_link);
  ~HubEvents();  // stop()
  HubEvents(const HubEvents&) = delete;
  HubEvents& operator=(const HubEvents&) = delete;

  void start();
  // Returns promptly: a blocked connect or read and a retry wait are all cut by one signal.
  void stop();
  // The id of the last event handed over (what the next connection resumes after); 0: none yet.
  std::int64_t last_event_id() const;
  HubLinkState state() const;

 private:
  void run(std::stop_token stop);
  void set_state(HubLinkState s);
  bool handle(const http::SseEvent& e);

  HubEventsOptions options_;
  EventSink on_event_;
  LinkSink on_link_;
  http::StopSignal stop_signal_;
  mutable std::mutex mutex_;
  std::optional<std::int64_t> after_;
  HubLinkState state_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last
};

// A hub event as the SSE stream carries it (id, type, JSON data) read into the queue's own shape;
// nullopt for an id that is not a number or data that is not a JSON object.
std::optional<queue::QueueEvent> queue_event_of(const http::SseEvent& e);

const char* to_string(HubLinkState::Phase p);

}  // namespace hall::kiosk
