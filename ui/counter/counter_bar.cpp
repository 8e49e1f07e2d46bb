// SPDX-License-Identifier: Apache-2.0
// The bar on every counter screen: which window this is, who is signed in, whether the window is
// paused, 补打其他号 and 签退. A clerk glancing up sees at once where they are and as whom.
#include <algorithm>

#include "counter/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {

float counter_bar_height(const Frame& f) {
  return std::max(f.metrics.button_h, f.title_line()) + f.metrics.gap;
}

CounterIntent draw_counter_bar(Frame& f, const CounterView& v) {
  CounterIntent out;
  const ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = counter_bar_height(f);
  // Edge to edge: the window's own clip stops half its padding short of the screen's sides.
  dl->PushClipRect(ImVec2(0, 0), io.DisplaySize, false);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(io.DisplaySize.x, h), f.color(f.palette.primary));
  dl->PopClipRect();
  const TextStyle title = title_style(f, f.palette.on_primary);
  const TextStyle body = body_style(f, f.palette.on_primary);
  std::string where = v.window + (v.window_name.empty() ? std::string() : "  " + v.window_name);
  const float pad = f.metrics.pad;
  float right = io.DisplaySize.x - pad;
  if (v.who) {
    const std::string& label = f.tr("counter.sign_out");
    const float bw = button_width(f, label);
    right -= bw;
    ImGui::SetCursorScreenPos(ImVec2(right, (h - f.metrics.button_h) * 0.5f));
    if (big_button(f, {"counter:sign_out", label, ImVec2(bw, f.metrics.button_h), ButtonKind::secondary,
                       !v.sending})) {
      out.kind = CounterIntent::Kind::sign_out;
    }
    right -= pad;
    if (v.can_reprint) {
      // 补打其他号 stands in the bar, not with the current ticket's paper: it is for anyone's ticket.
      const std::string other = std::string("F8  ") + f.tr("counter.reprint.open");
      const float ow = button_width(f, other);
      right -= ow;
      ImGui::SetCursorScreenPos(ImVec2(right, (h - f.metrics.button_h) * 0.5f));
      if (big_button(
              f, {"counter:reprint_other", other, ImVec2(ow, f.metrics.button_h), ButtonKind::secondary, !v.sending})) {
        out.kind = CounterIntent::Kind::open_reprint;
      }
      right -= pad;
    }
    std::string clerk = f.trf("counter.clerk", {{"name", v.who->name.empty() ? v.who->staff_id : v.who->name},
                                                 {"id", v.who->staff_id}});
    if (v.snapshot && v.snapshot->paused) clerk = f.tr("counter.paused_badge") + "  " + clerk;
    const float cw = std::min(text_width(body.font, body.size, clerk), right * 0.5f);
    right -= cw;
    draw_line_clipped(dl, body, ImVec2(right, (h - body.size) * 0.5f), clerk, cw);
    right -= pad;
  }
  draw_line_clipped(dl, title, ImVec2(pad, (h - title.size) * 0.5f), where, std::max(0.0f, right - pad));
  ImGui::SetCursorScreenPos(ImVec2(pad, h + f.metrics.gap));
  return out;
}

}  // namespace hall::ui
