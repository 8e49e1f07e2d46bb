// SPDX-License-Identifier: Apache-2.0
// 转出: where the current ticket goes — another queue group, or one window — over the work screen
// in its own window, so nothing beneath can be pressed while the clerk chooses. The ticket keeps
// its number and its place; the hub puts it back to waiting there.
#include <algorithm>
#include <cmath>

#include "counter/screens.h"
#include "widgets/buttons.h"
#include "widgets/overlay.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {

CounterIntent draw_transfer_dialog(Frame& f, const CounterView& v) {
  CounterIntent out;
  const ImGuiIO& io = ImGui::GetIO();
  begin_overlay(f, "##transfer", 0.45f);
  const float pad = f.metrics.pad, gap = f.metrics.gap;
  const float w = std::min(io.DisplaySize.x - 2.0f * pad, 1100.0f);
  const float inner = w - 2.0f * pad;
  const ImVec2 min((io.DisplaySize.x - w) * 0.5f, pad * 2.0f);
  const ImVec2 max(min.x + w, io.DisplaySize.y - pad * 2.0f);
  draw_dialog_card(f, min, max);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
  const std::string number = v.snapshot && v.snapshot->current ? v.snapshot->current->number : std::string();
  paragraph(title_style(f, f.palette.text), f.trf("counter.transfer.title", {{"number", number}}), 0.0f, inner);
  const int cols = f.portrait ? 1 : 2;
  const float bw = (inner - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const auto grid = [&](const std::string& heading, std::size_t n, auto&& button) {
    // ImGui's new line returns to the window's edge, not the card's: every row is placed by hand.
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, ImGui::GetCursorScreenPos().y + gap));
    paragraph(body_style(f, f.palette.text_muted), heading, 0.0f, inner);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, ImGui::GetCursorScreenPos().y));
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < n; ++i) {
      ImGui::SetCursorScreenPos(ImVec2(o.x + static_cast<float>(static_cast<int>(i) % cols) * (bw + gap),
                                       o.y + static_cast<float>(static_cast<int>(i) / cols) * (f.metrics.button_h + gap)));
      button(i, ImVec2(bw, f.metrics.button_h));
    }
    const auto rows = static_cast<float>((n + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + rows * (f.metrics.button_h + gap)));
  };
  if (v.who) {
    grid(f.tr("counter.transfer.to_group"), v.who->groups.size(), [&](std::size_t i, ImVec2 size) {
      const auto& g = v.who->groups[i];
      const std::string& name = f.english && !g.name_en.empty() ? g.name_en : g.name;
      if (big_button(f, {"transfer:group:" + g.id, g.id + "  " + name, size, ButtonKind::primary, !v.sending})) {
        out = {CounterIntent::Kind::act, {}, CounterAction::transfer, 0, g.id, {}};
      }
    });
    grid(f.tr("counter.transfer.to_window"), v.who->windows.size(), [&](std::size_t i, ImVec2 size) {
      const auto& w2 = v.who->windows[i];
      const std::string& name = f.english && !w2.name_en.empty() ? w2.name_en : w2.name;
      if (big_button(f, {"transfer:window:" + w2.id, w2.id + "  " + name, size, ButtonKind::secondary, !v.sending})) {
        out = {CounterIntent::Kind::act, {}, CounterAction::transfer, 0, {}, w2.id};
      }
    });
  }
  const float cw = button_width(f, f.tr("counter.transfer.cancel"));
  ImGui::SetCursorScreenPos(ImVec2(max.x - pad - cw, max.y - pad - f.metrics.button_h));
  if (big_button(f, {"transfer:cancel", f.tr("counter.transfer.cancel"), ImVec2(cw, f.metrics.button_h),
                     ButtonKind::secondary})) {
    out = {CounterIntent::Kind::close_transfer};
  }
  end_overlay(f);
  return out;
}

}  // namespace hall::ui
