// SPDX-License-Identifier: Apache-2.0
#pragma once
// The counter's screens, one file each. A screen draws from the CounterView and returns what the
// clerk asked for as a CounterIntent; CounterApp acts on it after the frame. No screen does I/O.
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "counter/counter_port.h"
#include "counter/counter_slips.h"
#include "widgets/frame.h"
#include "widgets/touch_list.h"

namespace hall::ui {

struct CounterIntent {
  enum class Kind {
    none,
    key,            // sign-in keypad: arg "0".."9", a letter, "backspace", "clear"
    focus,          // sign-in: arg "staff" or "pin"
    submit,         // sign-in: 登录
    act,            // an action button or its F-key
    toggle_check,   // the checklist: index of the material
    open_transfer,  // F6: the dialog listing groups and windows
    close_transfer,
    open_reprint,  // F8 补打其他号: the dialog with its keypad for any of today's numbers
    reprint_key,   // the dialog's keypad: arg the number as typed now
    send_reprint,  // the dialog's 发送补打 or Enter: arg the number
    close_reprint,
    sign_out,
  };
  Kind kind = Kind::none;
  std::string arg{};
  CounterAction action = CounterAction::call_next;
  int index = 0;
  std::string to_group{}, to_window{};
  explicit operator bool() const { return kind != Kind::none; }
};

struct Area {
  ImVec2 pos, size;
};

// What the screens read: the app's state, derived afresh each frame.
struct CounterView {
  std::string window;  // W3
  std::string window_name;
  // Sign-in.
  std::string staff_id, pin;
  bool pin_focused = false;
  bool signing_in = false;
  std::optional<CounterProblem> sign_in_problem;
  int locked_minutes = 0;  // > 0: locked; minutes still to wait
  // Work.
  const SignedIn* who = nullptr;
  const CounterSnapshot* snapshot = nullptr;
  const std::vector<bool>* checks = nullptr;  // the current ticket's ticked materials
  Instant wall_now{};
  bool sending = false;       // an action is on its way: every action button is disabled
  CounterAction sending_action = CounterAction::call_next;
  bool unreachable = false;   // the last request got no answer; the banner shows
  bool unsure = false;        // an action's answer was lost and the hub's state not yet re-read
  bool none_waiting = false;  // the last call-next found nobody waiting
  std::optional<CounterProblem> problem;  // the last refusal, in the hub's words
  bool sample = false;        // a picture's sample state, marked on screen
  CounterLink link;           // the hub's event stream
  ScrollState* checklist_scroll = nullptr;  // the app's: where the checklist is scrolled to
  // 补打其他号: offered while paper can be asked for (a slip port); the dialog while open.
  bool can_reprint = false;
  bool reprint_open = false;
  std::string reprint_number;              // typed so far
  const SlipNote* reprint_note = nullptr;  // what became of the last one sent from the dialog
  std::vector<std::string> letters;        // the hall's group letters, for the keypad
};

// Which actions the ticket's state (and the window's) allows now.
bool action_allowed(const CounterView& v, CounterAction a);
// "F1" .. "F7" for an action (pause and resume share F7).
const char* action_key_label(CounterAction a);
const char* action_label_key(CounterAction a);  // the i18n key of its name
int missing_required(const CounterTicket& t, const std::vector<bool>& checks);

// ---- counter_bar.cpp: the window, the clerk, the hub's state, 签退.
float counter_bar_height(const Frame& f);
CounterIntent draw_counter_bar(Frame& f, const CounterView& v);
// ---- hub_banner.cpp: below the bar while the hub does not answer; returns its height.
float draw_hub_banner(Frame& f, const CounterView& v, Area area);
// ---- sign_in_screen.cpp: staff id and PIN on a keypad.
CounterIntent draw_sign_in(Frame& f, const CounterView& v, Area area);
// ---- work_screen.cpp: the current ticket, the actions, the checklist, the counts, today.
CounterIntent draw_work(Frame& f, const CounterView& v, Area area);
// ---- ticket_card.cpp: the current ticket (or that there is none), at the cursor.
void draw_ticket_card(Frame& f, const CounterView& v, ImVec2 size);
// ---- action_pad.cpp: the action buttons with their F-keys, in `cols` columns.
CounterIntent draw_action_pad(Frame& f, const CounterView& v, ImVec2 size, int cols);
// ---- checklist_panel.cpp: the guide's materials, tickable.
CounterIntent draw_checklist(Frame& f, const CounterView& v, ImVec2 size);
// ---- queue_panel.cpp: waiting per group and this window's figures for today.
void draw_queue_panel(Frame& f, const CounterView& v, ImVec2 size);
// Its content's height at `width` (wide: the two sections side by side).
float queue_panel_height(const Frame& f, const CounterView& v, float width);
// ---- transfer_dialog.cpp: over the work screen, groups and windows to send the ticket to.
CounterIntent draw_transfer_dialog(Frame& f, const CounterView& v);
// ---- reprint_dialog.cpp: over the work screen, 补打其他号: any of today's numbers on a keypad,
// sent as a reprint, and the hub's answer.
CounterIntent draw_reprint_dialog(Frame& f, const CounterView& v);
// The words for what became of a reprint asked from the dialog ("" while none was sent).
std::string reprint_answer_text(const Frame& f, const SlipNote& n);

}  // namespace hall::ui
