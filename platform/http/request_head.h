// SPDX-License-Identifier: Apache-2.0
#pragma once
// The head of an HTTP/1.x request (request line and header fields) parsed from its bytes. Pure, so
// every malformed case is a unit test; the server reads the bytes and enforces the size limits.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/http_message.h"

namespace hall::http {

struct RequestHead {
  std::string method;
  std::string path;       // percent-decoded
  std::string query;      // undecoded
  int minor_version = 1;  // HTTP/1.0 or HTTP/1.1
  HeaderList headers;
  std::optional<std::uint64_t> content_length;
  bool chunked = false;    // Transfer-Encoding present (the server refuses request bodies sent so)
  bool keep_alive = true;  // what the client asked for
  bool expect_continue = false;
};

// `head` is everything before the blank line that ends it (no trailing CRLF CRLF).
// invalid_input: a malformed request (400); unavailable: not HTTP/1.x (505).
Result<RequestHead> parse_request_head(std::string_view head);

}  // namespace hall::http
