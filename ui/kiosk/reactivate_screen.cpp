// SPDX-License-Identifier: Apache-2.0
// "过号了？": the visitor types the number on their slip (A023) on a keypad of this hall's group
// letters and the digits, as large as a phone's, and the hub puts it back in the queue if its rule
// allows. The number shows as typed, in the ticket's own large font, so a wrong digit is seen.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"
#include "widgets/ticket_number.h"

namespace hall::ui {

bool reactivation_number_complete(std::string_view number, const std::vector<std::string>& letters) {
  return ticket_number_complete(number, letters);
}

Intent draw_reactivate(Frame& f, const ReactivateModel& m, Area area) {
  Intent out;
  const float gap = f.metrics.gap;
  // Portrait: the question, the number and the keypad from top to bottom. Landscape: the question
  // and the number on the left, the keypad on the right at the full height, so six rows of keys
  // stay large in 长辈模式 too. The keypad is at most a phone's width: a finger travels little.
  const float pad_w = f.portrait
                          ? std::min(area.size.x, 900.0f * f.metrics.text_scale)
                          : std::min(std::floor((area.size.x - 2.0f * gap) * 0.5f), 900.0f * f.metrics.text_scale);
  const float text_w = f.portrait ? pad_w : area.size.x - pad_w - 2.0f * gap;
  const float x0 = f.portrait ? area.pos.x + (area.size.x - pad_w) * 0.5f : area.pos.x + area.size.x - pad_w;
  const float text_x = f.portrait ? x0 : area.pos.x;
  ImGui::SetCursorScreenPos(ImVec2(text_x, area.pos.y));
  ImGui::BeginGroup();
  paragraph(title_style(f, f.palette.text), f.tr("reactivate.title"), 0.0f, text_w);
  paragraph(body_style(f, f.palette.text), f.tr("reactivate.hint"), 0.0f, text_w);
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetItemRectMax().y + gap));
  const float box_h = std::max(f.metrics.button_h * 1.3f, f.title_size() * 2.0f);
  ticket_number_box(f, m.number, f.tr("reactivate.placeholder"), text_w, box_h);

  // Rows: the letters, 1-2-3, 4-5-6, 7-8-9, 删除-0-清空, then 确定 across the width.
  const float top = f.portrait ? ImGui::GetCursorScreenPos().y + gap * 0.5f : area.pos.y;
  const float bottom = area.pos.y + area.size.y;
  const float rows = 6.0f;
  const float key_h =
      std::clamp((bottom - top - gap * (rows - 1.0f)) / rows, f.metrics.min_target, f.metrics.key_h * 1.4f);
  const TicketKeypad pad{m.number,  &m.letters, "pad:", f.tr("reactivate.backspace"), f.tr("reactivate.clear"),
                         !m.sending};
  if (auto typed = ticket_keypad(f, pad, ImVec2(x0, top), pad_w, key_h)) out = {Intent::Kind::set_number, *typed};
  const bool complete = reactivation_number_complete(m.number, m.letters);
  ImGui::SetCursorScreenPos(ImVec2(x0, top + 5.0f * (key_h + gap)));
  if (big_button(f, {"pad:ok", f.tr("reactivate.ok"), ImVec2(pad_w, key_h), ButtonKind::accent, complete && !m.sending,
                     true})) {
    out = {Intent::Kind::reactivate, std::string(m.number)};
  }
  return out;
}

}  // namespace hall::ui
