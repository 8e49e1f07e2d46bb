// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl run through its real binary, for the test programs that define HALLCTL_PATH in CMake.
#include <string>
#include <vector>

#include "support/run_process.h"

#ifndef HALLCTL_PATH
#error "support/hallctl.h needs HALLCTL_PATH (target_compile_definitions in the test's CMakeLists)"
#endif

namespace hall::test {

// Runs `hallctl ARGS...` with `input` on its stdin and waits for it.
inline ProcessResult hallctl(std::vector<std::string> args, const std::string& input = {}) {
  args.insert(args.begin(), HALLCTL_PATH);
  return run_process(args, input);
}

}  // namespace hall::test
