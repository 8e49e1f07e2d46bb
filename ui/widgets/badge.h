// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small solid label (最多跑一次, 零跑腿, 必要, 容缺后补, 免费): white text on a dark colour.
#include <string_view>

#include "widgets/frame.h"

namespace hall::ui {

ImVec2 badge_size(const Frame& f, std::string_view text);
// Draws at `pos`; returns its width.
float draw_badge(const Frame& f, ImDrawList* dl, ImVec2 pos, std::string_view text, std::uint32_t bg_rgb);

// A row of badges at the cursor, wrapping when they do not fit; advances the cursor.
struct BadgeSpec {
  std::string text;
  std::uint32_t bg;
};
void badge_row(const Frame& f, const std::vector<BadgeSpec>& badges, float indent = 0.0f);

}  // namespace hall::ui
