// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ticket's life as a table: waiting → called → serving → done, or → no_show / cancelled;
// transfer sends a called or serving ticket back to waiting; re-activation brings a no-show back.
#include "queue/queue_error.h"
#include "queue/ticket.h"

namespace hall::queue {

enum class Move { call, recall, start, finish, no_show, cancel, transfer, reactivate, rate };

const char* to_string(Move m);
bool allowed(TicketState from, Move move);
// wrong_state naming the ticket, the move and the state, when the table says no.
QueueResult<void> check_move(const Ticket& ticket, Move move);

}  // namespace hall::queue
