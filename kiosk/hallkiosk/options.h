// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallkiosk's command line.
#include <chrono>
#include <string>

#include "common/error.h"

namespace hall::kiosk {

struct KioskOptions {
  std::string role = "kiosk";  // kiosk (visitors); counter and board arrive with the queue
  bool full_screen = true;
  int width = 0, height = 0;  // --windowed WxH
  std::string data_dir;       // empty: the bundled demo hall
  std::string language = "zh-CN";
  std::string screen = "home";
  std::string screenshot;  // non-empty: render, write this PNG, exit
  bool large_text = false;
  std::chrono::seconds idle_timeout{90};
  std::string hub_url;            // empty: the hub runs inside this process (counter: 127.0.0.1:8470)
  std::string window;             // counter: the window it stands at (--window W3)
  std::string device_token_file;  // with hub_url
  std::string hub_bind = "127.0.0.1";
  int hub_port = 8470;
  int frames = 0;        // > 0: render this many frames back to back, then exit (benchmarks)
  bool timings = false;  // print start-up, font and frame timings on stderr
  bool mute = false;     // board: show calls without speaking them
  std::string printer;   // the CUPS queue for slips (kiosk) or notices (counter); "" = hall.json, then the default
  bool help = false;
};

// ErrorCode::invalid_input with a message naming the option for anything it does not understand.
Result<KioskOptions> parse_options(int argc, const char* const* argv);

extern const char* const help_text;

}  // namespace hall::kiosk
