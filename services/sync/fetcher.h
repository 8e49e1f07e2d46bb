// SPDX-License-Identifier: Apache-2.0
#pragma once
// The port through which sync and admin tools reach HTTP. services/ declares it; platform/http
// implements it; tests may implement it to play a lying or broken server.
#include <chrono>
#include <expected>
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

// Why a fetch failed, as a value: sync refuses a body that is too long differently from one that
// was cut short, and neither from a server it could not reach.
enum class FetchFailure {
  unreachable,  // cannot connect, reset, the peer went away, a local file that cannot be read
  timed_out,    // the exchange ran past its timeout
  too_long,     // the body (or its Content-Length) is longer than max_bytes; refused as soon as seen
  truncated,    // the body is shorter than its Content-Length
  bad_url,      // a URL this fetcher does not serve
};

const char* to_string(FetchFailure f);

struct FetchError {
  FetchFailure kind = FetchFailure::unreachable;
  Error error;  // code for exit statuses (unavailable or invalid_input), message naming the URL
};

template <class T>
using FetchResult = std::expected<T, FetchError>;

// A failed fetch; the ErrorCode follows from the kind (too_long, truncated, bad_url: invalid_input).
std::unexpected<FetchError> fetch_failed(FetchFailure kind, std::string message);

struct FetchResponse {
  int status = 0;  // 200, 304, 404 ...
  std::string body;
  std::string etag;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Failures carry their kind (FetchFailure) and a message naming the URL ("timed out after 10000 ms").
  virtual FetchResult<FetchResponse> get(const FetchRequest& request) = 0;
  virtual FetchResult<FetchResponse> post(const FetchRequest& request, const std::string& body) = 0;
  // How many get() calls may run at once on this fetcher from different threads; 1 (the default)
  // means it is used by one thread at a time, as a test's scripted server must be.
  virtual int max_parallel() const { return 1; }
};

}  // namespace hall::sync
