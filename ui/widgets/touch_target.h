// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a finger can press, as drawn in the last frame: tests tap these by id, and check sizes.
#include <string>

namespace hall::ui {

struct TouchTarget {
  std::string id;      // stable: "nav:back", "topic:养老服务", "guide:<id>", "key:g" ...
  float x = 0, y = 0;  // the visible part, in screen pixels
  float w = 0, h = 0;
  float full_h = 0;  // the whole target's height, even when a list clips it
  bool enabled = true;
  float center_x() const { return x + w * 0.5f; }
  float center_y() const { return y + h * 0.5f; }
};

}  // namespace hall::ui
