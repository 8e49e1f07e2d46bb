// SPDX-License-Identifier: Apache-2.0
#include "widgets/touch.h"

#include <algorithm>
#include <string>

#include "imgui_internal.h"

namespace hall::ui {

void update_gesture(Frame& f) {
  const ImGuiIO& io = ImGui::GetIO();
  const float slop = f.metrics.tap_slop;
  f.gesture_is_drag = io.MouseDown[0] && io.MouseDragMaxDistanceSqr[0] >= slop * slop;
  if (f.gesture_is_drag) ImGui::ClearActiveID();
}

TapResult tap_area(Frame& f, std::string_view id, ImVec2 size, bool enabled) {
  TapResult r;
  r.min = ImGui::GetCursorScreenPos();
  r.max = ImVec2(r.min.x + size.x, r.min.y + size.y);
  const std::string key(id);
  ImGui::BeginDisabled(!enabled);
  const bool released = ImGui::InvisibleButton(key.c_str(), size);
  ImGui::EndDisabled();
  const ImGuiIO& io = ImGui::GetIO();
  const float slop = f.metrics.tap_slop;
  const bool moved = io.MouseDragMaxDistanceSqr[0] >= slop * slop;
  r.tapped = enabled && released && !moved;
  r.pressed = enabled && ImGui::IsItemActive() && !f.gesture_is_drag;

  // Record the visible part for tests and for the host's end-to-end touch tests.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const ImVec2 vmin(std::max(r.min.x, clip_min.x), std::max(r.min.y, clip_min.y));
  const ImVec2 vmax(std::min(r.max.x, clip_max.x), std::min(r.max.y, clip_max.y));
  if (vmax.x > vmin.x && vmax.y > vmin.y) {
    f.targets.push_back({key, vmin.x, vmin.y, vmax.x - vmin.x, vmax.y - vmin.y, size.y, enabled});
  }
  return r;
}

}  // namespace hall::ui
