// SPDX-License-Identifier: Apache-2.0
// While the hub is asked for a ticket: a card over the screen the visitor answered on, in its own
// window so it takes every tap (a second tap must not send a second request, and 返回 must not
// leave a ticket behind that nobody sees). The hub's port always answers, in time or with a refusal.
#include <algorithm>
#include <string>

#include "kiosk/screens.h"
#include "widgets/overlay.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {

void draw_ticket_sending(Frame& f, bool reactivation) {
  const ImGuiIO& io = ImGui::GetIO();
  begin_overlay(f, "##ticket_sending", 0.45f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  tap_area(f, "ticket:sending", io.DisplaySize, false);

  const float w = std::min(io.DisplaySize.x - 2.0f * f.metrics.pad, 900.0f * f.metrics.text_scale);
  const float inner = w - 2.0f * f.metrics.pad;
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const std::string& head = f.tr(reactivation ? K("ticket.reactivating") : K("ticket.sending"));
  const std::string& hint = f.tr("ticket.sending_hint");
  const float h = paragraph_height(title, head, inner) + paragraph_height(body, hint, inner) + 3.0f * f.metrics.pad;
  const ImVec2 min((io.DisplaySize.x - w) * 0.5f, (io.DisplaySize.y - h) * 0.5f);
  dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), f.color(f.palette.background), f.metrics.rounding * 2.0f);
  dl->AddRect(min, ImVec2(min.x + w, min.y + h), f.color(f.palette.primary), f.metrics.rounding * 2.0f, 0, 6.0f);
  float y = min.y + f.metrics.pad;
  for (const auto& [st, text] : {std::pair{title, &head}, std::pair{body, &hint}}) {
    const float tw = std::min(text_width(st.font, st.size, *text), inner);
    y += draw_paragraph(dl, st, ImVec2(min.x + (w - tw) * 0.5f, y), *text, inner) + f.metrics.pad * 0.5f;
  }
  end_overlay(f);
}

}  // namespace hall::ui
