// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hall::cli {

// hallctl sync --once --url URL | --status | --trust FILE  [--data DIR] [--json]
// Parses its own options (like the central verbs).
int run_sync_command(int argc, char** argv);

extern const char* const sync_help;

}  // namespace hall::cli
