// SPDX-License-Identifier: Apache-2.0
#include "widgets/overlay.h"

#include <imgui.h>

namespace hall::ui {

void begin_overlay(Frame& f, const char* id, float dim) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin(id, nullptr, flags);
  if (f.fonts.body) ImGui::PushFont(f.fonts.body);
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, f.color(f.palette.text, dim));
}

void end_overlay(Frame& f) {
  if (f.fonts.body) ImGui::PopFont();
  ImGui::End();
}

}  // namespace hall::ui
