// SPDX-License-Identifier: Apache-2.0
#pragma once
// The clerk's counter (role `counter`): sign in at this window, call, recall, start, finish, mark
// a no-show, transfer, pause; tick the visitor's materials; see the queue and today's figures.
// One implementation of ui::App; every request goes to the CounterPort, whose answers arrive
// between frames, so nothing here waits on the hub.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/clock.h"
#include "counter/counter_port.h"
#include "counter/counter_slips.h"

namespace hall::ui {

struct CounterSettings {
  std::string window;  // W3: the window this counter stands at
  std::string language = "zh-CN";
  // The io.KeysDown index of F1 (F2..F8 follow it), as the host's backend fills KeysDown (GLFW:
  // GLFW_KEY_F1; F8 opens 补打其他号). ImGui 1.86 has no named F-keys. -1: no shortcuts.
  int f1_key = -1;
  // How often the window's state is read again while the hub's events arrive (a safety net: each
  // event reads it at once) ...
  std::chrono::milliseconds refresh_every{20'000};
  // ... and while they do not (no follower, its stream lost) or the hub did not answer.
  std::chrono::milliseconds retry_every{2'500};
};

class CounterApp final : public App {
 public:
  CounterApp(std::string strings_zh, std::string strings_en, CounterSettings settings, const Clock& wall_clock);
  ~CounterApp() override;
  CounterApp(const CounterApp&) = delete;
  CounterApp& operator=(const CounterApp&) = delete;

  // The hub's port; it must outlive the app (or be unset with nullptr first). Without one the
  // sign-in says the counter cannot reach the hub.
  void set_port(CounterPort* port);
  // Paper from the counter (补打凭条, 补打其他号, 一次性告知单); without one neither the strip nor
  // 补打其他号 is shown. It must
  // outlive the app (or be unset with nullptr first).
  void set_slip_port(CounterSlipPort* port);
  // Asks the hub for the window's state at the next frame (an event said something changed).
  void refresh();
  // The hub's event stream changed state; each new connection reads the window's state again
  // (events missed while it was down would have changed it).
  void set_link(const CounterLink& link);
  const CounterLink& link() const;

  // ui::App. Screen specs: "sign-in", "work" (only once signed in); and sample states for pictures
  // without a hub, marked as samples on screen: "sample:called", "sample:serving", "sample:idle",
  // "sample:paused", "sample:transfer", "sample:unreachable", "sample:sending", "sample:wrong-pin",
  // "sample:locked", "sample:long-list" (a service with many materials),
  // "sample:live-lost" (the hub answers, its event stream does not), and the 补打其他号 dialog:
  // "sample:reprint" (asked for), "sample:reprint-unknown" (no such number today),
  // "sample:reprint-refused" (the hub's words).
  bool open(std::string_view spec) override;
  bool build_fonts(ImFontAtlas& atlas, const FontFile& font) override;
  bool fonts_dirty() const override;
  void draw(SteadyTime now) override;
  bool animating() const override;
  SteadyTime next_wake(SteadyTime now) const override;
  std::string glyph_text() const override;
  // "sign-in" or "work" (with ":transfer" or ":reprint" while that dialog is open).
  std::string current_screen() const override;
  // Targets: "sign_in:staff", "sign_in:pin", "key:<c>", "pad:0".."pad:9", "pad:backspace",
  // "pad:clear", "sign_in:submit", "action:F1".."action:F7", "check:<i>", "transfer:group:<id>",
  // "transfer:window:<id>", "transfer:cancel", "counter:sign_out", "counter:reprint", "counter:notice",
  // "counter:reprint_other" (F8, the 补打其他号 dialog), and in it "reprint:<letter>", "reprint:0".."reprint:9",
  // "reprint:backspace", "reprint:clear", "reprint:send", "reprint:close".
  const std::vector<TouchTarget>& touch_targets() const override;
  const std::string& missing_glyphs() const override;

  // For tests and the role: what the counter holds now.
  bool signed_in() const;
  bool sending() const;      // an action (or the sign-in) is on its way
  bool unreachable() const;  // the last request got no answer
  bool unsure() const;       // an action's answer was lost and the hub not yet read again
  const CounterSnapshot* snapshot() const;
  // How many reads of the window's state (not actions) have been answered, or found no answer.
  std::uint64_t reads_answered() const;
  // The current ticket's ticks, one per material.
  std::vector<bool> checks() const;
  const SlipNote& slip_note() const;
  const SlipNote& reprint_note() const;  // the 补打其他号 dialog's last answer

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hall::ui
