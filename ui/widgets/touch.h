// SPDX-License-Identifier: Apache-2.0
#pragma once
// Taps, not clicks: an item fires on release only when the finger stayed within the tap slop
// since it went down. Once a gesture becomes a drag, KioskApp clears ImGui's active item every
// frame (ImGui::ClearActiveID), so the release presses nothing.
#include <string_view>

#include "widgets/frame.h"

namespace hall::ui {

struct TapResult {
  bool tapped = false;   // released inside, and not a drag
  bool pressed = false;  // the finger is on it now (draw it pressed)
  ImVec2 min, max;       // where it is
};

// An invisible touch area of `size` at the cursor, recorded in f.targets under `id`.
TapResult tap_area(Frame& f, std::string_view id, ImVec2 size, bool enabled = true);

// Called once per frame before any widget: turns a moving finger into a drag.
void update_gesture(Frame& f);

}  // namespace hall::ui
