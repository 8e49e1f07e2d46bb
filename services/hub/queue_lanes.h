// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hub's connections to queue.db. A QueueService holds one SQLite connection and is used by one
// thread at a time, while the HTTP server runs handlers on many: a handler leases a lane (a queue
// service with the staff and device registries on the same connection) for the length of one
// request. Writers still queue on SQLite's write lock (BEGIN IMMEDIATE), readers do not (WAL).
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "queue/device_registry.h"
#include "queue/queue_service.h"
#include "queue/staff_registry.h"

namespace hall::hub {

struct Lane {
  queue::QueueService queue;
  queue::StaffRegistry staff;
  queue::DeviceRegistry devices;

  Lane(queue::QueueService q, const HallConfig& hall, const Clock& clock, queue::RandomSource& random,
       queue::PinCost cost)
      : queue(std::move(q)),
        staff(queue.database(), hall, clock, random, cost),
        devices(queue.database(), clock, random) {}
  Lane(const Lane&) = delete;
  Lane& operator=(const Lane&) = delete;
};

class QueueLanes {
 public:
  class Lease {
   public:
    Lease(QueueLanes& owner, Lane* lane) : owner_(&owner), lane_(lane) {}
    Lease(Lease&& other) noexcept : owner_(other.owner_), lane_(std::exchange(other.lane_, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (lane_) owner_->give_back(lane_);
    }
    Lane& operator*() const { return *lane_; }
    Lane* operator->() const { return lane_; }

   private:
    QueueLanes* owner_;
    Lane* lane_;
  };

  void add(std::unique_ptr<Lane> lane);
  // Waits for a free lane: at most as many handlers touch queue.db at once as there are lanes.
  Lease acquire();

 private:
  void give_back(Lane* lane);

  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Lane>> all_;
  std::vector<Lane*> free_;
};

}  // namespace hall::hub
