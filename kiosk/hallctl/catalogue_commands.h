// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "hallctl/command_line.h"

namespace hall::cli {

// hallctl catalogue validate|import|list|show|search|export ...
int run_catalogue_command(const CommandLine& cl);

extern const char* const catalogue_help;

}  // namespace hall::cli
