// SPDX-License-Identifier: Apache-2.0
#pragma once
// A request body as the hub accepts it: one JSON object of at most 64 KiB, nested at most 8 deep,
// with only the fields the endpoint knows. Anything else is refused before a handler acts, so a
// malformed or hostile body changes nothing.
#include <expected>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/http_message.h"

namespace hall::hub {

inline constexpr std::size_t max_body_bytes = 64 * 1024;

using Body = nlohmann::ordered_json;
template <class T>
using BodyResult = std::expected<T, http::Response>;

// The body as an object whose keys are all in `known`; an empty body is an empty object when
// `empty_ok`. Refusals: 400 bad_request (not JSON, too deep, not an object), 400 unknown_field.
BodyResult<Body> read_body(const http::Request& request, std::initializer_list<std::string_view> known,
                           bool empty_ok = false);

// One field of a given kind: absent is nullopt; present with another kind is 400 bad_request.
BodyResult<std::optional<std::string>> string_field(const Body& body, std::string_view name);
BodyResult<std::optional<long long>> integer_field(const Body& body, std::string_view name);
// "number": a ticket number as a visitor or clerk types it (a023 → A023); missing, empty or longer
// than 8 is 400 naming the field.
BodyResult<std::string> ticket_number_field(const Body& body);

// 400 bad_request naming the field, for a missing or malformed value.
http::Response bad_field(std::string_view name, std::string_view why_zh, std::string_view why_en);

}  // namespace hall::hub
