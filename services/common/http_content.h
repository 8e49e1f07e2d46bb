// SPDX-License-Identifier: Apache-2.0
#pragma once
// Responses of the content types the hall serves (JSON, HTML, plain text, files by extension) and
// the plain refusals a router or server sends when no handler answers (404, 405, 413 ...).
#include <functional>
#include <string>
#include <string_view>

#include "common/http_message.h"

namespace hall::http {

Response json_response(int status, std::string body);
Response html_response(int status, std::string body);
Response text_response(int status, std::string body);

// "Not Found" for 404; "Unknown" for a status this table does not hold.
std::string_view reason_phrase(int status);
// The Content-Type of a file by its extension: .json, .html, .css, .js, .svg, .png, .txt ...;
// application/octet-stream for anything else.
std::string_view content_type_for(std::string_view file_name);

// What the router and the server answer when they refuse a request themselves. A service that
// promises a JSON error body (the hub) gives its own; the default is text: "not found\n".
using Refusal = std::function<Response(int status)>;
Response plain_refusal(int status);

}  // namespace hall::http
