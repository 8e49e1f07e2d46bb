// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "hallctl/command_line.h"

namespace hall::cli {

// hallctl notice validate|scan FILE: the 政务公开 notices (hallkiosk.notice/1). `notice render`
// stays the slip's 一次性告知单 (slip_commands).
bool is_notice_format_verb(const CommandLine& cl);
int run_notice_command(const CommandLine& cl);

extern const char* const notice_help;

}  // namespace hall::cli
