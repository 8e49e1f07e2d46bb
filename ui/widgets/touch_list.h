// SPDX-License-Identifier: Apache-2.0
#pragma once
// A region scrolled by the finger: drag to move the content, let go to fling it, and it slows
// down by itself. The scroll position lives here (not in ImGui), so a screen that comes back
// shows where the visitor was.
#include "widgets/frame.h"

namespace hall::ui {

struct ScrollState {
  float scroll = 0.0f;        // pixels from the top, as of the last frame
  float velocity = 0.0f;      // pixels per second after a fling; 0 when still
  bool owns_gesture = false;  // the finger went down inside this region
  bool dragging = false;
  float content_h = 0.0f, view_h = 0.0f;
  bool moving() const { return dragging || velocity != 0.0f; }
};

// Opens a child region of `size` at the cursor; close it with end_touch_scroll.
void begin_touch_scroll(Frame& f, const char* id, ImVec2 size, ScrollState& s);
void end_touch_scroll(Frame& f, ScrollState& s);

}  // namespace hall::ui
