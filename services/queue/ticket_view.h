// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a ticket's holder is told: the people ahead and the estimated wait.
#include <optional>
#include <string>

#include "common/error.h"
#include "hall/hall_config.h"
#include "queue/ticket.h"
#include "storage/sqlite.h"

namespace hall::queue {

// Waiting tickets of `group` issued on `day`.
Result<int> waiting_in_group(storage::Database& db, const std::string& group, const std::string& day);
// Windows that serve `group` and are not paused.
Result<int> open_windows_for(storage::Database& db, const HallConfig& hall, const std::string& group);
// The wait for someone with `ahead` people before them in `group`.
Result<std::optional<int>> estimate_for_group(storage::Database& db, const HallConfig& hall, const std::string& group,
                                              int ahead);
// `ahead` counts the waiting tickets of the same group that come first: the priority tier before the
// normal one, then the smaller place (the fairness rule is left out of this count).
Result<TicketView> make_view(storage::Database& db, const HallConfig& hall, const Ticket& t);

}  // namespace hall::queue
