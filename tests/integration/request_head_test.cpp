// SPDX-License-Identifier: Apache-2.0
// platform/http/request_head: a request's head from its bytes, and every malformed case refused.
#include <catch2/catch.hpp>

#include "http/request_head.h"

using hall::ErrorCode;
using hall::http::parse_request_head;

TEST_CASE("a request head is parsed into method, decoded path, query and fields", "[http][request_head]") {
  const auto head = parse_request_head(
      "POST /api/v1/tickets/%E4%BA%BA+1?lang=zh&x=%20 HTTP/1.1\r\nHost: hall\r\nContent-Length:  12 \r\n"
      "Connection: close\r\nExpect: 100-continue");
  REQUIRE(head);
  CHECK(head->method == "POST");
  CHECK(head->path == "/api/v1/tickets/人+1");  // '+' is a plus in a path
  CHECK(head->query == "lang=zh&x=%20");
  CHECK(head->content_length == 12u);
  CHECK_FALSE(head->keep_alive);
  CHECK(head->expect_continue);
  REQUIRE(head->headers.size() == 4);
  CHECK(head->headers[1] == std::pair<std::string, std::string>{"Content-Length", "12"});

  const auto old = parse_request_head("GET / HTTP/1.0\r\nConnection: keep-alive");
  REQUIRE(old);
  CHECK(old->minor_version == 0);
  CHECK(old->keep_alive);
  CHECK_FALSE(parse_request_head("GET / HTTP/1.0")->keep_alive);
}

TEST_CASE("a malformed request head is refused", "[http][request_head]") {
  struct Case {
    const char* rule;
    const char* head;
    ErrorCode code;
  };
  const Case cases[] = {
      {"no version", "GET /", ErrorCode::invalid_input},
      {"an extra space", "GET  / HTTP/1.1", ErrorCode::invalid_input},
      {"a target that is not a path", "GET http://x/ HTTP/1.1", ErrorCode::invalid_input},
      {"a method that is not a token", "G(T / HTTP/1.1", ErrorCode::invalid_input},
      {"HTTP/2", "GET / HTTP/2.0", ErrorCode::unavailable},
      {"not HTTP", "GET / FTP/1.0", ErrorCode::invalid_input},
      {"bad percent-encoding", "GET /%zz HTTP/1.1", ErrorCode::invalid_input},
      {"a NUL in the path", "GET /a%00b HTTP/1.1", ErrorCode::invalid_input},
      {"a field without a colon", "GET / HTTP/1.1\r\nHost hall", ErrorCode::invalid_input},
      {"an obsolete folded line", "GET / HTTP/1.1\r\nX-A: 1\r\n  continued", ErrorCode::invalid_input},
      {"a Content-Length that is not a number", "POST / HTTP/1.1\r\nContent-Length: 12x", ErrorCode::invalid_input},
      {"a negative Content-Length", "POST / HTTP/1.1\r\nContent-Length: -1", ErrorCode::invalid_input},
      {"two different Content-Lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2",
       ErrorCode::invalid_input},
      {"Content-Length with Transfer-Encoding", "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked",
       ErrorCode::invalid_input},
      {"an unknown expectation", "POST / HTTP/1.1\r\nExpect: magic", ErrorCode::invalid_input},
  };
  for (const auto& c : cases) {
    SECTION(c.rule) {
      const auto head = parse_request_head(c.head);
      REQUIRE_FALSE(head);
      CHECK(head.error().code == c.code);
    }
  }
}
