// SPDX-License-Identifier: Apache-2.0
#pragma once
// The slip strip at the foot of the counter's work screen (slip_strip.cpp).
#include "counter/counter_slips.h"
#include <memory>

#include "counter/screens.h"

namespace hall::ui {

struct SlipStripView {
  bool has_ticket = false;  // a ticket is at this window: 补打凭条 is possible
  int missing = 0;          // required materials unticked: the 告知单 lists them
  const SlipNote* note = nullptr;
  slip::PrinterProblem printer = slip::PrinterProblem::none;
};

enum class SlipStripIntent { none, reprint, notice };

float slip_strip_height(const Frame& f);
SlipStripIntent draw_slip_strip(Frame& f, const SlipStripView& v, Area area);

}  // namespace hall::ui

namespace hall::ui {

// The strip with its state: the last note, and the port it asks. Lives in the CounterApp's state.
class SlipCorner {
 public:
  void set_port(CounterSlipPort* port) { port_ = port; }
  bool active() const { return port_ != nullptr; }
  CounterSlipPort* port() const { return port_; }
  const SlipNote& note() const { return note_; }
  // Draws the strip for the window's current ticket and acts on a tap (after the frame's drawing).
  void draw(Frame& f, const CounterSnapshot* snapshot, const std::vector<bool>* checks, Area area);

 private:
  void ask_reprint(const CounterTicket& t);
  void ask_notice(const CounterTicket& t, const std::vector<bool>& checks);
  std::function<void(SlipNote)> answer();

  CounterSlipPort* port_ = nullptr;
  SlipNote note_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace hall::ui
