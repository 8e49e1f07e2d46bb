// SPDX-License-Identifier: Apache-2.0
#pragma once
// The port through which sync and admin tools reach HTTP. services/ declares it; platform/http
// implements it; tests may implement it to play a lying or broken server.
#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"

namespace hall::sync {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct FetchRequest {
  std::string url;                            // http://127.0.0.1:8080/manifest.json
  std::string if_none_match;                  // an ETag from an earlier answer, or empty
  std::size_t max_bytes = 1 << 20;            // a longer body is refused as soon as it is seen
  std::chrono::milliseconds timeout{10'000};  // for the whole exchange, not per read
  Headers headers;
};

struct FetchResponse {
  int status = 0;  // 200, 304, 404 ...
  std::string body;
  std::string etag;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Errors: ErrorCode::unavailable (cannot connect, timed out: "timed out after 10000 ms"),
  // ErrorCode::invalid_input (body longer than max_bytes, or shorter than its Content-Length).
  virtual Result<FetchResponse> get(const FetchRequest& request) = 0;
  virtual Result<FetchResponse> post(const FetchRequest& request, const std::string& body) = 0;
};

}  // namespace hall::sync
