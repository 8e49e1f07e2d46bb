// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/kiosk_host.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "data_dir.h"
#include "gui/gui_window.h"
#include "hallkiosk/board_role.h"
#include "hallkiosk/counter_role.h"
#include "hallkiosk/host.h"
#include "hallkiosk/kiosk_role.h"
#include "hallkiosk/stop_signals.h"

namespace hall::kiosk {
namespace {

const char* const no_display_help =
    "hallkiosk: there is no display to show the kiosk on (%s).\n"
    "  On the kiosk itself, start it inside the X session (DISPLAY=:0).\n"
    "  To get a picture without a screen, run it under a virtual X server:\n"
    "    Xvfb :99 -screen 0 1920x1080x24 &\n"
    "    DISPLAY=:99 hallkiosk --windowed 1920x1080 --screenshot home.png\n"
    "  To list the guides without any display: hallctl catalogue list\n";

}  // namespace

int run_kiosk(const KioskOptions& options) {
  block_stop_signals();  // before the GL driver starts threads that would otherwise take SIGTERM
  const auto dir = app::resolve_data_dir(options.data_dir);
  if (auto prepared = app::prepare_data_dir(dir); !prepared) {
    // Not fatal: the screens show the catalogue's problem instead of a blank or a crash.
    std::cerr << "hallkiosk: " << prepared.error().message << "\n";
  }
  platform::WindowSpec spec;
  spec.full_screen = options.full_screen;
  spec.width = options.width;
  spec.height = options.height;
  const auto window_start = std::chrono::steady_clock::now();
  auto window = platform::GuiWindow::open(spec);
  const double window_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - window_start).count();
  if (!window) {
    std::fprintf(stderr, no_display_help, window.error().message.c_str());
    return 1;
  }
  watch_stop_signals([] { platform::GuiWindow::wake(); });
  Host host(options, std::move(*window));
  host.timings().window_ms = window_ms;
  std::unique_ptr<HostedRole> role;
  const auto role_start = std::chrono::steady_clock::now();
  if (options.role == "counter") {
    role = make_counter_role(options, host);
  } else if (options.role == "board") {
    role = make_board_role(options, dir, host);
  } else {
    role = make_kiosk_role(options, dir, host);
  }
  host.timings().role_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - role_start).count();
  return host.run(*role);
}

}  // namespace hall::kiosk
