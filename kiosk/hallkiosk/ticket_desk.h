// SPDX-License-Identifier: Apache-2.0
#pragma once
// 取号 behind the kiosk's screens: a TakeNumber that asks the hub on a worker and answers on the UI
// thread. One tap is one Idempotency-Key, so a retry after a lost answer returns the ticket the hub
// already holds instead of a second one; a hub that cannot be reached gives no number at all.
#include "common/run_queue.h"
#include "common/worker_pool.h"
#include "hallkiosk/hub_link.h"
#include "kiosk/ticket_request.h"

namespace hall::kiosk {

// `link`, `worker` and `ui` must outlive every call of the returned functions.
ui::TakeNumber make_take_number(HubLink& link, WorkerPool& worker, RunQueue& ui);
// 过号了？: the number a visitor typed, re-activated by the hub (POST /api/v1/reactivations).
ui::ReactivateNumber make_reactivate_number(HubLink& link, WorkerPool& worker, RunQueue& ui);

// The hub's answer to POST /api/v1/tickets (or /reactivations) as a ticket, or the refusal in the
// visitor's words, zh and en, with its kind (unreachable, closed, not found, refused).
ui::TicketResult issued_ticket_of(const Result<http::Response>& answer);

}  // namespace hall::kiosk
