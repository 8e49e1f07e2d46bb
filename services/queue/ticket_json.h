// SPDX-License-Identifier: Apache-2.0
#pragma once
// A ticket and the queue as hub-api.md's JSON bodies, so the hub's handlers only route. Times are
// RFC 3339 in the hall's zone.
#include <string>

#include "common/time_zone.h"
#include "queue/queue_service.h"

namespace hall::queue {

// Staff and device view: id, number, group, guide_id, priority, state, issued_at, called_at,
// window, recalls, token, status_url, ahead, estimated_wait_s.
std::string ticket_json(const TicketView& v, const TimeZone& zone);
// The phone's view by token: number, state, ahead, estimated_wait_s, and window once called. The
// guide's name and what to bring come from the catalogue, added by the hub.
std::string public_ticket_json(const TicketView& v);
// GET /api/v1/queue: windows (state, current ticket) and groups (waiting, estimated wait).
std::string overview_json(const QueueOverview& o);

}  // namespace hall::queue
