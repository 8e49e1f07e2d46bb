// SPDX-License-Identifier: Apache-2.0
#include "widgets/buttons.h"

#include <algorithm>

#include "widgets/text.h"

namespace hall::ui {
namespace {

struct Colors {
  std::uint32_t bg, fg;
};

Colors colors_for(const Frame& f, ButtonKind kind, bool pressed) {
  const Palette& p = f.palette;
  switch (kind) {
    case ButtonKind::primary:
      return {pressed ? p.primary_pressed : p.primary, p.on_primary};
    case ButtonKind::accent:
      return {pressed ? p.accent_pressed : p.accent, p.on_primary};
    case ButtonKind::toggle_on:
      return {pressed ? p.primary_pressed : p.good, p.on_primary};
    case ButtonKind::secondary:
      return {pressed ? p.panel_pressed : p.panel, p.text};
    case ButtonKind::disabled:
      return {p.disabled, p.on_disabled};
  }
  return {p.primary, p.on_primary};
}

}  // namespace

float button_width(const Frame& f, std::string_view label) {
  return text_width(f.body(), f.body_size(), label) + 2.0f * f.metrics.pad;
}

bool big_button(Frame& f, const ButtonSpec& spec) {
  const ImVec2 size(spec.size.x, std::max(spec.size.y, f.metrics.min_target));
  const TapResult t = tap_area(f, spec.id, size, spec.enabled);
  const ButtonKind kind = spec.enabled ? spec.kind : ButtonKind::disabled;
  const Colors c = colors_for(f, kind, t.pressed);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(c.bg), f.metrics.rounding);
  if (kind == ButtonKind::secondary || kind == ButtonKind::disabled) {
    dl->AddRect(t.min, t.max, f.color(f.palette.border), f.metrics.rounding, 0, 2.0f);
  }
  const TextStyle title = spec.title_font ? title_style(f, c.fg) : body_style(f, c.fg);
  const TextStyle sub = body_style(f, c.fg);
  const float inner = size.x - 2.0f * f.metrics.gap;
  // The line under the label wraps to a second line where the button has the height (an English
  // hint on a narrow 长辈模式 column); otherwise it keeps one line.
  auto sub_lines = spec.sub_label.empty() ? std::vector<std::pair<std::size_t, std::size_t>>{}
                                          : wrap_lines(sub.font, sub.size, spec.sub_label, inner);
  if (sub_lines.size() > 2 || (sub_lines.size() == 2 && title.size + 2.0f * sub.size > size.y - f.metrics.gap * 0.5f)) {
    sub_lines.resize(1);
  }
  float sub_h = static_cast<float>(sub_lines.size()) * sub.size;
  // A label too wide for one line wraps, in its own size while two lines fit the button and
  // then in the body size ("Services for people with disabilities" on a 长辈模式 tile), rather than
  // ending in "…"; only what fits nowhere is cut.
  TextStyle main = title;
  auto lines = wrap_lines(title.font, title.size, spec.label, inner);
  if (lines.size() > 1 && sub_lines.size() > 1) {  // the label's second line comes first
    sub_lines.resize(1);
    sub_h = sub.size;
  }
  const auto fits = [&](const TextStyle& st, std::size_t n, std::size_t max) {
    return n <= max && static_cast<float>(n) * st.size + sub_h <= size.y - f.metrics.gap * 0.5f;
  };
  if (!fits(title, lines.size(), 2)) {
    auto small = wrap_lines(sub.font, sub.size, spec.label, inner);
    if (spec.title_font && fits(sub, small.size(), 3)) {
      main = sub;
      lines = std::move(small);
    } else {
      lines.resize(std::min<std::size_t>(lines.size(), 1));
    }
  }
  if (lines.empty()) lines.push_back({0, spec.label.size()});
  float y = t.min.y + (size.y - static_cast<float>(lines.size()) * main.size - sub_h) * 0.5f;
  // Each line centred; the last one runs to the text's end, so what did not fit is cut there.
  const auto draw_lines = [&](const TextStyle& st, std::string_view text, const auto& wrapped) {
    for (std::size_t i = 0; i < wrapped.size(); ++i) {
      const auto [b, e] = wrapped[i];
      const std::string_view part = i + 1 == wrapped.size() ? text.substr(b) : text.substr(b, e - b);
      const float w = std::min(text_width(st.font, st.size, part), inner);
      draw_line_clipped(dl, st, ImVec2(t.min.x + (size.x - w) * 0.5f, y), part, inner);
      y += st.size;
    }
  };
  draw_lines(main, spec.label, lines);
  draw_lines(sub, spec.sub_label, sub_lines);
  return t.tapped;
}

}  // namespace hall::ui
