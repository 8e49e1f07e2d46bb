// SPDX-License-Identifier: Apache-2.0
// Before a ticket is sent: may the visitor be called sooner? One plain question, one big button per
// priority class of the hall ("是，我是70岁以上老年人"), and a "不是" as big as the others, so
// answering nothing costs one tap. The hub decides what a class means; the kiosk only asks.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {

Intent draw_priority(Frame& f, const PriorityModel& m, Area area) {
  Intent out;
  const float gap = f.metrics.gap;
  ImGui::SetCursorScreenPos(area.pos);
  ImGui::BeginGroup();
  const std::string subject = m.guide_name.empty() ? f.tr("priority.for_consult")
                                                   : f.trf("priority.for_guide", {{"name", std::string(m.guide_name)}});
  paragraph(muted_style(f), subject, 0.0f, area.size.x);
  paragraph(title_style(f, f.palette.text), f.tr("priority.question"), 0.0f, area.size.x);
  paragraph(body_style(f, f.palette.text), f.tr("priority.why"), 0.0f, area.size.x);
  ImGui::EndGroup();

  // The buttons share what is left: two columns when the screen is wide, one in portrait. Each is
  // as tall as two lines of its label need, so a long class name wraps rather than being cut.
  const auto& classes = *m.classes;
  const float top = ImGui::GetCursorScreenPos().y + gap;
  const int cols = f.portrait ? 1 : 2;
  const float w = std::floor((area.size.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  const float least = std::max(f.metrics.button_h * 1.2f, 2.0f * f.title_size() + f.metrics.gap);
  const std::size_t rows = (classes.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols) + 1;
  const float room = area.pos.y + area.size.y - top - gap * static_cast<float>(rows - 1);
  const float h = std::clamp(room / static_cast<float>(rows), f.metrics.min_target, least * 1.4f);
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const PriorityClass& c = classes[i];
    const float col = static_cast<float>(i % static_cast<std::size_t>(cols));
    const float row = static_cast<float>(i / static_cast<std::size_t>(cols));
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + col * (w + gap), top + row * (h + gap)));
    const std::string name = f.english && !c.name_en.empty() ? c.name_en : c.name;
    const std::string label = f.trf("priority.yes", {{"name", name}});
    if (big_button(f, {"priority:" + c.id, label, ImVec2(w, h), ButtonKind::primary, !m.sending, true})) {
      out = {Intent::Kind::send_ticket, {}, {}, c.id};
    }
  }
  // "不是" below the classes, across the whole width: the answer most visitors give.
  const float last_y = top + static_cast<float>(rows - 1) * (h + gap);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, last_y));
  if (big_button(
          f, {"priority:none", f.tr("priority.no"), ImVec2(area.size.x, h), ButtonKind::accent, !m.sending, true})) {
    out = {Intent::Kind::send_ticket, {}, {}, {}};
  }
  return out;
}

}  // namespace hall::ui
