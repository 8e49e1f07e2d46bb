// SPDX-License-Identifier: Apache-2.0
#include "queue/transitions.h"

namespace hall::queue {

const char* to_string(Move m) {
  switch (m) {
    case Move::call:
      return "call";
    case Move::recall:
      return "recall";
    case Move::start:
      return "start";
    case Move::finish:
      return "finish";
    case Move::no_show:
      return "mark as no-show";
    case Move::cancel:
      return "cancel";
    case Move::transfer:
      return "transfer";
    case Move::reactivate:
      return "re-activate";
    case Move::rate:
      return "rate";
  }
  return "change";
}

bool allowed(TicketState from, Move move) {
  using S = TicketState;
  switch (move) {
    case Move::call:
      return from == S::waiting;
    case Move::recall:
    case Move::start:
    case Move::no_show:
      return from == S::called;
    case Move::finish:
      return from == S::serving;
    case Move::cancel:
      return from == S::waiting || from == S::called;
    case Move::transfer:
      return from == S::called || from == S::serving;
    case Move::reactivate:
      return from == S::no_show;
    case Move::rate:
      return from == S::done;
  }
  return false;
}

QueueResult<void> check_move(const Ticket& ticket, Move move) {
  if (allowed(ticket.state, move)) return {};
  return refuse(Refusal::wrong_state, "ticket " + ticket.number + " is " + to_string(ticket.state) + ": it cannot " +
                                          to_string(move) + " from that state");
}

}  // namespace hall::queue
