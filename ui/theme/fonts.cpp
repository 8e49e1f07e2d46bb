// SPDX-License-Identifier: Apache-2.0
#include "theme/fonts.h"

#include <cstring>
#include <fstream>
#include <vector>

#include "imgui_freetype.h"

namespace hall::ui {
namespace {

void build_ranges(ImFontAtlas& atlas, std::string_view text, ImVector<ImWchar>& out) {
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesDefault());  // Latin, digits, punctuation
  const std::string copy(text);
  builder.AddText(copy.c_str(), copy.c_str() + copy.size());
  for (ImWchar c : {ImWchar(0x3000), ImWchar(0xFF0C), ImWchar(0x3001), ImWchar(0x3002), ImWchar(0x00D7),
                    ImWchar(0x2026), ImWchar(0x00B7), ImWchar(0x2039)})
    builder.AddChar(c);
  out.clear();
  builder.BuildRanges(&out);
}

std::vector<char> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const auto size = static_cast<std::streamsize>(in.tellg());
  if (size <= 0) return {};
  std::vector<char> bytes(static_cast<std::size_t>(size));
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return {};
  return bytes;
}

ImFont* add_from_memory(ImFontAtlas& atlas, const std::vector<char>& bytes, int index, float px,
                        const ImWchar* ranges) {
  // The atlas frees what it owns; each font gets its own copy (1.86 keeps one per font anyway).
  void* copy = IM_ALLOC(bytes.size());
  std::memcpy(copy, bytes.data(), bytes.size());
  ImFontConfig cfg;
  cfg.FontNo = index;
  cfg.FontDataOwnedByAtlas = true;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  return atlas.AddFontFromMemoryTTF(copy, static_cast<int>(bytes.size()), px, &cfg, ranges);
}

FontSet latin_fallback(ImFontAtlas& atlas, const Metrics& m) {
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  FontSet set;
  ImFontConfig cfg;
  cfg.SizePixels = m.body_px;
  set.body = atlas.AddFontDefault(&cfg);
  ImFontConfig title_cfg;
  title_cfg.SizePixels = m.title_px;
  set.title = atlas.AddFontDefault(&title_cfg);
  ImFontConfig number_cfg;
  number_cfg.SizePixels = m.number_px;
  set.number = atlas.AddFontDefault(&number_cfg);
  set.body_px = m.body_px;
  set.title_px = m.title_px;
  set.built_large = m.text_scale > 1.0f;
  atlas.Build();
  return set;
}

// A ticket's number is a group letter and digits: a few glyphs, so a very large size costs little
// atlas space, and the number stays crisp instead of being a scaled-up title glyph.
constexpr ImWchar number_ranges[] = {'-', '-', '0', '9', 'A', 'Z', 0};

}  // namespace

float size_factor(std::string_view path, std::string_view family) {
  const bool noto = path.find("Noto") != std::string_view::npos || family.find("Noto") != std::string_view::npos;
  return noto ? 1.45f : 1.15f;
}

FontSet build_font_set(ImFontAtlas& atlas, const FontRequest& request, ImVector<ImWchar>& ranges_body,
                       ImVector<ImWchar>& ranges_title) {
  const Metrics& m = request.metrics;
  if (request.path.empty()) return latin_fallback(atlas, m);
  const auto bytes = read_whole(request.path);
  if (bytes.empty()) return latin_fallback(atlas, m);

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  build_ranges(atlas, request.body_text, ranges_body);
  build_ranges(atlas, request.title_text, ranges_title);
  const float factor = size_factor(request.path, request.family);
  FontSet set;
  set.body = add_from_memory(atlas, bytes, request.index, m.body_px * factor, ranges_body.Data);
  set.title = add_from_memory(atlas, bytes, request.index, m.title_px * factor, ranges_title.Data);
  set.number = add_from_memory(atlas, bytes, request.index, m.number_px * factor, number_ranges);
  if (set.body == nullptr || set.title == nullptr || set.number == nullptr || !atlas.Build())
    return latin_fallback(atlas, m);
  // The glyphs are rasterised: drop the per-font copies of the file (~20 MB each for Noto).
  // A later change rebuilds from scratch through this function, never through atlas.Build().
  atlas.ClearInputData();
  set.body_px = m.body_px;
  set.title_px = m.title_px;
  set.cjk = true;
  set.built_large = m.text_scale > 1.0f;
  return set;
}

}  // namespace hall::ui
