// SPDX-License-Identifier: Apache-2.0
#include "widgets/touch_list.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"

namespace hall::ui {
namespace {

constexpr float friction = 3.5f;                // 1/s: a fling loses ~97% of its speed per second
constexpr float stop_speed = 20.0f;             // px/s
constexpr float max_physics_dt = 1.0f / 30.0f;  // the first frame after a sleep must not jump

bool contains(ImVec2 min, ImVec2 size, ImVec2 p) {
  return p.x >= min.x && p.y >= min.y && p.x < min.x + size.x && p.y < min.y + size.y;
}

}  // namespace

void begin_touch_scroll(Frame& f, const char* id, ImVec2 size, ScrollState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float dt = std::clamp(io.DeltaTime, 0.0f, max_physics_dt);
  float target = s.scroll;

  if (io.MouseClicked[0] && contains(origin, size, io.MouseClickedPos[0])) {
    s.owns_gesture = true;
    s.velocity = 0.0f;  // a finger on a moving list stops it
  }
  if (!io.MouseDown[0]) {
    s.owns_gesture = false;
    s.dragging = false;
  }
  if (s.owns_gesture && f.gesture_is_drag) {
    s.dragging = true;
    const float delta = -io.MouseDelta.y;
    target += delta;
    if (io.DeltaTime > 0.0f) s.velocity = 0.5f * s.velocity + 0.5f * (delta / io.DeltaTime);
  } else if (!s.dragging && s.velocity != 0.0f) {
    target += s.velocity * dt;
    s.velocity *= std::exp(-friction * dt);
    if (std::fabs(s.velocity) < stop_speed) s.velocity = 0.0f;
  }
  if (io.MouseWheel != 0.0f && contains(origin, size, io.MousePos)) {
    target -= io.MouseWheel * f.metrics.row_h;  // a mouse on a desktop, for development
  }
  const float max_scroll = std::max(0.0f, s.content_h - s.view_h);
  target = std::clamp(target, 0.0f, max_scroll);
  if ((target <= 0.0f || target >= max_scroll) && !s.dragging) s.velocity = 0.0f;
  ImGui::SetNextWindowScroll(ImVec2(-1.0f, target));
  ImGui::BeginChild(id, size, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
}

void end_touch_scroll(Frame& f, ScrollState& s) {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  s.scroll = ImGui::GetScrollY();
  s.view_h = w->InnerRect.GetHeight();
  s.content_h = w->ContentSize.y + w->WindowPadding.y * 2.0f;
  // A thin position hint on the right (not a control: the finger drags the content).
  if (s.content_h > s.view_h + 1.0f) {
    const ImRect r = w->InnerRect;
    const float track = r.GetHeight();
    const float grab = std::max(track * s.view_h / s.content_h, 48.0f);
    const float t = s.scroll / std::max(1.0f, s.content_h - s.view_h);
    const float y = r.Min.y + (track - grab) * t;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen();
    // In the window's padding, right of the region, so it never covers a row or a tile.
    dl->AddRectFilled(ImVec2(r.Max.x + 6.0f, y), ImVec2(r.Max.x + 13.0f, y + grab), f.color(f.palette.border), 3.5f);
    dl->PopClipRect();
  }
  ImGui::EndChild();
}

}  // namespace hall::ui
