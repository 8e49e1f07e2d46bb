// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"

namespace hall {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return "invalid input";
    case ErrorCode::not_found: return "not found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::io: return "i/o error";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::corrupt: return "corrupt";
  }
  return "error";
}

}  // namespace hall
