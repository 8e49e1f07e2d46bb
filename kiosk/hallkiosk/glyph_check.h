// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tofu detection for --screenshot (and so for the screenshot tests): which characters a frame
// drew, and how many it drew with the fallback glyph because the atlas lacked them.
//
// Screens draw text through ImGui::Text*, buttons and ImDrawList::AddText alike, so the only
// complete record of what was drawn is the draw data. Every glyph is a quad whose texture
// coordinates are that glyph's rectangle in the atlas; while a FallbackMarker lives, a missing
// character's quad carries coordinates no real glyph has.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace hall::kiosk {

// Swaps every font's fallback glyph for a copy with marked texture coordinates; restores them
// when it goes. A frame drawn meanwhile is for inspection, not for the screen.
class FallbackMarker {
 public:
  explicit FallbackMarker(ImFontAtlas& atlas);
  ~FallbackMarker();
  FallbackMarker(const FallbackMarker&) = delete;
  FallbackMarker& operator=(const FallbackMarker&) = delete;

 private:
  struct Swap {
    ImFont* font;
    const ImFontGlyph* original;
  };
  std::vector<Swap> swaps_;
  std::vector<ImFontGlyph> marked_;
};

struct DrawnText {
  std::size_t glyphs = 0;  // glyph quads drawn
  std::string characters;  // the distinct characters drawn, in order of first appearance
  std::size_t distinct = 0;
  std::size_t tofu = 0;  // quads drawn with the fallback glyph: characters missing from the atlas
};

// Reads the glyphs out of a frame's draw data (draw it while a FallbackMarker lives).
DrawnText scan_draw_data(const ImDrawData& data, const ImFontAtlas& atlas);

struct GlyphReport {
  std::size_t distinct = 0;  // distinct characters checked (controls and spaces left out)
  std::string missing;       // those the atlas has no glyph for, in order of first appearance
  std::size_t missing_count = 0;
};

// Checks `text` against the atlas' fullest font (the body font: every other size holds a subset).
GlyphReport check_glyphs(const ImFontAtlas& atlas, std::string_view text);

}  // namespace hall::kiosk
