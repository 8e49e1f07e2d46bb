// SPDX-License-Identifier: Apache-2.0
#pragma once
// Big, solid buttons: at least Metrics::min_target high, label centred, a pressed look while the
// finger is down and none for hover.
#include <string_view>

#include "widgets/frame.h"
#include "widgets/touch.h"

namespace hall::ui {

enum class ButtonKind { primary, accent, secondary, toggle_on, disabled };

struct ButtonSpec {
  std::string_view id;
  std::string_view label;
  ImVec2 size;
  ButtonKind kind = ButtonKind::primary;
  bool enabled = true;
  bool title_font = false;
  std::string_view sub_label = {};  // a second, smaller line (counts on tiles)
};

bool big_button(Frame& f, const ButtonSpec& spec);

// The width a button needs for `label` in the body font, padded.
float button_width(const Frame& f, std::string_view label);

}  // namespace hall::ui
