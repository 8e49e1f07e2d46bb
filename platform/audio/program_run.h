// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs a program to its end and keeps what it wrote: the espeak-ng program as the board's voice.
// A child process rather than a library, so hallkiosk (Apache-2.0) links nothing GPL. Bounded: a
// program that has not finished by the deadline is killed by its PID, and its answer is an error.
#include <chrono>
#include <string>
#include <vector>

#include "common/error.h"

namespace hall::audio {

struct ProgramOutput {
  int exit_code = 0;
  std::string out, err;
};

// `argv[0]` is looked up on PATH. Nothing is written to its stdin (it reads end of file).
// unavailable: it cannot be started, or it ran past `deadline` (killed), or it died of a signal.
Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::chrono::milliseconds deadline);

}  // namespace hall::audio
