// SPDX-License-Identifier: Apache-2.0
// The hub does not answer: a strip under the bar says so, and whether the last action's outcome is
// still unknown (its buttons stay grey until the hub is read again, so nothing is done twice).
// While the hub answers but its event stream is lost, a quieter strip says the counts may lag by a
// few seconds: the counter reads them on a timer until the stream is back.
#include "counter/screens.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

bool live_lost(const CounterView& v) {
  using Phase = CounterLink::Phase;
  if (!v.who) return false;
  return v.link.phase == Phase::reconnecting || v.link.phase == Phase::refused ||
         (v.link.phase == Phase::connecting && v.link.attempts > 0);
}

std::string banner_text(const Frame& f, const CounterView& v) {
  if (v.unsure) return f.tr("counter.banner.unsure") + " " + f.tr("counter.banner.retrying");
  if (v.unreachable) return f.tr("counter.banner.unreachable") + " " + f.tr("counter.banner.retrying");
  if (v.link.phase == CounterLink::Phase::refused) return f.tr("counter.banner.live_refused");
  return f.tr("counter.banner.live_lost");
}

}  // namespace

float draw_hub_banner(Frame& f, const CounterView& v, Area area) {
  const bool down = v.unreachable || v.unsure;
  if (!down && !live_lost(v)) return 0.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const TextStyle s = body_style(f, down ? f.palette.on_notice : f.palette.text);
  const std::string text = banner_text(f, v);
  const float inner = area.size.x - 2.0f * f.metrics.pad;
  const float h = paragraph_height(s, text, inner) + f.metrics.pad;
  const ImVec2 end(area.pos.x + area.size.x, area.pos.y + h);
  dl->AddRectFilled(area.pos, end, f.color(down ? f.palette.notice : f.palette.panel), f.metrics.rounding);
  dl->AddRect(area.pos, end, f.color(f.palette.warn), f.metrics.rounding, 0, down ? 3.0f : 2.0f);
  draw_paragraph(dl, s, ImVec2(area.pos.x + f.metrics.pad, area.pos.y + f.metrics.pad * 0.5f), text, inner);
  return h + f.metrics.gap;
}

}  // namespace hall::ui
