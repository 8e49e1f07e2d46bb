// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs the real hallkiosk binary for the GUI tests, on a hall data folder built like the demo hall.
#include <string>
#include <vector>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace hall::test {

// Fills `dir` like the demo hall: hall.json (with `hall_name` instead of the demo's name when
// given) and catalogue.db with the demo catalogue imported. Returns the folder.
std::string make_demo_hall(const TempDir& dir, const std::string& hall_name = {});

// hallkiosk with `args`, DISPLAY set to `display` (empty: DISPLAY unset), and LeakSanitizer told
// about the third-party leaks in tests/lsan.supp (harmless in a build without sanitizers).
ProcessResult run_hallkiosk(const std::string& display, const std::vector<std::string>& args);

// The number after `prefix` in `text` (first occurrence), or -1.
long number_after(const std::string& text, const std::string& prefix);

}  // namespace hall::test
