// SPDX-License-Identifier: Apache-2.0
// The clerk's working screen. Landscape (a clerk's PC): the ticket, the actions and the checklist
// on the left, the queue and today's figures on the right. Portrait: the same, stacked, the queue
// and today's figures side by side at the foot. Either way the checklist takes every pixel left
// down to the foot (a long list scrolls in it). The last refusal, in the hub's words, sits under
// the actions.
#include <algorithm>
#include <cmath>

#include "counter/screens.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

std::string notice_text(const Frame& f, const CounterView& v) {
  if (v.problem && v.problem->kind != CounterProblem::Kind::unreachable) {
    return f.english && !v.problem->message_en.empty() ? v.problem->message_en : v.problem->message;
  }
  if (v.none_waiting) return f.tr("counter.none_waiting");
  return {};
}

}  // namespace

CounterIntent draw_work(Frame& f, const CounterView& v, Area area) {
  CounterIntent out;
  const float gap = f.metrics.gap;
  const float side_w = f.portrait ? 0.0f : std::floor(area.size.x * 0.3f);
  const float main_w = f.portrait ? area.size.x : area.size.x - side_w - gap;
  const float card_h = std::clamp(area.size.y * (f.portrait ? 0.2f : 0.28f), f.metrics.button_h * 2.0f,
                                  f.number_size() * 1.3f + 2.0f * f.metrics.pad);
  ImGui::SetCursorScreenPos(area.pos);
  draw_ticket_card(f, v, ImVec2(main_w, card_h));
  const int cols = f.portrait ? 3 : 4;
  const float pad_h = 2.0f * f.metrics.button_h + gap;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + card_h + gap));
  if (auto i = draw_action_pad(f, v, ImVec2(main_w, f.portrait ? 3.0f * f.metrics.button_h + 2.0f * gap : pad_h), cols))
    out = i;
  float y = ImGui::GetCursorScreenPos().y + gap;
  const std::string notice = notice_text(f, v);
  if (!notice.empty()) {
    const TextStyle s = body_style(f, f.palette.accent);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += draw_paragraph(dl, s, ImVec2(area.pos.x, y), notice, main_w) + gap * 0.5f;
  }
  const float bottom = area.pos.y + area.size.y;
  if (f.portrait) {
    const float queue_h = queue_panel_height(f, v, main_w);
    const float list_bottom = bottom - queue_h - gap;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
    if (auto i = draw_checklist(f, v, ImVec2(main_w, std::max(f.metrics.min_target, list_bottom - y)))) out = i;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, bottom - queue_h));
    draw_queue_panel(f, v, ImVec2(main_w, queue_h));
  } else {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
    if (auto i = draw_checklist(f, v, ImVec2(main_w, bottom - y))) out = i;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + main_w + gap, area.pos.y));
    draw_queue_panel(f, v, ImVec2(side_w, area.size.y));
  }
  return out;
}

}  // namespace hall::ui
