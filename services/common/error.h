// SPDX-License-Identifier: Apache-2.0
#pragma once
// Errors at module edges are values: a code a program can branch on and a message a person can act on.
#include <expected>
#include <string>
#include <utility>

namespace hall {

enum class ErrorCode {
  invalid_input,  // the caller's data is wrong (a malformed guide, a bad query, a bad argument)
  not_found,      // what was asked for does not exist
  conflict,       // refused by a rule (a lower version, a duplicate)
  io,             // the disk, a file, the database
  unavailable,    // a device or a peer is not there right now
  corrupt,        // stored data failed a check
};

struct Error {
  ErrorCode code = ErrorCode::invalid_input;
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

// A failed result, for `return fail(ErrorCode::io, "...")`.
inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected(Error{code, std::move(message)});
}

const char* to_string(ErrorCode code);

}  // namespace hall
