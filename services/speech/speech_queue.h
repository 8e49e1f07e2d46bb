// SPDX-License-Identifier: Apache-2.0
#pragma once
// The calls waiting to be spoken, and the rules of what is spoken: pure, no thread, no clock (the
// Announcer holds one under its lock).
//
// - Calls are spoken one after the other in the order they came; none cuts another off.
// - A recall is a new event and is spoken again, like the first call.
// - An event id already offered (the hub replays events after a reconnection) is not spoken twice.
//   The last `remembered_events` ids are kept, not only the highest: a hub whose queue.db was
//   replaced starts its ids again, and its calls must still be heard.
// - A newer call of a ticket whose earlier call is still waiting takes that call's place instead of
//   queueing behind it: the visitor hears it once, with the newest window (a recall of a call not
//   yet spoken, or a transfer and call elsewhere, says nothing the waiting call would not).
// - Bounded: past `capacity` waiting calls the oldest waiting one is dropped. When calls pile up
//   (a stuck sound card, a catch-up after a long outage) the oldest is the stalest: its number is
//   on the board's screen already, and the newest calls are the ones visitors are listening for.
//   At about 5 s a call, 20 calls is more than a minute and a half of speech.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_set>

#include "speech/speech_text.h"

namespace hall::speech {

struct SpeechQueueOptions {
  std::size_t capacity = 20;
  std::size_t remembered_events = 4096;
};

enum class Admission {
  queued,            // at the back
  replaced_waiting,  // took the place of the same ticket's call that was waiting
  replayed,          // its event id was offered before: not spoken again
};

struct Offered {
  Admission admission = Admission::queued;
  std::optional<CallAnnouncement> dropped;   // the oldest waiting call, dropped to make room
  std::optional<CallAnnouncement> replaced;  // the waiting call this one took the place of
};

class SpeechQueue {
 public:
  explicit SpeechQueue(SpeechQueueOptions options = {});

  Offered offer(CallAnnouncement call);
  // The next call to speak, removed from the queue.
  std::optional<CallAnnouncement> next();

  std::size_t waiting() const { return waiting_.size(); }
  std::size_t dropped_total() const { return dropped_total_; }

 private:
  bool seen_before(std::int64_t event_id);

  SpeechQueueOptions options_;
  std::deque<CallAnnouncement> waiting_;
  std::deque<std::int64_t> seen_order_;  // oldest first, for forgetting
  std::unordered_set<std::int64_t> seen_;
  std::size_t dropped_total_ = 0;
};

const char* to_string(Admission a);

}  // namespace hall::speech
