// SPDX-License-Identifier: Apache-2.0
#include "widgets/badge.h"

#include "widgets/text.h"

namespace hall::ui {

ImVec2 badge_size(const Frame& f, std::string_view text) {
  return ImVec2(text_width(f.body(), f.body_size(), text) + f.metrics.gap * 1.5f, f.body_size() + f.metrics.gap * 0.5f);
}

float draw_badge(const Frame& f, ImDrawList* dl, ImVec2 pos, std::string_view text, std::uint32_t bg_rgb) {
  const ImVec2 size = badge_size(f, text);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), f.color(bg_rgb), f.metrics.rounding * 0.6f);
  draw_text(dl, f.body(), f.body_size(), ImVec2(pos.x + f.metrics.gap * 0.75f, pos.y + f.metrics.gap * 0.25f),
            f.color(f.palette.on_primary), text);
  return size.x;
}

void badge_row(const Frame& f, const std::vector<BadgeSpec>& badges, float indent) {
  if (badges.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  float x = indent, y = 0.0f, row_h = 0.0f;
  for (const auto& b : badges) {
    const ImVec2 s = badge_size(f, b.text);
    if (x > indent && x + s.x > width) {
      x = indent;
      y += row_h + f.metrics.gap * 0.5f;
    }
    draw_badge(f, dl, ImVec2(origin.x + x, origin.y + y), b.text, b.bg);
    x += s.x + f.metrics.gap * 0.5f;
    row_h = s.y;
  }
  ImGui::Dummy(ImVec2(width, y + row_h));
}

}  // namespace hall::ui
