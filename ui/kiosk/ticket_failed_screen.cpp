// SPDX-License-Identifier: Apache-2.0
// No ticket: say so plainly and where to go instead, with the hub's reason in its own words. A hall
// that is closed says when it opens (the hub's message); a hub that could not be reached is named
// as this machine's trouble, not the visitor's. Never a number: the kiosk holds none.
#include <string>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

const char* title_key(const TicketState& s) {
  const auto reason = s.refusal ? s.refusal->reason : TicketRefusal::Reason::unreachable;
  const bool again = s.purpose == TicketState::Purpose::reactivate;
  switch (reason) {
    case TicketRefusal::Reason::closed:
      return K("ticket_failed.closed");
    case TicketRefusal::Reason::not_found:
      return again ? K("ticket_failed.no_such_number") : K("ticket_failed.title");
    case TicketRefusal::Reason::refused:
      return again ? K("ticket_failed.not_requeued") : K("ticket_failed.title");
    case TicketRefusal::Reason::unreachable:
      break;
  }
  return again ? K("ticket_failed.reactivate_title") : K("ticket_failed.title");
}

}  // namespace

Intent draw_ticket_failed(Frame& f, const TicketFailedModel& m, Area area) {
  Intent out;
  if (!m.state) return {Intent::Kind::home};
  const TicketState& s = *m.state;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y * 0.08f));
  ImGui::BeginGroup();
  paragraph(title_style(f, f.palette.text), f.tr(title_key(s)), 0.0f, area.size.x);
  ImGui::Dummy(ImVec2(0, f.metrics.gap));
  // The hub's words for the visitor: its English when the visitor reads English and it gave one.
  const std::string reason =
      s.refusal && f.english && !s.refusal->message_en.empty() ? s.refusal->message_en : s.problem;
  if (!reason.empty()) {
    const TextStyle st = body_style(f, f.palette.on_notice);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float inner = area.size.x - 2.0f * f.metrics.pad;
    const float h = paragraph_height(st, reason, inner) + f.metrics.gap * 1.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + area.size.x, p.y + h), f.color(f.palette.notice), f.metrics.rounding);
    draw_paragraph(dl, st, ImVec2(p.x + f.metrics.pad, p.y + f.metrics.gap * 0.75f), reason, inner);
    ImGui::Dummy(ImVec2(area.size.x, h));
    ImGui::Dummy(ImVec2(0, f.metrics.gap));
  }
  const std::string phone(m.hall_phone);
  if (phone.empty())
    paragraph(body_style(f, f.palette.text), f.tr("ticket_failed.ask_desk"), 0.0f, area.size.x);
  else
    paragraph(body_style(f, f.palette.text), f.trf("ticket_failed.ask_desk_or_call", {{"phone", phone}}), 0.0f,
              area.size.x);
  ImGui::EndGroup();

  // 返回 to try again (the question or the keypad is underneath), 首页 in the bar above.
  const float bh = std::max(f.metrics.button_h, f.metrics.min_target) * 1.1f;
  const std::string& again = f.tr("ticket_failed.back");
  const float w = std::min(area.size.x, std::max(button_width(f, again) + 2.0f * f.metrics.pad, 480.0f));
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + (area.size.x - w) * 0.5f, area.pos.y + area.size.y - bh));
  if (big_button(f, {"ticket_failed:back", again, ImVec2(w, bh), ButtonKind::primary, true, true})) {
    out = {Intent::Kind::back, {}};
  }
  return out;
}

}  // namespace hall::ui
