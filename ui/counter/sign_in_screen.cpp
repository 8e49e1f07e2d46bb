// SPDX-License-Identifier: Apache-2.0
// Signing in at the window: staff id and PIN, typed on the clerk's keyboard or tapped on screen
// (letters and digits for the id, a number pad for the PIN, which shows only as dots). A refusal
// says what to do: a wrong PIN, or how many minutes a locked id must wait.
#include <algorithm>
#include <cmath>

#include "counter/screens.h"
#include "widgets/buttons.h"
#include "widgets/keyboard.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

// One field: its label above, the value (or dots) in a box that takes the focus when tapped.
CounterIntent field(Frame& f, const char* id, std::string_view label, const std::string& shown, bool focused,
                    float width) {
  CounterIntent out;
  paragraph(body_style(f, f.palette.text), label, 0.0f, width);
  const float h = std::max(f.metrics.button_h, f.title_line() + f.metrics.gap);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const TapResult t = tap_area(f, std::string("sign_in:") + id, ImVec2(width, h));
  if (t.tapped) out = {CounterIntent::Kind::focus, id};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), f.color(f.palette.background), f.metrics.rounding);
  dl->AddRect(p, ImVec2(p.x + width, p.y + h), f.color(focused ? f.palette.primary : f.palette.border),
              f.metrics.rounding, 0, focused ? 4.0f : 2.0f);
  const TextStyle s = title_style(f, f.palette.text);
  std::string text = shown;
  if (focused) text += "|";
  draw_line_clipped(dl, s, ImVec2(p.x + f.metrics.pad, p.y + (h - s.size) * 0.5f), text, width - 2.0f * f.metrics.pad);
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
  return out;
}

std::string problem_text(const Frame& f, const CounterView& v) {
  if (!v.sign_in_problem) return {};
  const CounterProblem& p = *v.sign_in_problem;
  switch (p.kind) {
    case CounterProblem::Kind::wrong_pin:
      if (p.attempts_left) return f.trf("counter.sign_in.wrong_left", {{"n", std::to_string(*p.attempts_left)}});
      return f.tr("counter.sign_in.wrong");
    case CounterProblem::Kind::locked:
      return f.trf("counter.sign_in.locked", {{"n", std::to_string(std::max(1, v.locked_minutes))}});
    case CounterProblem::Kind::unreachable:
      return f.tr("counter.sign_in.unreachable");
    default:
      return f.english && !p.message_en.empty() ? p.message_en : p.message;
  }
}

// 1-2-3 / 4-5-6 / 7-8-9 / 删除-0-清空.
CounterIntent number_pad(Frame& f, ImVec2 origin, float width, float key_h, bool enabled) {
  CounterIntent out;
  static constexpr const char* keys[4][3] = {
      {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"backspace", "0", "clear"}};
  const float gap = f.metrics.gap;
  const float w = (width - 2.0f * gap) / 3.0f;
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 3; ++c) {
      const std::string key = keys[r][c];
      const std::string label =
          key == "backspace" ? f.tr("counter.key.backspace") : key == "clear" ? f.tr("counter.key.clear") : key;
      ImGui::SetCursorScreenPos(
          ImVec2(origin.x + static_cast<float>(c) * (w + gap), origin.y + static_cast<float>(r) * (key_h + gap)));
      if (big_button(f, {"pad:" + key, label, ImVec2(w, key_h), key.size() == 1 ? ButtonKind::primary : ButtonKind::secondary,
                         enabled, key.size() == 1})) {
        out = {CounterIntent::Kind::key, key};
      }
    }
  }
  return out;
}

}  // namespace

CounterIntent draw_sign_in(Frame& f, const CounterView& v, Area area) {
  CounterIntent out;
  const float gap = f.metrics.gap;
  const float pad_w = f.portrait ? area.size.x : std::floor((area.size.x - 2.0f * gap) * 0.55f);
  const float form_w = f.portrait ? area.size.x : area.size.x - pad_w - 2.0f * gap;
  ImGui::SetCursorScreenPos(area.pos);
  ImGui::BeginGroup();
  paragraph(title_style(f, f.palette.text), f.trf("counter.sign_in.title", {{"window", v.window}}), 0.0f, form_w);
  paragraph(muted_style(f), f.tr("counter.sign_in.hint"), 0.0f, form_w);
  const bool enabled = !v.signing_in && v.locked_minutes <= 0;
  if (auto i = field(f, "staff", f.tr("counter.sign_in.staff_id"), v.staff_id, !v.pin_focused, form_w)) out = i;
  std::string dots;
  for (std::size_t i = 0; i < v.pin.size(); ++i) dots += "●";  // the PIN itself is never drawn
  if (auto i = field(f, "pin", f.tr("counter.sign_in.pin"), dots, v.pin_focused, form_w)) out = i;
  const std::string problem = problem_text(f, v);
  if (v.signing_in) {
    paragraph(body_style(f, f.palette.primary), f.tr("counter.sign_in.sending"), 0.0f, form_w);
  } else if (!problem.empty()) {
    paragraph(body_style(f, f.palette.accent), problem, 0.0f, form_w);
  }
  const bool complete = !v.staff_id.empty() && !v.pin.empty();
  if (big_button(f, {"sign_in:submit", f.tr("counter.sign_in.submit"), ImVec2(form_w, f.metrics.button_h),
                     ButtonKind::accent, enabled && complete, true})) {
    out = {CounterIntent::Kind::submit};
  }
  ImGui::EndGroup();

  const float top = f.portrait ? ImGui::GetItemRectMax().y + gap : area.pos.y;
  const float x0 = f.portrait ? area.pos.x : area.pos.x + area.size.x - pad_w;
  const float room = area.pos.y + area.size.y - top;
  if (v.pin_focused) {
    const float key_h = std::clamp((room - 3.0f * gap) / 4.0f, f.metrics.min_target, f.metrics.key_h * 1.3f);
    if (auto i = number_pad(f, ImVec2(x0, top), pad_w, key_h, enabled)) out = i;
  } else {
    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    const float key_h = std::clamp(room / 5.5f, f.metrics.min_target, f.metrics.key_h);
    if (const auto k = on_screen_keyboard(f, pad_w, key_h); k && enabled) {
      if (k->kind == KeyPress::Kind::backspace) out = {CounterIntent::Kind::key, "backspace"};
      if (k->kind == KeyPress::Kind::clear) out = {CounterIntent::Kind::key, "clear"};
      if (k->kind == KeyPress::Kind::character) out = {CounterIntent::Kind::key, std::string(1, k->c)};
    }
  }
  return out;
}

}  // namespace hall::ui
