// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/counter_feed.h"

#include <iostream>

namespace hall::kiosk {
namespace {

ui::CounterLink counter_link_of(const HubLinkState& s) {
  using P = HubLinkState::Phase;
  using Q = ui::CounterLink::Phase;
  switch (s.phase) {
    case P::connecting:
      return {Q::connecting, s.attempts};
    case P::connected:
      return {Q::connected, 0};
    case P::reconnecting:
      return {Q::reconnecting, s.attempts};
    case P::refused:
      return {Q::refused, s.attempts};
  }
  return {};
}

}  // namespace

CounterFeed::CounterFeed(std::string hub_url, ui::CounterApp& app, RunQueue& ui, HubEventsOptions follow)
    : hub_url_(std::move(hub_url)), app_(app), ui_(ui), options_(std::move(follow)) {}

CounterFeed::~CounterFeed() {
  if (follower_) follower_->stop();
}

void CounterFeed::follow(const std::string& session) {
  if (follower_) follower_->stop();  // returns promptly: its connect, read or wait is cut
  follower_.reset();
  const std::uint64_t mine = ++*generation_;
  if (session.empty()) {
    app_.set_link({});
    return;
  }
  HubEventsOptions o = options_;
  o.hub_url = hub_url_;
  o.token = session;
  o.after.reset();  // from now on: the sign-in has just read the window's state
  std::weak_ptr<std::uint64_t> gen = generation_;
  const auto current = [gen, mine] {
    const auto g = gen.lock();
    return g && *g == mine;
  };
  follower_ = std::make_unique<HubEvents>(
      o,
      [this, current](const queue::QueueEvent&) {
        ui_.post([this, current] {
          if (!current()) return;
          ++events_seen_;
          app_.refresh();
        });
      },
      [this, current](const HubLinkState& s) {
        ui_.post([this, current, s] {
          if (!current()) return;
          if (s.phase == HubLinkState::Phase::connected) {
            std::cerr << "hallkiosk: counter: following the hub's events at " << hub_url_ << "\n";
          } else if (s.attempts == 1 || s.attempts % 20 == 0) {
            std::cerr << "hallkiosk: counter: hub events " << to_string(s.phase) << ": " << s.problem << "\n";
          }
          app_.set_link(counter_link_of(s));
        });
      });
  app_.set_link({ui::CounterLink::Phase::connecting, 0});
  follower_->start();
}

}  // namespace hall::kiosk
