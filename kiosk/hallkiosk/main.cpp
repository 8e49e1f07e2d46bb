// SPDX-License-Identifier: Apache-2.0
// hallkiosk: the visitor kiosk. Everything is wired in kiosk_host.cpp; this only reads the
// command line and turns a programmer's mistake into a plain message.
#include <exception>
#include <iostream>

#include "hallkiosk/kiosk_host.h"
#include "hallkiosk/options.h"

int main(int argc, char** argv) {
  try {
    auto options = hall::kiosk::parse_options(argc, argv);
    if (!options) {
      std::cerr << "hallkiosk: " << options.error().message << "\n";
      return 2;
    }
    if (options->help) {
      std::cout << hall::kiosk::help_text;
      return 0;
    }
    return hall::kiosk::run_kiosk(*options);
  } catch (const std::exception& e) {
    std::cerr << "hallkiosk: internal error: " << e.what() << "\n";
    return 1;
  }
}
