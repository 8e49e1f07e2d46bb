// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the hall board shows, as plain data: the windows and the number at each, the last calls,
// the waiting count per group, and the state of the link to the hub and of the voice. Pure: the
// board role fills it from the hub's answers and events, the screens only read it.
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "queue/event_log.h"

namespace hall::ui {

using SteadyTime = std::chrono::steady_clock::time_point;

struct BoardWindow {
  std::string id;
  int number = 0;
  std::string name, name_en;
  bool paused = false;
  std::string ticket;        // the number called or served there; empty: idle
  bool serving = false;      // started (the visitor has come)
  SteadyTime called_at{};    // of `ticket`, for the highlight
};

struct BoardGroup {
  std::string id, letter, name, name_en;
  int waiting = 0;
  std::optional<int> estimated_wait_s;
};

struct BoardCall {
  std::int64_t event_id = 0;
  std::string ticket, window_id;
  bool recall = false;
  SteadyTime at{};
};

// The hall as GET /api/v1/hall gives it.
struct BoardHall {
  std::string name, name_en;
  std::vector<BoardWindow> windows;  // number, names; no state
  std::vector<BoardGroup> groups;    // names; no counts
};

// GET /api/v1/queue.
struct BoardQueue {
  struct Window {
    std::string id, state, ticket, ticket_state;  // state: open, busy, paused
  };
  struct Group {
    std::string id;
    int waiting = 0;
    std::optional<int> estimated_wait_s;
  };
  std::vector<Window> windows;
  std::vector<Group> groups;
};

struct BoardLinkView {
  bool connected = false;
  bool ever_connected = false;
  bool refused = false;      // the hub turned this board's token away
  SteadyTime since{};        // of the current state
};

struct BoardModel {
  bool have_hall = false;
  bool sample = false;  // made-up windows, for pictures; marked on screen
  std::string name, name_en;
  std::vector<BoardWindow> windows;
  std::vector<BoardGroup> groups;
  std::deque<BoardCall> calls;  // newest first
  BoardLinkView link;
  std::string speech_problem;  // non-empty: 语音播报不可用
  std::string setup_command;   // non-empty: this board has no device token; the command that makes one

  static constexpr std::size_t kept_calls = 12;

  void set_hall(const BoardHall& hall);
  // The snapshot wins for every window and group it names.
  void set_queue(const BoardQueue& queue);
  // One hub event, at `now`; true when the screen changes. A replayed id changes nothing.
  bool apply(const queue::QueueEvent& event, SteadyTime now);

  BoardWindow* window(const std::string& id);
  const BoardWindow* window(const std::string& id) const;
  BoardGroup* group(const std::string& id);
};

// Made-up windows, calls and counts in the demo hall's style, for pictures without a hub.
BoardModel sample_board(SteadyTime now);

}  // namespace hall::ui
