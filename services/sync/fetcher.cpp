// SPDX-License-Identifier: Apache-2.0
#include "sync/fetcher.h"

namespace hall::sync {

const char* to_string(FetchFailure f) {
  switch (f) {
    case FetchFailure::unreachable:
      return "unreachable";
    case FetchFailure::timed_out:
      return "timed_out";
    case FetchFailure::too_long:
      return "too_long";
    case FetchFailure::truncated:
      return "truncated";
    case FetchFailure::bad_url:
      return "bad_url";
  }
  return "unknown";
}

std::unexpected<FetchError> fetch_failed(FetchFailure kind, std::string message) {
  // The peer's fault or absence is "unavailable"; what we were given (a body, a URL) is bad input.
  const ErrorCode code = kind == FetchFailure::unreachable || kind == FetchFailure::timed_out
                             ? ErrorCode::unavailable
                             : ErrorCode::invalid_input;
  return std::unexpected(FetchError{kind, Error{code, std::move(message)}});
}

}  // namespace hall::sync
