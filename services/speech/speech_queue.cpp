// SPDX-License-Identifier: Apache-2.0
#include "speech/speech_queue.h"

#include <algorithm>
#include <utility>

namespace hall::speech {

SpeechQueue::SpeechQueue(SpeechQueueOptions options) : options_(options) {
  options_.capacity = std::max<std::size_t>(options_.capacity, 1);
}

bool SpeechQueue::seen_before(std::int64_t event_id) {
  if (event_id == 0) return false;  // not from an event: nothing to replay
  if (!seen_.insert(event_id).second) return true;
  seen_order_.push_back(event_id);
  if (seen_order_.size() > options_.remembered_events) {
    seen_.erase(seen_order_.front());
    seen_order_.pop_front();
  }
  return false;
}

Offered SpeechQueue::offer(CallAnnouncement call) {
  if (seen_before(call.event_id)) return {Admission::replayed, std::nullopt, std::nullopt};
  const auto same_ticket = std::ranges::find(waiting_, call.ticket_number, &CallAnnouncement::ticket_number);
  if (same_ticket != waiting_.end()) {
    Offered result{Admission::replaced_waiting, std::nullopt, std::move(*same_ticket)};
    *same_ticket = std::move(call);
    return result;
  }
  Offered result;
  if (waiting_.size() >= options_.capacity) {
    result.dropped = std::move(waiting_.front());
    waiting_.pop_front();
    ++dropped_total_;
  }
  waiting_.push_back(std::move(call));
  return result;
}

std::optional<CallAnnouncement> SpeechQueue::next() {
  if (waiting_.empty()) return std::nullopt;
  CallAnnouncement call = std::move(waiting_.front());
  waiting_.pop_front();
  return call;
}

const char* to_string(Admission a) {
  switch (a) {
    case Admission::queued:
      return "queued";
    case Admission::replaced_waiting:
      return "replaced_waiting";
    case Admission::replayed:
      return "replayed";
  }
  return "?";
}

}  // namespace hall::speech
