// SPDX-License-Identifier: Apache-2.0
#pragma once
// The on-screen keyboard for search: QWERTY letters (pinyin and initials), digits, 删除, 清空.
#include <optional>

#include "widgets/frame.h"

namespace hall::ui {

struct KeyPress {
  enum class Kind { character, backspace, clear };
  Kind kind = Kind::character;
  char c = 0;
};

// Draws the keyboard at the cursor, `width` wide, keys `key_h` high; returns the key tapped this
// frame, if any.
std::optional<KeyPress> on_screen_keyboard(Frame& f, float width, float key_h);
float keyboard_height(const Frame& f, float key_h);

}  // namespace hall::ui
