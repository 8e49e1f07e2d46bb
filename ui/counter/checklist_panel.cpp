// SPDX-License-Identifier: Apache-2.0
// The guide's materials as a checklist the clerk ticks while looking at what the visitor brought.
// What stays unticked (and is required) is what a 一次性告知 has to list; the heading counts it.
// The panel takes the height it is given, down to the screen's foot; a long list scrolls under
// the finger (or the wheel) inside it, with a thin hint of where it is.
#include <algorithm>

#include "counter/screens.h"
#include "widgets/text.h"
#include "widgets/touch.h"
#include "widgets/touch_list.h"

namespace hall::ui {

CounterIntent draw_checklist(Frame& f, const CounterView& v, ImVec2 size) {
  CounterIntent out;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), f.color(f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const float inner = size.x - 2.0f * pad;
  const ImVec2 top(p.x + pad, p.y + pad);
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const TextStyle muted = muted_style(f);
  const auto& current = v.snapshot ? v.snapshot->current : std::nullopt;
  if (!current || current->materials.empty()) {
    const float h = draw_paragraph(dl, title, top, f.tr("counter.checklist.title"), inner);
    draw_paragraph(dl, muted, ImVec2(top.x, top.y + h + f.metrics.gap),
                   f.tr(current ? K("counter.checklist.none") : K("counter.checklist.no_ticket")), inner);
    ImGui::Dummy(size);
    return out;
  }
  const CounterTicket& t = *current;
  static const std::vector<bool> none;
  const std::vector<bool>& checks = v.checks ? *v.checks : none;
  const int missing = missing_required(t, checks);
  std::string head = f.tr("counter.checklist.title") + "  ";
  head += missing == 0 ? f.tr("counter.checklist.complete") : f.trf("counter.checklist.missing", {{"n", std::to_string(missing)}});
  const TextStyle head_style = title_style(f, missing == 0 ? f.palette.good : f.palette.accent);
  const float head_h = draw_paragraph(dl, head_style, top, head, inner) + f.metrics.gap * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + head_h));
  const ImVec2 list(inner, std::max(f.metrics.min_target, size.y - head_h - 2.0f * pad));
  static ScrollState fallback;
  ScrollState& scroll = v.checklist_scroll ? *v.checklist_scroll : fallback;
  begin_touch_scroll(f, "##checklist", list, scroll);
  const float row_h = std::max(f.metrics.min_target, f.body_line() + f.metrics.gap);
  const float box = std::min(row_h - f.metrics.gap, f.body_line());
  for (std::size_t i = 0; i < t.materials.size(); ++i) {
    const CounterMaterial& m = t.materials[i];
    const bool ticked = i < checks.size() && checks[i];
    const std::string& name = f.english && !m.name_en.empty() ? m.name_en : m.name;
    std::string line = name;
    if (!m.required) line += "  " + f.tr("counter.checklist.optional");
    const float text_w = list.x - box - 3.0f * f.metrics.gap;
    const float h = std::max(row_h, paragraph_height(body, line, text_w) + f.metrics.gap);
    const ImVec2 r = ImGui::GetCursorScreenPos();
    const TapResult tap = tap_area(f, "check:" + std::to_string(i), ImVec2(list.x, h));
    if (tap.tapped) out = {CounterIntent::Kind::toggle_check, {}, CounterAction::call_next, static_cast<int>(i)};
    ImDrawList* cl = ImGui::GetWindowDrawList();
    cl->AddRectFilled(r, ImVec2(r.x + list.x, r.y + h - f.metrics.gap * 0.5f),
                      f.color(tap.pressed ? f.palette.panel_pressed : f.palette.background), f.metrics.rounding);
    const ImVec2 b(r.x + f.metrics.gap, r.y + (h - box) * 0.5f);
    cl->AddRect(b, ImVec2(b.x + box, b.y + box), f.color(f.palette.text), 4.0f, 0, 3.0f);
    if (ticked) {
      cl->AddRectFilled(ImVec2(b.x + 3, b.y + 3), ImVec2(b.x + box - 3, b.y + box - 3), f.color(f.palette.good), 3.0f);
      cl->AddLine(ImVec2(b.x + box * 0.22f, b.y + box * 0.52f), ImVec2(b.x + box * 0.42f, b.y + box * 0.72f),
                  f.color(f.palette.on_primary), 4.0f);
      cl->AddLine(ImVec2(b.x + box * 0.42f, b.y + box * 0.72f), ImVec2(b.x + box * 0.78f, b.y + box * 0.28f),
                  f.color(f.palette.on_primary), 4.0f);
    }
    draw_paragraph(cl, ticked ? muted : body, ImVec2(b.x + box + f.metrics.gap, r.y + (h - paragraph_height(body, line, text_w)) * 0.5f),
                   line, text_w);
  }
  end_touch_scroll(f, scroll);
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(size);
  return out;
}

}  // namespace hall::ui
