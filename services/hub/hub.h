// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall hub: ../shared/spec/hub-api.md's endpoints as handlers over the queue. Pure: it answers
// Requests with Responses (common/http_router.h); platform/http's server carries them over sockets,
// and a kiosk with the hub inside calls the same router in-process.
//
// Every handler: authenticate, read the body (known fields only), lease a lane, run one queue
// command (one transaction), answer. A refusal is a value all the way to its JSON error.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "common/error.h"
#include "common/http_router.h"
#include "hub/event_bell.h"
#include "hub/hub_setup.h"
#include "hub/issue_batcher.h"
#include "hub/queue_lanes.h"

namespace hall::hub {

// Who is calling, proven by a bearer token: a device (kiosk, board) or a staff session.
struct Caller {
  std::optional<queue::Device> device;
  std::optional<queue::Session> session;
};

class Hub {
 public:
  static Result<std::unique_ptr<Hub>> open(HubSetup setup);
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  // The hub's routes. The router refers to this hub, which must outlive it.
  http::Router router();

  // The hub's own address (http://ADDR:PORT), the default base of a ticket's status URL when
  // hall.json names no public_base_url. Set once the server listens.
  void set_own_address(const std::string& url);
  std::string status_base() const;

  const HallConfig& hall() const { return setup_.hall; }
  const TimeZone& zone() const { return setup_.zone; }
  const Clock& clock() const { return *setup_.clock; }
  EventBell& bell() { return bell_; }
  IssueBatcher& issuer() { return issuer_; }
  QueueLanes::Lease lane() { return lanes_.acquire(); }
  // Held by a handler for its whole write command, taken after its lane. Writers queue here, in
  // order and without sleeping, instead of in SQLite's busy handler, which backs off with sleeps of
  // up to 100 ms and made a rush of 50 kiosks wait seconds for a lock free most of that time.
  std::unique_lock<std::mutex> write_lock() { return std::unique_lock(writer_); }
  std::optional<GuideBrief> guide(const std::string& id) const;
  std::optional<NoticeBrief> notice(const std::string& id, Date today) const;
  std::string printer_state() const;
  void reprint_requested(const std::string& device_id) const {
    if (setup_.reprint_requested) setup_.reprint_requested(device_id);
  }

 private:
  explicit Hub(HubSetup setup) : setup_(std::move(setup)) {}

  class LockedRandom;
  HubSetup setup_;
  std::unique_ptr<queue::RandomSource> random_;
  QueueLanes lanes_;
  EventBell bell_;
  IssueBatcher issuer_;
  std::mutex writer_;
  mutable std::mutex address_mutex_;
  std::string own_address_;
};

// A bearer token as a device or a staff session; 401 unauthenticated when it stands for neither.
queue::QueueResult<Caller> authenticate(Lane& lane, const http::Request& request);

// The routes by area; each adds its endpoints to `router`.
void add_ticket_routes(http::Router& router, Hub& hub);
void add_counter_routes(http::Router& router, Hub& hub);
void add_board_routes(http::Router& router, Hub& hub);
void add_phone_routes(http::Router& router, Hub& hub);
void add_print_routes(http::Router& router, Hub& hub);
void add_notice_routes(http::Router& router, Hub& hub);

}  // namespace hall::hub
