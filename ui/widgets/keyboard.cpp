// SPDX-License-Identifier: Apache-2.0
#include "widgets/keyboard.h"

#include <string>
#include <string_view>

#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

constexpr std::string_view rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr float units_per_row = 10.0f;
constexpr float row_offset[] = {0.0f, 0.0f, 0.5f, 0.0f};  // a staggered home row, as on paper keyboards

}  // namespace

float keyboard_height(const Frame& f, float key_h) {
  return 4.0f * key_h + 3.0f * f.metrics.gap * 0.5f;
}

std::optional<KeyPress> on_screen_keyboard(Frame& f, float width, float key_h) {
  std::optional<KeyPress> out;
  const float gap = f.metrics.gap * 0.5f;
  const float unit = (width - gap * (units_per_row - 1.0f)) / units_per_row;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // Letters in the title size when they fit the key, else the body size.
  const bool big = text_width(f.title(), f.title_size(), "W") <= unit - 2.0f * f.metrics.gap;
  for (int r = 0; r < 4; ++r) {
    const float y = origin.y + static_cast<float>(r) * (key_h + gap);
    float x = origin.x + row_offset[r] * (unit + gap);
    for (char c : rows[r]) {
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      const std::string id = std::string("key:") + c;
      const std::string label(1, static_cast<char>(r == 0 ? c : c - 'a' + 'A'));
      if (big_button(f, {id, label, ImVec2(unit, key_h), ButtonKind::secondary, true, big})) {
        out = KeyPress{KeyPress::Kind::character, c};
      }
      x += unit + gap;
    }
  }
  // 删除 and 清空 share what is left of the last row.
  const float last_y = origin.y + 3.0f * (key_h + gap);
  const float x0 = origin.x + 7.0f * (unit + gap);
  const float w = (origin.x + width - x0 - gap) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(x0, last_y));
  if (big_button(f, {"key:backspace", f.tr("search.key_backspace"), ImVec2(w, key_h), ButtonKind::primary})) {
    out = KeyPress{KeyPress::Kind::backspace, 0};
  }
  ImGui::SetCursorScreenPos(ImVec2(x0 + w + gap, last_y));
  if (big_button(f, {"key:clear", f.tr("search.key_clear"), ImVec2(w, key_h), ButtonKind::primary})) {
    out = KeyPress{KeyPress::Kind::clear, 0};
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + keyboard_height(f, key_h)));
  ImGui::Dummy(ImVec2(width, 0));
  return out;
}

}  // namespace hall::ui
