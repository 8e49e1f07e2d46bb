// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the central API's files (central_api.cpp, central_notice_api.cpp) share, and no one else
// includes: the response shapes, the guarded body parse, and the notice routes.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "central/central_api.h"
#include "central/central_store.h"
#include "notices/notice.h"

namespace hall::central::api {

ApiResponse json_response(int status, const nlohmann::ordered_json& body);
ApiResponse error_response(int status, const std::string& message);
ApiResponse from_error(const Error& e);
std::expected<nlohmann::ordered_json, ApiResponse> parse_body(CentralStore& store, const ApiRequest& req,
                                                              const std::string& actor);
std::string text_field(const nlohmann::ordered_json& j, const char* key);
std::optional<std::int64_t> parse_int(std::string_view s);

// /api/notice-drafts[/<id>/review] and /api/notice-catalogue (central_notice_api.cpp); nullopt: not a notice route.
std::optional<ApiResponse> route_notice_admin(CentralStore& store, const ApiRequest& req, const std::string& admin);
nlohmann::ordered_json notice_draft_json(const NoticeDraft& d);

// Today's date in the hall (+08:00), for comment periods and what is in force.
Date hall_today(const CentralStore& store);

// /n/<id>[/comments], the public pages (central_public_api.cpp); nullopt: not a public route.
std::optional<ApiResponse> route_public(CentralStore& store, const ApiRequest& req);
// GET /api/notices/<id>/comments; nullopt: not this route.
std::optional<ApiResponse> route_comments_admin(CentralStore& store, const ApiRequest& req, const std::string& admin);

}  // namespace hall::central::api
