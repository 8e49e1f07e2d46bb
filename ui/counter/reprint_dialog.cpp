// SPDX-License-Identifier: Apache-2.0
// 补打其他号: a visitor whose slip is lost comes back to any window, not only the one serving them,
// so the clerk types any of today's numbers on the same keypad the kiosk's 过号重排 uses and sends
// it; the kiosk that issued the ticket prints the slip again. Over the work screen in its own
// window, so nothing beneath is pressed. The answer stays in the dialog in the hub's words: asked
// for (the kiosk is printing it), no such number today, or why it was refused.
#include <algorithm>
#include <cmath>

#include "counter/screens.h"
#include "widgets/buttons.h"
#include "widgets/overlay.h"
#include "widgets/text.h"
#include "widgets/ticket_number.h"

namespace hall::ui {

std::string reprint_answer_text(const Frame& f, const SlipNote& n) {
  switch (n.phase) {
    case SlipNote::Phase::none:
      return {};
    case SlipNote::Phase::sending:
      return f.trf("counter.reprint.sending", {{"number", n.number}});
    case SlipNote::Phase::done:
      return f.trf("counter.reprint.done", {{"number", n.number}});
    case SlipNote::Phase::failed:
      if (n.unknown) return f.trf("counter.reprint.unknown", {{"number", n.number}});
      return f.trf("counter.reprint.refused", {{"number", n.number}}) +
             (f.english && !n.message_en.empty() ? n.message_en : n.message);
  }
  return {};
}

CounterIntent draw_reprint_dialog(Frame& f, const CounterView& v) {
  CounterIntent out;
  const ImGuiIO& io = ImGui::GetIO();
  begin_overlay(f, "##reprint", 0.45f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = f.metrics.pad, gap = f.metrics.gap;
  const float w = std::min(io.DisplaySize.x - 4.0f * pad, 760.0f);
  const float inner = w - 2.0f * pad;
  const bool sending = v.reprint_note && v.reprint_note->phase == SlipNote::Phase::sending;
  const std::string answer = v.reprint_note ? reprint_answer_text(f, *v.reprint_note) : std::string();
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle hint = body_style(f, f.palette.text_muted);
  const bool failed = v.reprint_note && v.reprint_note->phase == SlipNote::Phase::failed;
  const TextStyle said = body_style(f, failed ? f.palette.accent : f.palette.text);
  const std::string& heading = f.tr("counter.reprint.title");
  const std::string& help = f.tr("counter.reprint.hint");
  // The card is as tall as its content: keys as large as the height allows, up to a little over
  // the counter's own key height, and room for two lines of answer even before one came.
  const float box_h = std::max(f.metrics.button_h * 1.2f, f.title_size() * 1.8f);
  const float text_h = paragraph_height(title, heading, inner) + paragraph_height(hint, help, inner);
  const float answer_h = std::max(2.0f * f.body_line(), paragraph_height(said, answer, inner));
  const float fixed = 2.0f * pad + text_h + box_h + answer_h + 5.0f * gap;
  const float rows = static_cast<float>(ticket_keypad_rows + 1);  // the keypad and 发送补打 | 关闭
  // Below the bar, so the window and the clerk stay in sight.
  const float top = counter_bar_height(f) + pad, bottom = io.DisplaySize.y - pad;
  const float room = bottom - top - fixed;
  const float key_h = std::clamp((room - gap * rows) / rows, f.metrics.min_target, f.metrics.key_h * 1.2f);
  const float h = std::min(bottom - top, fixed + rows * (key_h + gap));
  const ImVec2 min(std::floor((io.DisplaySize.x - w) * 0.5f), std::floor(top + (bottom - top - h) * 0.5f));
  const ImVec2 max(min.x + w, min.y + h);
  draw_dialog_card(f, min, max);

  float y = min.y + pad;
  const float x = min.x + pad;
  y += draw_paragraph(dl, title, ImVec2(x, y), heading, inner);
  y += draw_paragraph(dl, hint, ImVec2(x, y), help, inner) + gap;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ticket_number_box(f, v.reprint_number, f.tr("counter.reprint.placeholder"), inner, box_h);
  y += box_h + gap;
  const TicketKeypad keys{v.reprint_number,          &v.letters, "reprint:", f.tr("counter.key.backspace"),
                          f.tr("counter.key.clear"), !sending};
  if (auto typed = ticket_keypad(f, keys, ImVec2(x, y), inner, key_h)) {
    out = {CounterIntent::Kind::reprint_key, *typed};
  }
  y += static_cast<float>(ticket_keypad_rows) * (key_h + gap);
  const bool complete = ticket_number_complete(v.reprint_number, v.letters);
  const float half = (inner - gap) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (big_button(f, {"reprint:send", f.tr("counter.reprint.send"), ImVec2(half, key_h), ButtonKind::accent,
                     complete && !sending && !v.sending, true,
                     sending ? std::string_view(f.tr("counter.sending")) : std::string_view()})) {
    out = {CounterIntent::Kind::send_reprint, v.reprint_number};
  }
  ImGui::SetCursorScreenPos(ImVec2(x + half + gap, y));
  if (big_button(f, {"reprint:close", f.tr("counter.reprint.close"), ImVec2(half, key_h), ButtonKind::secondary})) {
    out = {CounterIntent::Kind::close_reprint};
  }
  y += key_h + gap;
  if (!answer.empty()) draw_paragraph(dl, said, ImVec2(x, y), answer, inner);
  end_overlay(f);
  return out;
}

}  // namespace hall::ui
