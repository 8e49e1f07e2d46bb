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

void draw_dialog_card(Frame& f, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, f.color(f.palette.background), f.metrics.rounding * 2.0f);
  dl->AddRect(min, max, f.color(f.palette.primary), f.metrics.rounding * 2.0f, 0, 4.0f);
}

}  // namespace hall::ui
