// SPDX-License-Identifier: Apache-2.0
#pragma once
// Keeps a signed-in counter current with the hub's events: GET /api/v1/events followed with the
// clerk's session as the bearer (HubEvents, on its own thread). Any event — a ticket issued at a
// kiosk, another window's call, a transfer to this window — makes the counter read its window and
// the waiting counts again at once; each (re)connection does too, for the events it missed. The
// follower's state goes to the counter's banner. It starts with each new session and stops with it.
#include <cstdint>
#include <memory>
#include <string>

#include "common/run_queue.h"
#include "counter_app.h"
#include "hallkiosk/hub_events.h"

namespace hall::kiosk {

class CounterFeed {
 public:
  // `app` and `ui` must outlive the feed. `follow` tunes the follower (hub_url and token are set here).
  CounterFeed(std::string hub_url, ui::CounterApp& app, RunQueue& ui, HubEventsOptions follow = {});
  ~CounterFeed();
  CounterFeed(const CounterFeed&) = delete;
  CounterFeed& operator=(const CounterFeed&) = delete;

  // UI thread. A new session: the follower restarts with it as its bearer; empty: it stops.
  void follow(const std::string& session);
  void stop() { follow({}); }

  // UI thread: the events handed to the counter so far (tests, the benchmark).
  std::uint64_t events_seen() const { return events_seen_; }

 private:
  std::string hub_url_;
  ui::CounterApp& app_;
  RunQueue& ui_;
  HubEventsOptions options_;
  std::unique_ptr<HubEvents> follower_;
  // Bumped at each follow(): what a stopped follower posted before it stopped lands and is dropped.
  std::shared_ptr<std::uint64_t> generation_ = std::make_shared<std::uint64_t>(0);
  std::uint64_t events_seen_ = 0;
};

}  // namespace hall::kiosk
