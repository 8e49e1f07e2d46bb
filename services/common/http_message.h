#pragma once
// An HTTP request and response as plain values: what a handler in services/ sees of the network.
// No socket here; platform/http turns real connections into these and back.
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

  std::string header(std::string_view name) const;  // case-insensitive; empty when absent
  // One query parameter, percent-decoded; empty when absent.
  std::string query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  HeaderList headers;  // Content-Type is set by every handler
  std::string body;

  std::string header(std::string_view name) const;
};

bool iequals(std::string_view a, std::string_view b);
std::string percent_decode(std::string_view text);

}  // namespace hall::http
