// SPDX-License-Identifier: Apache-2.0
#include "queue/ticket.h"

namespace hall::queue {

const char* to_string(TicketState s) {
  switch (s) {
    case TicketState::waiting:
      return "waiting";
    case TicketState::called:
      return "called";
    case TicketState::serving:
      return "serving";
    case TicketState::done:
      return "done";
    case TicketState::no_show:
      return "no_show";
    case TicketState::cancelled:
      return "cancelled";
  }
  return "unknown";
}

std::optional<TicketState> ticket_state_of(std::string_view name) {
  for (const auto s : {TicketState::waiting, TicketState::called, TicketState::serving, TicketState::done,
                       TicketState::no_show, TicketState::cancelled}) {
    if (name == to_string(s)) return s;
  }
  return std::nullopt;
}

}  // namespace hall::queue
