// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl's side of the central API: one signed request from an administrator's machine
// (--url URL --key FILE [--admin ID]), the store's refusal turned into an error a person reads.
#include <string>

#include <nlohmann/json.hpp>

#include "central/signing.h"
#include "common/error.h"
#include "hallctl/command_line.h"

namespace hall::cli {

struct Remote {
  std::string url;  // without a trailing /
  central::KeyPair key;
  std::string admin;
};

Result<Remote> remote_of(const CommandLine& cl);

// "hallctl: MESSAGE (see hallctl central --help)" on stderr; the usage exit code.
int central_usage(const std::string& message);

// The body of a 2xx as it came (a CSV or text export), else the store's refusal as an error.
Result<std::string> call_text(const Remote& remote, const std::string& method, const std::string& path,
                              const std::string& body);
// The JSON answer of a 2xx, else the store's refusal as an error.
Result<nlohmann::ordered_json> call(const Remote& remote, const std::string& method, const std::string& path,
                                    const std::string& body);

}  // namespace hall::cli
