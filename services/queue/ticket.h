// SPDX-License-Identifier: Apache-2.0
#pragma once
// A queue ticket as the hall knows it: a number, a group, a state and times. No visitor's name,
// phone or id number exists anywhere in the queue.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace hall::queue {

enum class TicketState { waiting, called, serving, done, no_show, cancelled };

const char* to_string(TicketState s);
std::optional<TicketState> ticket_state_of(std::string_view name);

struct Ticket {
  std::int64_t id = 0;
  std::string day;     // the hall's local date it was issued on, "2026-12-01"
  std::string number;  // "A023"
  std::string group;   // the queue group it waits in now (a transfer changes it, never the number)
  std::string guide_id;
  std::optional<std::string> priority;  // a priority class id, or none
  TicketState state = TicketState::waiting;
  Instant issued_at;
  std::optional<Instant> called_at;  // the latest call (a recall or a call after a transfer renews it)
  std::optional<Instant> first_called_at;
  std::optional<Instant> started_at, finished_at, no_show_at;
  std::string window;         // the window that called it (kept once done, for the day's figures)
  std::string target_window;  // after a transfer to a window: only that window may call it
  int recalls = 0;
  std::string token;  // 128-bit random, hex: the phone's proof and the /t/<token> address
  double place = 0;   // sort key within its tier: the issue time, or a re-activation's slot
  std::optional<int> rating;  // 好差评 1..5 once given; written only by QueueService::rate
};

// What a caller may show of a ticket besides the ticket itself.
struct TicketView {
  Ticket ticket;
  int ahead = 0;  // waiting tickets that would be called before this one
  std::optional<int> estimated_wait_s;
  std::string status_url;  // <public_base_url>/t/<token>
};

}  // namespace hall::queue
