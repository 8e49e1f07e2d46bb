// SPDX-License-Identifier: Apache-2.0
#pragma once
// Group commit for the morning rush: tickets asked for at the same moment are issued in one
// transaction with one fsync. Whoever asks while no batch is running leads: it issues everything
// waiting (its own request among them), then the next lot that piled up during its fsync, and
// hands each asker its own result. No thread of its own, no timer: a lone request is issued at once.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

#include "queue/queue_service.h"

namespace hall::hub {

class Hub;

class IssueBatcher {
 public:
  static constexpr std::size_t most_at_once = 64;
  queue::QueueResult<queue::Issued> issue(Hub& hub, const queue::IssueRequest& request);

 private:
  struct Pending {
    const queue::IssueRequest* request;
    std::optional<queue::QueueResult<queue::Issued>> result;
  };
  void lead(Hub& hub, std::unique_lock<std::mutex>& lock);

  std::mutex mutex_;
  std::condition_variable done_;
  std::deque<Pending*> waiting_;
  bool leading_ = false;
};

}  // namespace hall::hub
