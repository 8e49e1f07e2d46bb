// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/glyph_check.h"

#include <map>
#include <set>
#include <utility>

#include "common/utf8.h"

namespace hall::kiosk {
namespace {

// Texture coordinates outside the atlas: no real glyph has them.
constexpr float marked_uv = -8.0f;

bool same(const ImVec2& a, float u, float v) {
  return a.x == u && a.y == v;
}

}  // namespace

FallbackMarker::FallbackMarker(ImFontAtlas& atlas) {
  marked_.reserve(static_cast<std::size_t>(atlas.Fonts.Size));  // pointers into it must stay valid
  for (ImFont* font : atlas.Fonts) {
    if (font->FallbackGlyph == nullptr) continue;
    ImFontGlyph glyph = *font->FallbackGlyph;
    glyph.Visible = 1;
    glyph.U0 = glyph.V0 = glyph.U1 = glyph.V1 = marked_uv;
    marked_.push_back(glyph);
    swaps_.push_back({font, font->FallbackGlyph});
    font->FallbackGlyph = &marked_.back();
  }
}

FallbackMarker::~FallbackMarker() {
  for (const Swap& s : swaps_) s.font->FallbackGlyph = s.original;
}

DrawnText scan_draw_data(const ImDrawData& data, const ImFontAtlas& atlas) {
  // A glyph's quad starts at its (U0,V0) corner and goes round (U1,V0), (U1,V1), (U0,V1).
  std::map<std::pair<float, float>, const ImFontGlyph*> by_corner;
  for (const ImFont* font : atlas.Fonts) {
    for (const ImFontGlyph& g : font->Glyphs) {
      if (g.Visible) by_corner.emplace(std::make_pair(g.U0, g.V0), &g);
    }
  }
  DrawnText drawn;
  std::set<unsigned> seen;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& v = data.CmdLists[l]->VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i) {
      if (same(v[i].uv, marked_uv, marked_uv) && same(v[i + 2].uv, marked_uv, marked_uv)) {
        ++drawn.tofu;
        i += 3;
        continue;
      }
      const auto it = by_corner.find({v[i].uv.x, v[i].uv.y});
      if (it == by_corner.end()) continue;
      const ImFontGlyph& g = *it->second;
      if (!same(v[i + 1].uv, g.U1, g.V0) || !same(v[i + 2].uv, g.U1, g.V1) || !same(v[i + 3].uv, g.U0, g.V1)) continue;
      ++drawn.glyphs;
      if (seen.insert(g.Codepoint).second) {
        ++drawn.distinct;
        utf8::append(drawn.characters, static_cast<char32_t>(g.Codepoint));
      }
      i += 3;
    }
  }
  return drawn;
}

GlyphReport check_glyphs(const ImFontAtlas& atlas, std::string_view text) {
  const ImFont* fullest = nullptr;
  for (const ImFont* font : atlas.Fonts) {
    if (fullest == nullptr || font->Glyphs.Size > fullest->Glyphs.Size) fullest = font;
  }
  GlyphReport report;
  std::set<char32_t> seen;
  for (const char32_t cp : utf8::decode(text)) {
    if (cp == U' ' || utf8::is_control(cp) || !seen.insert(cp).second) continue;
    ++report.distinct;
    const bool in_atlas = fullest != nullptr && cp <= IM_UNICODE_CODEPOINT_MAX &&
                          fullest->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
    if (!in_atlas) {
      ++report.missing_count;
      utf8::append(report.missing, cp);
    }
  }
  return report;
}

}  // namespace hall::kiosk
