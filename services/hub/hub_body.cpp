// SPDX-License-Identifier: Apache-2.0
#include "hub/hub_body.h"

#include <algorithm>
#include <cctype>

#include "common/json_guard.h"
#include "hub/hub_reply.h"

namespace hall::hub {

http::Response bad_field(std::string_view name, std::string_view why_zh, std::string_view why_en) {
  return error_response(400, "bad_request", "字段 " + std::string(name) + " " + std::string(why_zh),
                        "field " + std::string(name) + ": " + std::string(why_en));
}

BodyResult<Body> read_body(const http::Request& request, std::initializer_list<std::string_view> known,
                           bool empty_ok) {
  const auto blank = std::all_of(request.body.begin(), request.body.end(),
                                 [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
  if (blank) {
    if (empty_ok) return Body::object();
    return std::unexpected(error_response(400, "bad_request", "请求缺少内容（应为 JSON 对象）。",
                                          "the body is empty; a JSON object is expected"));
  }
  if (request.body.size() > max_body_bytes) return std::unexpected(plain_error(413));
  auto parsed = parse_untrusted_json(request.body, {.max_bytes = max_body_bytes, .max_depth = 8}, "the body");
  if (!parsed) {
    return std::unexpected(error_response(400, "bad_request", "请求内容不是有效的 JSON。", parsed.error().error.message));
  }
  if (!parsed->is_object()) {
    return std::unexpected(
        error_response(400, "bad_request", "请求内容应为 JSON 对象。", "the body must be a JSON object"));
  }
  for (const auto& [key, value] : parsed->items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return std::unexpected(error_response(400, "unknown_field", "不认识的字段：" + key,
                                            "this endpoint does not know the field \"" + key + "\""));
    }
  }
  return std::move(*parsed);
}

BodyResult<std::optional<std::string>> string_field(const Body& body, std::string_view name) {
  const auto it = body.find(std::string(name));
  if (it == body.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return std::unexpected(bad_field(name, "应为文字。", "must be a string"));
  return std::optional<std::string>{it->get<std::string>()};
}

BodyResult<std::string> ticket_number_field(const Body& body) {
  auto number = string_field(body, "number");
  if (!number) return std::unexpected(number.error());
  if (!*number || (*number)->empty() || (*number)->size() > 8) {
    return std::unexpected(bad_field("number", "应为今天的号码，例如 A023。", "today's ticket number, such as A023"));
  }
  std::string n = **number;
  for (char& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return n;
}

BodyResult<std::optional<long long>> integer_field(const Body& body, std::string_view name) {
  const auto it = body.find(std::string(name));
  if (it == body.end() || it->is_null()) return std::optional<long long>{};
  if (!it->is_number_integer()) return std::unexpected(bad_field(name, "应为整数。", "must be an integer"));
  return std::optional<long long>{it->get<long long>()};
}

}  // namespace hall::hub
