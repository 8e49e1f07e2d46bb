// SPDX-License-Identifier: Apache-2.0
#include "common/json_guard.h"

namespace hall {
namespace {

std::unexpected<JsonRefusal> refuse(JsonFault fault, std::string message) {
  return std::unexpected(JsonRefusal{fault, Error{ErrorCode::invalid_input, std::move(message)}});
}

}  // namespace

const char* to_string(JsonFault f) {
  switch (f) {
    case JsonFault::too_large:
      return "too_large";
    case JsonFault::too_deep:
      return "too_deep";
    case JsonFault::not_json:
      return "not_json";
  }
  return "unknown";
}

std::expected<void, JsonRefusal> check_json_limits(std::string_view bytes, const JsonLimits& limits,
                                                   std::string_view what) {
  const std::string w(what);
  if (bytes.size() > limits.max_bytes) {
    return refuse(JsonFault::too_large, w + ": " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                                            std::to_string(limits.max_bytes));
  }
  int depth = 0;
  std::size_t containers = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limits.max_depth) {
        return refuse(JsonFault::too_deep, w + ": byte " + std::to_string(i) + ": nested deeper than " +
                                               std::to_string(limits.max_depth) + " levels");
      }
      if (++containers > limits.max_containers) {
        return refuse(JsonFault::too_deep, w + ": byte " + std::to_string(i) + ": more than " +
                                               std::to_string(limits.max_containers) + " arrays and objects");
      }
    } else if (c == '}' || c == ']') {
      --depth;  // unbalanced text is the parser's to refuse
    }
  }
  return {};
}

JsonResult<nlohmann::ordered_json> parse_untrusted_json(std::string_view bytes, const JsonLimits& limits,
                                                        std::string_view what) {
  if (auto r = check_json_limits(bytes, limits, what); !r) return std::unexpected(r.error());
  auto j = nlohmann::ordered_json::parse(bytes, nullptr, false);
  if (j.is_discarded()) return refuse(JsonFault::not_json, std::string(what) + ": not JSON");
  return j;
}

}  // namespace hall
