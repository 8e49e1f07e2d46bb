// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hall::cli {

// hallctl queue stats | device add|list|revoke | staff add|list|disable|reset-pin | audit
// [--data DIR] [--json]. Parses its own options (like the sync and central verbs).
int run_queue_command(int argc, char** argv);

// True for the areas run_queue_command answers.
bool is_queue_area(const char* word);

extern const char* const queue_help;

}  // namespace hall::cli
