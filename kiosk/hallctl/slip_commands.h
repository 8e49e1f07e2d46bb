// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "hallctl/command_line.h"

namespace hall::cli {

// hallctl slip render | notice render | print-test   (hallctl slip --help)
int run_slip_command(const CommandLine& cl);

extern const char* const slip_help;

}  // namespace hall::cli
