// SPDX-License-Identifier: Apache-2.0
#pragma once
// Routes a Request to a handler by method and path. Pure: no sockets; platform/http's server calls
// it, and tests call it directly.
//
//   router.get("/api/v1/tickets/{token}", show_ticket);       // {token}: one segment, in path_params
//   router.post("/api/v1/tickets", issue, {.max_body_bytes = 64 * 1024});
//   router.add("*", "/api/*", central);                        // a prefix: "*" is the rest of the path
//
// Routes are tried in the order they were added and the first whose pattern and method match
// answers; a GET route answers HEAD too. A path that no pattern matches is 404; one that a pattern
// matches with another method is 405 with `Allow`.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/http_content.h"
#include "common/http_message.h"

namespace hall::http {

using Handler = std::function<Response(const Request&)>;

struct RouteLimits {
  std::size_t max_body_bytes = 0;  // 0: the server's limit; a route can only lower it
};

class Router {
 public:
  explicit Router(Refusal refusal = plain_refusal) : refusal_(std::move(refusal)) {}

  // method: "GET", "POST", "DELETE" ... or "*" for any.
  Router& add(std::string method, std::string_view pattern, Handler handler, RouteLimits limits = {});
  Router& get(std::string_view pattern, Handler handler, RouteLimits limits = {});
  Router& post(std::string_view pattern, Handler handler, RouteLimits limits = {});
  Router& del(std::string_view pattern, Handler handler, RouteLimits limits = {});

  // The handler's response (with the request's path_params filled in), or the refusal.
  Response handle(Request request) const;
  // The body limit of the route that would answer, before its body is read; nullopt: none of its own.
  std::optional<std::size_t> body_limit(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" for a parameter
    bool prefix = false;                // the pattern ended in "/*"
    Handler handler;
    RouteLimits limits;
  };
  static bool method_matches(const Route& route, std::string_view method);
  // The path's parameters when the route's pattern matches it.
  static std::optional<HeaderList> match(const Route& route, const std::vector<std::string_view>& path);
  const Route* find(std::string_view method, std::string_view path, HeaderList* params, std::string* allow) const;

  Refusal refusal_;
  std::vector<Route> routes_;
};

}  // namespace hall::http
