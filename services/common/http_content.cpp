// SPDX-License-Identifier: Apache-2.0
#include "common/http_content.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hall::http {
namespace {

Response typed(int status, std::string body, std::string type) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", std::move(type));
  r.body = std::move(body);
  return r;
}

}  // namespace

Response json_response(int status, std::string body) {
  return typed(status, std::move(body), "application/json; charset=utf-8");
}
Response html_response(int status, std::string body) {
  return typed(status, std::move(body), "text/html; charset=utf-8");
}
Response text_response(int status, std::string body) {
  return typed(status, std::move(body), "text/plain; charset=utf-8");
}

std::string_view reason_phrase(int status) {
  static constexpr std::array<std::pair<int, std::string_view>, 30> table{{
      {100, "Continue"},
      {200, "OK"},
      {201, "Created"},
      {202, "Accepted"},
      {204, "No Content"},
      {301, "Moved Permanently"},
      {302, "Found"},
      {303, "See Other"},
      {304, "Not Modified"},
      {307, "Temporary Redirect"},
      {400, "Bad Request"},
      {401, "Unauthorized"},
      {403, "Forbidden"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {408, "Request Timeout"},
      {409, "Conflict"},
      {410, "Gone"},
      {411, "Length Required"},
      {413, "Content Too Large"},
      {415, "Unsupported Media Type"},
      {422, "Unprocessable Content"},
      {423, "Locked"},
      {429, "Too Many Requests"},
      {431, "Request Header Fields Too Large"},
      {500, "Internal Server Error"},
      {501, "Not Implemented"},
      {503, "Service Unavailable"},
      {504, "Gateway Timeout"},
      {505, "HTTP Version Not Supported"},
  }};
  const auto it = std::find_if(table.begin(), table.end(), [status](const auto& e) { return e.first == status; });
  return it == table.end() ? std::string_view{"Unknown"} : it->second;
}

std::string_view content_type_for(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> types{{
      {".json", "application/json"},
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".pdf", "application/pdf"},
  }};
  for (const auto& [ext, type] : types) {
    if (file_name.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

Response plain_refusal(int status) {
  std::string text(reason_phrase(status));
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return typed(status, text + "\n", "text/plain");
}

}  // namespace hall::http
