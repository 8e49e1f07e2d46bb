// SPDX-License-Identifier: Apache-2.0
#pragma once
// The glyph atlas: two sizes (body, title) of one CJK font, holding only the characters the
// screens can draw. Built with FreeType; without a CJK font, ImGui's own Latin font at the same
// sizes so the kiosk still starts and can say what to install.
#include <string>
#include <string_view>

#include "imgui.h"
#include "theme/theme.h"

namespace hall::ui {

struct FontSet {
  ImFont* body = nullptr;
  ImFont* title = nullptr;
  ImFont* number = nullptr;  // the ticket's number: digits and capital letters only, very large
  float body_px = 0.0f;      // visible sizes the fonts were built for
  float title_px = 0.0f;
  bool cjk = false;  // false: the Latin fallback
  bool built_large = false;
};

struct FontRequest {
  std::string path;  // empty: no CJK font found
  int index = 0;
  std::string family;
  std::string_view body_text;   // every character any screen may draw
  std::string_view title_text;  // the subset drawn in the title size
  Metrics metrics;
};

// How much larger than the visible size to ask for: Noto CJK's ascent+descent is large, so it
// draws ~31% smaller than the pixel size asked.
float size_factor(std::string_view path, std::string_view family);

// Clears `atlas` and builds it. Keeps the glyph ranges in `ranges_*`, which must outlive the atlas.
FontSet build_font_set(ImFontAtlas& atlas, const FontRequest& request, ImVector<ImWchar>& ranges_body,
                       ImVector<ImWchar>& ranges_title);

}  // namespace hall::ui
