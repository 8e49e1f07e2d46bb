// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's one look: dark text on white, solid dark buttons, no hover effects (a finger does
// not hover). Every text/background pair is listed so a test can hold it to 7:1 (WCAG AAA).
#include <cstdint>
#include <vector>

struct ImFont;

namespace hall::ui {

// 0xRRGGBB
struct Palette {
  std::uint32_t background = 0xFFFFFF;
  std::uint32_t text = 0x111111;
  std::uint32_t text_muted = 0x3A3A3A;
  std::uint32_t panel = 0xEEF1F5;  // cards and rows
  std::uint32_t panel_pressed = 0xC9D3E0;
  std::uint32_t border = 0x5A6470;
  std::uint32_t primary = 0x0B3D91;  // main actions, white text
  std::uint32_t primary_pressed = 0x062A66;
  std::uint32_t on_primary = 0xFFFFFF;
  std::uint32_t accent = 0x8A1C1C;  // 一次办好 entry, white text
  std::uint32_t accent_pressed = 0x5E1212;
  std::uint32_t good = 0x0A5A2C;     // 最多跑一次 / 零跑腿 / 免费 badges, white text
  std::uint32_t warn = 0x7A4A00;     // 容缺 badge, white text
  std::uint32_t neutral = 0x3A3A3A;  // plain badges, white text
  std::uint32_t disabled = 0xD6D6D6;
  std::uint32_t on_disabled = 0x2E2E2E;
  std::uint32_t notice = 0xFFF4CC;  // stale / no-font notices, dark text
  std::uint32_t on_notice = 0x111111;
};

struct ContrastPair {
  const char* what;
  std::uint32_t foreground, background;
};
std::vector<ContrastPair> contrast_pairs(const Palette& p);
// WCAG 2 contrast ratio of two sRGB colours, 1..21.
double contrast_ratio(std::uint32_t a, std::uint32_t b);

// Sizes in pixels at a 1080-pixel short side. Large text (长辈模式) scales everything that
// holds text by text_scale; touch targets never drop below 64 px.
struct Metrics {
  float text_scale = 1.0f;
  float body_px = 30.0f;       // visible size of body text
  float title_px = 40.0f;      // headings, names in lists
  float number_px = 210.0f;    // the ticket's number (the same in 长辈模式: it is already the largest)
  float line_spacing = 1.35f;  // advance between wrapped lines, in visible sizes (>= 1.3)
  float min_target = 64.0f;
  float pad = 24.0f;
  float gap = 16.0f;
  float top_bar = 104.0f;
  float button_h = 88.0f;
  float row_h = 160.0f;
  float key_h = 84.0f;
  float rounding = 10.0f;
  float tap_slop = 12.0f;  // a finger moving less than this is a tap
};
Metrics metrics_for(bool large_text);

std::uint32_t to_imgui_color(std::uint32_t rgb, float alpha = 1.0f);  // ImU32
void apply_theme(const Palette& p, const Metrics& m);

}  // namespace hall::ui
