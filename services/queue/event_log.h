// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue's events (issued, called, recalled ...), written in the same transaction as the change
// they tell of, so a reader resuming "after id N" (SSE's Last-Event-ID) sees no gap and no repeat.
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct QueueEvent {
  std::int64_t id = 0;
  Instant at;
  std::string kind;  // issued, called, recalled, started, finished, no_show, cancelled, transferred,
                     // reactivated, window_paused, window_resumed
  std::string ticket_number;
  std::string window;
  std::string payload;  // JSON object naming at least "number" and "window"
};

Result<std::int64_t> append_event(storage::Database& db, Instant at, const std::string& kind,
                                  const std::string& ticket_number, const std::string& window,
                                  const std::string& payload_json);
// Events with an id above `after_id`, oldest first, at most `limit`.
Result<std::vector<QueueEvent>> events_after(storage::Database& db, std::int64_t after_id, int limit);

}  // namespace hall::queue
