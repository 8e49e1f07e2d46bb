// SPDX-License-Identifier: Apache-2.0
#pragma once
// What became of each ticket's slip (printed, failed and why, reprinted for whom) and the reprints
// clerks asked for, in queue.db beside the ticket. A reprint request names the kiosk that issued
// the ticket; that kiosk asks for its open requests, prints, and reports the outcome, which closes
// the request.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct PrintRecord {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  Instant at{};
  std::string device;  // who printed (or tried)
  std::string result;  // "printed", "failed", "reprinted"
  std::string reason;  // failed
  std::string by;      // reprinted: the clerk
  int job_id = 0;
  std::optional<std::int64_t> request_id;  // reprinted: the request it answers
};

struct ReprintRequest {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::string device;  // the kiosk that is to print
  std::string by;      // the clerk
  Instant asked_at{};
  std::optional<Instant> done_at;
};

bool is_print_result(const std::string& result);

// Stores one outcome; a "reprinted" one with a request id also closes that request.
Result<std::int64_t> record_print(storage::Database& db, const PrintRecord& record);
Result<std::vector<PrintRecord>> print_records(storage::Database& db, std::int64_t ticket_id);

Result<std::int64_t> add_reprint_request(storage::Database& db, const ReprintRequest& request);
// Requests for `device` not yet reported done, oldest first.
Result<std::vector<ReprintRequest>> open_reprint_requests(storage::Database& db, const std::string& device);
Result<std::optional<ReprintRequest>> reprint_request(storage::Database& db, std::int64_t id);
// The device that issued the ticket (tickets.device_id), "" when none is known.
Result<std::string> issuing_device(storage::Database& db, std::int64_t ticket_id);

}  // namespace hall::queue
