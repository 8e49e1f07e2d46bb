// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl run through its real binary, for the test programs that define HALLCTL_PATH in CMake.
#include <cstdlib>
#include <string>
#include <vector>

#include "support/run_process.h"

#ifndef HALLCTL_PATH
#error "support/hallctl.h needs HALLCTL_PATH (target_compile_definitions in the test's CMakeLists)"
#endif

namespace hall::test {

// Runs `hallctl ARGS...` with `input` on its stdin and waits for it.
// Sanitizer builds: hallctl inherits the suppressions of third-party libraries' own leaks
// (fontconfig, cairo; tests/lsan.supp), whichever verb draws text.
inline ProcessResult hallctl(std::vector<std::string> args, const std::string& input = {}) {
  setenv("LSAN_OPTIONS", "suppressions=" HALL_SOURCE_ASSETS "/../tests/lsan.supp:print_suppressions=0", 0);
  args.insert(args.begin(), HALLCTL_PATH);
  return run_process(args, input);
}

}  // namespace hall::test
