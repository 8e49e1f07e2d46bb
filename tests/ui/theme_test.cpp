// SPDX-License-Identifier: Apache-2.0
// The theme's promises: 7:1 text contrast, line spacing of 1.3, 64 px targets, 1.5x large text.
#include <catch2/catch.hpp>

#include "theme/theme.h"
#include "widgets/text.h"

using namespace hall::ui;

TEST_CASE("every text colour has at least 7:1 contrast on its background", "[ui][theme]") {
  for (const auto& pair : contrast_pairs(Palette{})) {
    INFO(pair.what << ": " << contrast_ratio(pair.foreground, pair.background));
    CHECK(contrast_ratio(pair.foreground, pair.background) >= 7.0);
  }
  CHECK(contrast_ratio(0x000000, 0xFFFFFF) == Approx(21.0));
}

TEST_CASE("large text scales text and rows by 1.5 and keeps line spacing and targets", "[ui][theme]") {
  const Metrics normal = metrics_for(false), large = metrics_for(true);
  CHECK(large.body_px >= 1.5f * normal.body_px);
  CHECK(large.title_px >= 1.5f * normal.title_px);
  CHECK(large.row_h >= 1.5f * normal.row_h);
  for (const Metrics& m : {normal, large}) {
    CHECK(m.line_spacing >= 1.3f);
    CHECK(m.button_h >= 64.0f);
    CHECK(m.key_h >= 64.0f);
    CHECK(m.row_h >= 64.0f);
  }
}

TEST_CASE("Chinese text wraps between characters but never before closing punctuation", "[ui][text]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  ImFont* font = atlas.AddFontDefault();
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsRGBA32(&px, &w, &h);
  const float size = font->FontSize;
  // The default font has no Han glyphs: each is drawn as the fallback, of a known width.
  const std::string text = "具有任城区户籍，年满八十周岁的老年人 may apply now.";
  const float width = font->GetCharAdvance(static_cast<ImWchar>(0x5177)) * 6.5f;
  const auto lines = wrap_lines(font, size, text, width);
  REQUIRE(lines.size() >= 3);
  for (const auto& [b, e] : lines) {
    const std::string line = text.substr(b, e - b);
    INFO("line: " << line);
    CHECK_FALSE(line.starts_with("，"));
    CHECK_FALSE(line.starts_with(" "));
    CHECK(text_width(font, size, line) <= width + 0.5f);
  }
  CHECK(wrap_lines(font, size, "", 100.0f).size() == 1);
  CHECK(wrap_lines(font, size, "a\nb", 1000.0f).size() == 2);

  // An address breaks after a slash, between its parts: the notice's id stays whole.
  const std::string address = "http://127.0.0.1:8470/n/N-2026-D07";
  const float narrow = text_width(font, size, "http://127.0.0.1:8470/n/N-20") + 1.0f;  // room for part of the id
  const auto parts = wrap_lines(font, size, address, narrow);
  REQUIRE(parts.size() == 2);
  CHECK(address.substr(parts[1].first) == "N-2026-D07");
  // ... but never inside "//" or before a digit ("1/2").
  const auto http = wrap_lines(font, size, address, text_width(font, size, "http://1") + 1.0f);
  CHECK(address.substr(http[0].first, http[0].second - http[0].first) != "http:/");
  for (const auto& [b, e] : wrap_lines(font, size, "1/2 1/2 1/2", text_width(font, size, "1/2 1") + 1.0f)) {
    CHECK_FALSE(std::string("1/2 1/2 1/2").substr(b, e - b).ends_with("/"));
  }
  ImGui::DestroyContext(ctx);
}
