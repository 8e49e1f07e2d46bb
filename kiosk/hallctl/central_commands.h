// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl keygen | central ... : the central store's operator and administrator verbs.

namespace hall::cli {

// Parses its own options (the central verbs take more than the rest of hallctl). argv[1] is
// "keygen" or "central".
int run_central_command(int argc, char** argv);

extern const char* const central_help;

}  // namespace hall::cli
