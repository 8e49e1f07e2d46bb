// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where a visitor is: a back stack of routes (a screen's name, its subject, its scroll). Knows
// nothing of what the screens are; an app's screen table (kiosk/kiosk_screens.h) gives names
// their meaning, so adding a screen touches that table and the screen's own file only.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/touch_list.h"

namespace hall::ui {

struct Route {
  std::string screen = "home";
  std::string arg;  // the subject: a topic's name, a guide's id
  ScrollState scroll;
  ScrollState aside;  // a second column's, on screens that have one
};

// A route spec as the command line and tests write it: "guide:G-0012", "home".
struct RouteSpec {
  std::string screen, arg;
};
RouteSpec parse_route_spec(std::string_view spec);

class Navigator {
 public:
  Navigator() : stack_{Route{}} {}

  const Route& current() const { return stack_.back(); }
  Route& current() { return stack_.back(); }
  std::size_t depth() const { return stack_.size(); }
  bool at_root() const { return stack_.size() == 1; }

  void push(Route route) { stack_.push_back(std::move(route)); }
  void back();
  // Back to a fresh home (scroll at the top).
  void home() { stack_.assign(1, Route{}); }
  // Drops routes whose subject went away (a guide withdrawn by sync); home stays at the bottom.
  void prune(const std::function<bool(const Route&)>& gone);

 private:
  std::vector<Route> stack_;
};

}  // namespace hall::ui
