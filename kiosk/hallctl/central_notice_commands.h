// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl central's verbs for notices (政务公开), mirroring the guides' from an administrator's
// machine: notice-submit, notice-drafts, notice-review with the 去标识化 decisions, comments on a
// draft, and the 主动公开基本目录 (catalogue).
#include <string>

#include "hallctl/command_line.h"

namespace hall::cli {

bool is_central_notice_verb(const std::string& verb);
int run_central_notice_verb(const CommandLine& cl, const std::string& verb);

extern const char* const central_notice_help;

}  // namespace hall::cli
