// SPDX-License-Identifier: Apache-2.0
#pragma once
// The clerk's counter as its screens see the hall hub: what the clerk asks for (sign in, an
// action on the current ticket, a fresh look at the queue) and the hub's answer, arriving later on
// the UI thread. kiosk/hallkiosk/counter_desk.cpp fills these over HTTP; the screens never wait.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace hall::ui {

struct CounterMaterial {
  std::string name, name_en;
  bool required = true;
  std::optional<int> originals, copies;
};

// The ticket this window holds (called or serving), with its guide as the hub's public view has it.
struct CounterTicket {
  std::int64_t id = 0;
  std::string number;  // A023
  std::string group;
  std::string state;  // called, serving (waiting, done ... once it has left the window)
  int recalls = 0;
  std::optional<Instant> issued_at, called_at;
  std::string guide_name, guide_name_en;  // empty: a consultation ticket
  std::string guide_id{};                  // for the 一次性告知单's guide
  std::string token{};                     // its phone page /t/<token>, the 告知单's QR code
  std::vector<CounterMaterial> materials;
};

struct GroupWaiting {
  std::string id, name, name_en;
  int waiting = 0;
  std::optional<int> estimated_wait_s;
  std::string letter{};  // its numbers' letter (A023); empty: the same as its id
};

struct WindowChoice {
  std::string id, name, name_en;
};

// GET /api/v1/windows/{w}/today: this window's figures.
struct WindowToday {
  int served = 0, no_shows = 0;
  std::optional<double> mean_wait_s, mean_service_s;
  std::optional<double> busy_share;  // of the hall's open time so far, 0..1
};

// Everything the work screen shows that the hub decides.
struct CounterSnapshot {
  std::optional<CounterTicket> current;
  bool paused = false;
  std::vector<GroupWaiting> groups;
  std::optional<WindowToday> today;
};

// Why the hub did not do what was asked, or why no answer came. The words are the hub's (its error
// `message` / `message_en`) or the desk's for a hub it could not reach.
struct CounterProblem {
  enum class Kind {
    unreachable,   // no answer (refused, cut, timed out) or a 5xx; what happened was re-read if it could be
    signed_out,    // 401: the session is unknown, ended or expired; sign in again
    wrong_pin,     // sign-in refused: staff id or PIN wrong
    locked,        // 423: too many wrong PINs; retry_after_s says how long
    refused,       // any other 4xx: wrong_state, forbidden, not_found ...
  };
  Kind kind = Kind::unreachable;
  std::string message, message_en;
  int retry_after_s = 0;       // locked
  std::optional<int> attempts_left;  // wrong_pin, when the hub says
};

struct CounterSignIn {
  std::string staff_id, pin;
};

struct SignedIn {
  std::string staff_id, name, window;
  std::string window_name, window_name_en;
  std::vector<WindowChoice> windows;  // every other window of the hall, for 转窗口
  std::vector<GroupWaiting> groups;   // names of the hall's groups, for 转类别
  CounterSnapshot snapshot;
};

enum class CounterAction { call_next, recall, start, finish, no_show, transfer, pause, resume };

struct CounterCommand {
  CounterAction action = CounterAction::call_next;
  std::int64_t ticket_id = 0;       // every action on a ticket
  std::string to_group, to_window;  // transfer: exactly one
};

// What became of an action: the hub's snapshot after it (also after a lost answer: the desk
// re-reads the window's state instead of sending again), and the problem if it was not done.
struct CounterOutcome {
  CounterSnapshot snapshot;
  bool snapshot_fresh = false;  // false: the hub could not be read; keep showing the last one
  std::optional<CounterProblem> problem;
  bool none_waiting = false;  // call-next answered 204
  bool answer_lost = false;   // no answer came; `snapshot` (when fresh) says what the hub holds now
};

// The hub's event stream as the counter follows it (kiosk/hallkiosk/counter_feed.cpp): while it
// is connected the counts and the window follow each event at once; while it is not, the counter
// falls back on reading the hub every few seconds and the banner says so.
struct CounterLink {
  enum class Phase {
    off,           // not following (signed out, or no follower at all)
    connecting,    // the first connection of this session, not made yet
    connected,     // events arrive
    reconnecting,  // lost; trying again
    refused,       // the hub refused the session's token on the stream
  };
  Phase phase = Phase::off;
  int attempts = 0;  // failed attempts since the last connection
};

template <typename T>
struct CounterResult {
  std::optional<T> value;
  std::optional<CounterProblem> problem;
};

// The hub's port for the counter. Each call answers exactly once, on the UI thread; the app sends
// one at a time (buttons are disabled while one is out). Nothing here is resent blindly.
class CounterPort {
 public:
  virtual ~CounterPort() = default;
  // POST /api/v1/sessions at this counter's window, then the window's state.
  virtual void sign_in(const CounterSignIn& who, std::function<void(CounterResult<SignedIn>)> reply) = 0;
  virtual void act(const CounterCommand& command, std::function<void(CounterOutcome)> reply) = 0;
  // GET /api/v1/sessions/current, /queue and /windows/{w}/today.
  virtual void refresh(std::function<void(CounterOutcome)> reply) = 0;
  // DELETE /api/v1/sessions/current; the session is forgotten whatever the hub says.
  virtual void sign_out(std::function<void()> reply) = 0;
};

}  // namespace hall::ui
