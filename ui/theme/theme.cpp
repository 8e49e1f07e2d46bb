// SPDX-License-Identifier: Apache-2.0
#include "theme/theme.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"

namespace hall::ui {
namespace {

double channel(std::uint32_t c8) {
  const double c = static_cast<double>(c8) / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::uint32_t rgb) {
  return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

ImVec4 vec(std::uint32_t rgb, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}

}  // namespace

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ContrastPair> contrast_pairs(const Palette& p) {
  return {
      {"text on background", p.text, p.background},
      {"muted text on background", p.text_muted, p.background},
      {"text on panel", p.text, p.panel},
      {"muted text on panel", p.text_muted, p.panel},
      {"text on pressed panel", p.text, p.panel_pressed},
      {"primary button", p.on_primary, p.primary},
      {"primary pressed", p.on_primary, p.primary_pressed},
      {"accent button", p.on_primary, p.accent},
      {"accent pressed", p.on_primary, p.accent_pressed},
      {"good badge", p.on_primary, p.good},
      {"warn badge", p.on_primary, p.warn},
      {"neutral badge", p.on_primary, p.neutral},
      {"disabled button", p.on_disabled, p.disabled},
      {"notice", p.on_notice, p.notice},
  };
}

Metrics metrics_for(bool large_text) {
  Metrics m;
  if (!large_text) return m;
  const float s = 1.5f;
  m.text_scale = s;
  m.body_px *= s;
  m.title_px *= s;
  m.top_bar *= 1.3f;
  m.button_h *= s;
  m.row_h *= s;
  m.key_h *= 1.25f;
  m.pad *= 1.25f;
  m.gap *= 1.25f;
  return m;
}

std::uint32_t to_imgui_color(std::uint32_t rgb, float alpha) {
  return ImGui::ColorConvertFloat4ToU32(vec(rgb, alpha));
}

void apply_theme(const Palette& p, const Metrics& m) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowPadding = ImVec2(m.pad, m.pad);
  s.FramePadding = ImVec2(m.gap, m.gap * 0.75f);
  s.ItemSpacing = ImVec2(m.gap, m.gap);
  s.ItemInnerSpacing = ImVec2(m.gap * 0.5f, m.gap * 0.5f);
  s.WindowRounding = 0.0f;
  s.ChildRounding = 0.0f;
  s.FrameRounding = m.rounding;
  s.WindowBorderSize = 0.0f;
  s.ChildBorderSize = 0.0f;
  s.ScrollbarSize = 14.0f;  // shown as a position hint only; the finger drags the content
  s.ScrollbarRounding = 7.0f;
  s.TouchExtraPadding = ImVec2(0.0f, 0.0f);
  s.DisabledAlpha = 1.0f;  // disabled buttons get their own high-contrast colours instead of fading

  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = vec(p.text);
  c[ImGuiCol_TextDisabled] = vec(p.on_disabled);
  c[ImGuiCol_WindowBg] = vec(p.background);
  c[ImGuiCol_ChildBg] = vec(p.background, 0.0f);
  c[ImGuiCol_Border] = vec(p.border);
  c[ImGuiCol_Button] = vec(p.primary);
  c[ImGuiCol_ButtonHovered] = vec(p.primary);  // no hover look: a finger does not hover
  c[ImGuiCol_ButtonActive] = vec(p.primary_pressed);
  c[ImGuiCol_ScrollbarBg] = vec(p.panel);
  c[ImGuiCol_ScrollbarGrab] = vec(p.border);
  c[ImGuiCol_ScrollbarGrabHovered] = vec(p.border);
  c[ImGuiCol_ScrollbarGrabActive] = vec(p.text);
  c[ImGuiCol_Separator] = vec(p.border);
}

}  // namespace hall::ui
