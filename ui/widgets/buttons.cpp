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
  const TextStyle main = spec.title_font ? title_style(f, c.fg) : body_style(f, c.fg);
  const TextStyle sub = body_style(f, c.fg);
  const float inner = size.x - 2.0f * f.metrics.gap;
  const float main_w = std::min(text_width(main.font, main.size, spec.label), inner);
  float total_h = main.size;
  if (!spec.sub_label.empty()) total_h += sub.size;
  float y = t.min.y + (size.y - total_h) * 0.5f;
  draw_line_clipped(dl, main, ImVec2(t.min.x + (size.x - main_w) * 0.5f, y), spec.label, inner);
  if (!spec.sub_label.empty()) {
    y += main.size;
    const float sub_w = std::min(text_width(sub.font, sub.size, spec.sub_label), inner);
    draw_line_clipped(dl, sub, ImVec2(t.min.x + (size.x - sub_w) * 0.5f, y), spec.sub_label, inner);
  }
  return t.tapped;
}

}  // namespace hall::ui
