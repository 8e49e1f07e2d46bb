// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one host every role runs in: a window, the font atlas, the main-thread run queue and the
// event-driven loop. A role (kiosk, and next counter and board) brings a ui::App and the
// background work behind it; workers reach the UI thread only through the run queue.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "app.h"
#include "common/run_queue.h"
#include "hallkiosk/options.h"
#include "hallkiosk/timings.h"

namespace hall::platform {
class GuiWindow;
}

namespace hall::kiosk {

using Steady = std::chrono::steady_clock;

// What a role gives the host. All of it is called on the UI thread.
class HostedRole {
 public:
  virtual ~HostedRole() = default;
  virtual ui::App& app() = 0;
  // A moment the role itself must act (a scheduled guide taking effect); empty: none.
  virtual std::optional<Steady::time_point> next_wake() const { return std::nullopt; }
  // Called each time the loop wakes, before the frame.
  virtual void tick(Steady::time_point) {}
  // Work in flight whose result the screen waits for (a guide loading): --screenshot waits.
  virtual bool busy() const { return false; }
  // One line for the log once the first frame is up.
  virtual std::string ready_line() const { return {}; }
  // Stops background work before the app goes (replies would have nothing to land on).
  virtual void stop() {}
};

class Host {
 public:
  Host(const KioskOptions& options, std::unique_ptr<platform::GuiWindow> window);
  ~Host();

  RunQueue& run_queue() { return queue_; }
  Timings& timings() { return timings_; }
  // Runs `role` until the window closes, SIGTERM, the screenshot is written or the frames are done.
  int run(HostedRole& role);

 private:
  int run_loop(HostedRole& role);
  void rebuild_fonts(ui::App& app);
  void render_frame(ui::App& app);
  int shoot(ui::App& app);

  const KioskOptions& options_;
  std::unique_ptr<platform::GuiWindow> window_;
  RunQueue queue_;
  ui::FontFile font_;
  Timings timings_;
};

}  // namespace hall::kiosk
