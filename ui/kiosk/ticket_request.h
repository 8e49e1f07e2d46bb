// SPDX-License-Identifier: Apache-2.0
#pragma once
// 取号 as the kiosk's screens see it: a request, and the hub's answer arriving later on the UI
// thread. The queue (services/queue, the hub) fills these; the screens never wait for them.
#include <functional>
#include <optional>
#include <string>

#include "kiosk/kiosk_catalogue.h"

namespace hall::ui {

struct TicketRequest {
  std::string guide_id;  // empty: a consultation ticket for the hall's default group
  std::string priority;  // a priority class id, or empty
};

struct IssuedTicket {
  std::string number;      // A023
  std::string group;       // A
  std::string status_url;  // what the QR code encodes
  int ahead = 0;
  std::optional<int> estimated_wait_s;
};

// Asks the hub for a ticket; `reply` runs on the UI thread with the ticket or why there is none.
using TakeNumber = std::function<void(const TicketRequest& request, Reply<IssuedTicket> reply)>;

struct TicketState {
  enum class Phase { none, sending, issued, failed };
  Phase phase = Phase::none;
  TicketRequest request;
  std::optional<IssuedTicket> ticket;
  std::string problem;  // why none was issued, in words for the visitor
};

}  // namespace hall::ui
