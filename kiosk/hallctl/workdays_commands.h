// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "hallctl/command_line.h"

namespace hall::cli {

// hallctl workdays import FILE | show [--year Y]: the hall's 工作日 calendar (hallkiosk.workdays/1)
// in its catalogue.db, from which the kiosk and the slip date a guide's promised limit.
int run_workdays_command(const CommandLine& cl);

extern const char* const workdays_help;

}  // namespace hall::cli
