// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one entry through which untrusted bytes become JSON (central API bodies, the sync envelope,
// manifests, key sets, guide objects, heartbeats). Size, nesting depth and the number of
// containers are checked by a byte scan that builds nothing, so a hostile peer costs at most the
// bytes it sent: 8 MiB of "[" is refused in milliseconds instead of building 8 million arrays.
#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace hall {

struct JsonLimits {
  std::size_t max_bytes = 1u << 20;
  int max_depth = 32;                     // arrays and objects open at once
  std::size_t max_containers = SIZE_MAX;  // arrays and objects in the whole text
};

enum class JsonFault {
  too_large,  // more bytes than max_bytes
  too_deep,   // nested deeper than max_depth, or more containers than max_containers
  not_json,   // the bytes are not one JSON text
};
const char* to_string(JsonFault f);

struct JsonRefusal {
  JsonFault fault = JsonFault::not_json;
  Error error;  // invalid_input; the message names `what` and the limit or the byte
};

template <class T>
using JsonResult = std::expected<T, JsonRefusal>;

// The scan alone: nothing is built. `what` names the document in the message ("manifest.json").
std::expected<void, JsonRefusal> check_json_limits(std::string_view bytes, const JsonLimits& limits,
                                                   std::string_view what);

// Checks the limits, then parses without throwing. A leading UTF-8 BOM is accepted (as the
// parser does); the caller decides whether bytes outside a signed payload matter (they do not).
JsonResult<nlohmann::ordered_json> parse_untrusted_json(std::string_view bytes, const JsonLimits& limits,
                                                        std::string_view what);

}  // namespace hall
