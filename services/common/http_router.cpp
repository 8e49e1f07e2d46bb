// SPDX-License-Identifier: Apache-2.0
#include "common/http_router.h"

#include <stdexcept>
#include <utility>

namespace hall::http {
namespace {

// "/a/b/" → {"a", "b", ""}; "/" → {""}.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

Router& Router::add(std::string method, std::string_view pattern, Handler handler, RouteLimits limits) {
  if (!pattern.starts_with('/'))
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  Route route{std::move(method), {}, false, std::move(handler), limits};
  if (pattern.ends_with("/*")) {
    route.prefix = true;
    pattern.remove_suffix(2);
  }
  if (!pattern.empty()) {
    for (const auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  }
  routes_.push_back(std::move(route));
  return *this;
}

Router& Router::get(std::string_view pattern, Handler handler, RouteLimits limits) {
  return add("GET", pattern, std::move(handler), limits);
}
Router& Router::post(std::string_view pattern, Handler handler, RouteLimits limits) {
  return add("POST", pattern, std::move(handler), limits);
}
Router& Router::del(std::string_view pattern, Handler handler, RouteLimits limits) {
  return add("DELETE", pattern, std::move(handler), limits);
}

bool Router::method_matches(const Route& route, std::string_view method) {
  return route.method == "*" || route.method == method || (method == "HEAD" && route.method == "GET");
}

std::optional<HeaderList> Router::match(const Route& route, const std::vector<std::string_view>& path) {
  const auto& pattern = route.segments;
  if (route.prefix ? path.size() < pattern.size() : path.size() != pattern.size()) return std::nullopt;
  HeaderList params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_param(pattern[i])) {
      if (path[i].empty()) return std::nullopt;
      params.emplace_back(pattern[i].substr(1, pattern[i].size() - 2), path[i]);
    } else if (pattern[i] != path[i]) {
      return std::nullopt;
    }
  }
  if (route.prefix) {
    std::string rest;
    for (std::size_t i = pattern.size(); i < path.size(); ++i) {
      if (i > pattern.size()) rest += '/';
      rest += path[i];
    }
    params.emplace_back("*", std::move(rest));
  }
  return params;
}

const Router::Route* Router::find(std::string_view method, std::string_view path, HeaderList* params,
                                  std::string* allow) const {
  const auto segments = split_path(path);
  for (const auto& route : routes_) {
    auto found = match(route, segments);
    if (!found) continue;
    if (method_matches(route, method)) {
      if (params) *params = std::move(*found);
      return &route;
    }
    if (allow && allow->find(route.method) == std::string::npos) {
      if (!allow->empty()) *allow += ", ";
      *allow += route.method;
    }
  }
  return nullptr;
}

Response Router::handle(Request request) const {
  std::string allow;
  const Route* route = find(request.method, request.path, &request.path_params, &allow);
  if (route) return route->handler(request);
  if (allow.empty()) return refusal_(404);
  Response refused = refusal_(405);
  refused.headers.emplace_back("Allow", allow);
  return refused;
}

std::optional<std::size_t> Router::body_limit(std::string_view method, std::string_view path) const {
  const Route* route = find(method, path, nullptr, nullptr);
  if (!route || route->limits.max_body_bytes == 0) return std::nullopt;
  return route->limits.max_body_bytes;
}

}  // namespace hall::http
