// SPDX-License-Identifier: Apache-2.0
#include "hub/issue_batcher.h"

#include <vector>

#include "hub/hub.h"

namespace hall::hub {

queue::QueueResult<queue::Issued> IssueBatcher::issue(Hub& hub, const queue::IssueRequest& request) {
  Pending mine{&request, std::nullopt};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&mine);
  while (!mine.result) {
    if (!leading_) {
      lead(hub, lock);
    } else {
      done_.wait(lock);
    }
  }
  return std::move(*mine.result);
}

void IssueBatcher::lead(Hub& hub, std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  while (!waiting_.empty()) {
    std::vector<Pending*> batch;
    while (!waiting_.empty() && batch.size() < most_at_once) {
      batch.push_back(waiting_.front());
      waiting_.pop_front();
    }
    lock.unlock();
    std::vector<queue::IssueRequest> requests;
    requests.reserve(batch.size());
    for (const auto* p : batch) requests.push_back(*p->request);
    std::vector<queue::QueueResult<queue::Issued>> results;
    {
      auto lane = hub.lane();
      auto writing = hub.write_lock();
      results = lane->queue.issue_all(requests);
    }
    lock.lock();
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
    done_.notify_all();
  }
  leading_ = false;
  done_.notify_all();  // a follower whose request came after the last batch leads next
}

}  // namespace hall::hub
