// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paper from the counter: a reprint of a ticket's slip (the kiosk that issued it prints it again)
// and the 一次性告知单 of what the visitor still has to bring, printed on the counter's own printer.
// kiosk/hallkiosk/counter_slips.cpp fills this port; its answers arrive on the UI thread.
#include <functional>
#include <string>
#include <vector>

#include "counter/counter_port.h"
#include "slip/printer.h"

namespace hall::ui {

// What became of the last paper the clerk asked for, in words for the clerk.
struct SlipNote {
  enum class Phase { none, sending, done, failed };
  Phase phase = Phase::none;
  std::string message, message_en;  // the hub's or the printer's words when it failed
  std::string number;               // the ticket it was for
  bool notice = false;              // a 告知单 (else a reprint)
  bool unknown = false;             // failed: no ticket of that number was issued today (the hub's 404)
};

class CounterSlipPort {
 public:
  virtual ~CounterSlipPort() = default;
  // POST /api/v1/reprints {"number"} as the signed-in clerk: any of today's tickets, reprinted by
  // the kiosk that issued it (补打凭条 for the current one, 补打其他号 for any other).
  virtual void reprint(const std::string& number, std::function<void(SlipNote)> reply) = 0;
  // Lays out and prints the 告知单 of `ticket` listing `missing` (the unticked materials).
  virtual void print_notice(const CounterTicket& ticket, const std::vector<CounterMaterial>& missing,
                            std::function<void(SlipNote)> reply) = 0;
  // The counter's printer as last looked at (none: it can print).
  virtual slip::PrinterProblem printer_problem() const = 0;
};

}  // namespace hall::ui
