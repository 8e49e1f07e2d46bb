// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the hub's route files share: the caller checks, a ticket as its JSON answer, and the
// refusals that need the hub to say more than the reason (the state, when the hall opens).
#include <optional>
#include <string>

#include "common/http_message.h"
#include "hub/hub.h"
#include "queue/queue_service.h"

namespace hall::hub {

// The caller when it is a device of `role`; else the refusal to answer (401, 403).
std::expected<queue::Device, http::Response> require_device(Lane& lane, const http::Request& r,
                                                            queue::DeviceRole role);
// The caller when it is a staff session (a manager too when `manager_only`); else 401/403.
std::expected<queue::Session, http::Response> require_staff(Lane& lane, const http::Request& r,
                                                            bool manager_only = false);
// A board, or any staff session: who may read the queue and its events.
std::expected<Caller, http::Response> require_reader(Lane& lane, const http::Request& r);

// The staff and device view, its status URL on the hub's base.
std::string ticket_body(const Hub& hub, queue::TicketView v);
// The public view by token: number, state, ahead, wait, window once called, rated, the guide's
// name and what to bring.
std::string public_ticket_body(const Hub& hub, const queue::TicketView& v);

// A refused command as its answer; for wrong_state the message names the ticket's state now, for
// closed it says when the hall opens again.
http::Response refused(Hub& hub, Lane& lane, const queue::QueueError& why, std::optional<std::int64_t> ticket_id = {});

// A ticket token from the path as the hub makes them (32 lower-case hex digits); anything else is
// answered as unknown without a query.
bool plausible_token(const std::string& token);

// A queue group by its id or its letter ("A"), as kiosks and people name it.
const QueueGroup* find_group(const HallConfig& hall, const std::string& name);

// The token after "Bearer " in Authorization; empty when there is none.
std::string bearer_token(const http::Request& request);

// A ticket id from the path: digits only; nullopt for anything else (answered 404).
std::optional<std::int64_t> ticket_id_of(const std::string& text);

}  // namespace hall::hub
