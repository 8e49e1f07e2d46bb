// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every widget and screen needs during one frame. Built by KioskApp::draw, passed by reference.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/strings.h"
#include "imgui.h"
#include "theme/fonts.h"
#include "theme/theme.h"
#include "widgets/touch_target.h"

namespace hall::ui {

struct Frame {
  const Strings& strings;
  const Palette& palette;
  const Metrics& metrics;
  const FontSet& fonts;
  std::vector<TouchTarget>& targets;
  bool english = false;  // show name_en where the data has one
  bool portrait = false;
  bool gesture_is_drag = false;  // the finger moved past the tap slop: nothing may be pressed

  const std::string& tr(std::string_view key) const { return strings.tr(key); }
  std::string trf(std::string_view key, Strings::Args args) const { return strings.trf(key, args); }
  ImFont* body() const { return fonts.body ? fonts.body : ImGui::GetFont(); }
  ImFont* title() const { return fonts.title ? fonts.title : ImGui::GetFont(); }
  // The size to draw each font at: its own size when built by us (Noto's box is 1.45x the
  // visible size), else ImGui's default font scaled to the visible size.
  float body_size() const { return fonts.body ? fonts.body->FontSize : metrics.body_px; }
  float title_size() const { return fonts.title ? fonts.title->FontSize : metrics.title_px; }
  ImFont* number() const { return fonts.number ? fonts.number : title(); }
  float number_size() const { return fonts.number ? fonts.number->FontSize : metrics.number_px; }
  // Advance between wrapped lines: at least 1.3x the visible size.
  float body_line() const { return std::max(body_size(), metrics.body_px * metrics.line_spacing); }
  float title_line() const { return std::max(title_size(), metrics.title_px * metrics.line_spacing); }
  ImU32 color(std::uint32_t rgb, float alpha = 1.0f) const { return to_imgui_color(rgb, alpha); }
};

}  // namespace hall::ui
