// SPDX-License-Identifier: Apache-2.0
#include "hallctl/command_line.h"

#include <iostream>

#include <algorithm>

namespace hall::cli {

Result<CommandLine> parse_command_line(int argc, char** argv, const std::vector<std::string>& takes_value,
                                       const std::vector<std::string>& flags) {
  CommandLine cl;
  const auto known = [](const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) cl.words.emplace_back(argv[i]);
      break;
    }
    if (arg.size() > 2 && arg.starts_with("--")) {
      std::string value;
      bool has_inline_value = false;
      if (const auto eq = arg.find('='); eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline_value = true;
      }
      if (known(takes_value, arg)) {
        if (!has_inline_value) {
          if (i + 1 >= argc) return fail(ErrorCode::invalid_input, arg + " needs a value");
          value = argv[++i];
        }
        cl.options[arg] = value;
        cl.repeated[arg].push_back(value);
      } else if (known(flags, arg) && !has_inline_value) {
        cl.options[arg] = "";
      } else {
        return fail(ErrorCode::invalid_input, "unknown option " + arg + " (see --help)");
      }
      continue;
    }
    if (arg == "-h") {
      cl.options["--help"] = "";
      continue;
    }
    cl.words.push_back(arg);
  }
  return cl;
}

int exit_code_for(const Error& e) {
  return (e.code == ErrorCode::invalid_input || e.code == ErrorCode::conflict) ? exit_invalid : exit_failure;
}

int say_failure(const Error& e) {
  std::cerr << "hallctl: " << e.message << "\n";
  return exit_code_for(e);
}

}  // namespace hall::cli
