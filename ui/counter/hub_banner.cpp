// SPDX-License-Identifier: Apache-2.0
// The hub does not answer: a strip under the bar says so, and whether the last action's outcome is
// still unknown (its buttons stay grey until the hub is read again, so nothing is done twice).
#include "counter/screens.h"
#include "widgets/text.h"

namespace hall::ui {

float draw_hub_banner(Frame& f, const CounterView& v, Area area) {
  if (!v.unreachable && !v.unsure) return 0.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const TextStyle s = body_style(f, f.palette.on_notice);
  const std::string text =
      f.tr(v.unsure ? K("counter.banner.unsure") : K("counter.banner.unreachable")) + " " + f.tr("counter.banner.retrying");
  const float inner = area.size.x - 2.0f * f.metrics.pad;
  const float h = paragraph_height(s, text, inner) + f.metrics.pad;
  dl->AddRectFilled(area.pos, ImVec2(area.pos.x + area.size.x, area.pos.y + h), f.color(f.palette.notice),
                    f.metrics.rounding);
  dl->AddRect(area.pos, ImVec2(area.pos.x + area.size.x, area.pos.y + h), f.color(f.palette.warn), f.metrics.rounding,
              0, 3.0f);
  draw_paragraph(dl, s, ImVec2(area.pos.x + f.metrics.pad, area.pos.y + f.metrics.pad * 0.5f), text, inner);
  return h + f.metrics.gap;
}

}  // namespace hall::ui
