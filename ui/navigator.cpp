// SPDX-License-Identifier: Apache-2.0
#include "navigator.h"

#include <algorithm>

namespace hall::ui {

RouteSpec parse_route_spec(std::string_view spec) {
  const auto colon = spec.find(':');
  if (colon == std::string_view::npos) return {std::string(spec), {}};
  return {std::string(spec.substr(0, colon)), std::string(spec.substr(colon + 1))};
}

void Navigator::back() {
  if (stack_.size() > 1) stack_.pop_back();
}

void Navigator::prune(const std::function<bool(const Route&)>& gone) {
  std::erase_if(stack_, gone);
  if (stack_.empty() || stack_.front().screen != "home") stack_.insert(stack_.begin(), Route{});
}

}  // namespace hall::ui
