// SPDX-License-Identifier: Apache-2.0
#pragma once
// An HTTP request and response as plain values: what a handler in services/ sees of the network.
// No socket here; platform/http turns real connections into these and back.
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hall::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // GET, POST, DELETE ...
  std::string path;    // /api/v1/tickets (no query string)
  HeaderList headers;
  std::string body;
  std::string query{};        // the part after '?', undecoded; empty when absent
  std::string remote_addr{};  // the peer's address, for rate limits and audit; empty in unit tests
  HeaderList path_params{};   // {name} segments of the route that matched (common/http_router.h)

  std::string header(std::string_view name) const;  // case-insensitive; empty when absent
  // One query parameter, percent-decoded; empty when absent.
  std::string query_param(std::string_view name) const;
  std::string path_param(std::string_view name) const;  // empty when absent
};

// Where a streamed response body goes; platform/http implements it over the connection.
class StreamSink {
 public:
  virtual ~StreamSink() = default;
  // Sends the bytes to the client now; false once the client has gone or the server is stopping.
  virtual bool write(std::string_view bytes) = 0;
};

// Writes a response body piece by piece, then returns (the response ends). `stop` is requested when
// the client goes away or the server stops; a producer that waits for its next piece waits on it too
// (std::condition_variable_any::wait_for(lock, stop, ...)), so a stop never waits for a quiet stream.
using StreamProducer = std::function<void(StreamSink& sink, std::stop_token stop)>;

struct Response {
  int status = 200;
  HeaderList headers;  // Content-Type is set by every handler
  std::string body;
  StreamProducer stream{};  // set: the body is streamed (chunked) by calling it, and `body` is ignored

  std::string header(std::string_view name) const;
};

bool iequals(std::string_view a, std::string_view b);
std::string percent_decode(std::string_view text);

}  // namespace hall::http
