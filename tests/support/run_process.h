// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hall::test {

struct ProcessResult {
  int exit_code = -1;  // -1: killed by a signal
  std::string out, err;
};

// Runs a program (no shell), with `input` on its stdin, and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace hall::test
