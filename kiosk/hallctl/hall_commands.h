// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "hallctl/command_line.h"

namespace hall::cli {

// hallctl hall init --data DIR [--name N --address A | --from TEMPLATE] ...
int run_hall_command(const CommandLine& cl);

extern const char* const hall_help;

}  // namespace hall::cli
