// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl's words: positional arguments and --options, nothing clever.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"

namespace hall::cli {

struct CommandLine {
  std::vector<std::string> words;            // positional, in order
  std::map<std::string, std::string> options;  // "--data" -> "DIR"; flags map to ""; the last one wins
  std::map<std::string, std::vector<std::string>> repeated;  // every value of an option, in order
  bool flag(const std::string& name) const { return options.contains(name); }
  std::string option(const std::string& name, const std::string& fallback = {}) const {
    const auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
  std::vector<std::string> values(const std::string& name) const {
    const auto it = repeated.find(name);
    return it == repeated.end() ? std::vector<std::string>() : it->second;
  }
};

// `takes_value` lists the options that are followed by a value ("--data").
Result<CommandLine> parse_command_line(int argc, char** argv, const std::vector<std::string>& takes_value,
                                       const std::vector<std::string>& flags);

// Exit codes: 0 success, 2 invalid input or usage, 1 anything else.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_invalid = 2;
int exit_code_for(const Error& e);
// Says the error on stderr ("hallctl: ...") and returns its exit code.
int say_failure(const Error& e);

}  // namespace hall::cli
