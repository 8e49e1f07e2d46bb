// SPDX-License-Identifier: Apache-2.0
#include "hub/queue_lanes.h"

namespace hall::hub {

void QueueLanes::add(std::unique_ptr<Lane> lane) {
  std::lock_guard lock(mutex_);
  free_.push_back(lane.get());
  all_.push_back(std::move(lane));
}

QueueLanes::Lease QueueLanes::acquire() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [&] { return !free_.empty(); });
  Lane* lane = free_.back();
  free_.pop_back();
  return Lease(*this, lane);
}

void QueueLanes::give_back(Lane* lane) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(lane);
  }
  freed_.notify_one();
}

}  // namespace hall::hub
