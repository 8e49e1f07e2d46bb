// SPDX-License-Identifier: Apache-2.0
// No tofu: every character any screen may draw is in the atlas built from the real Noto CJK font.
#include <catch2/catch.hpp>

#include <filesystem>

#include "common/utf8.h"
#include "ui_driver.h"

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

using hall::test::noto;

namespace {
}

TEST_CASE("every character of glyph_text() is in the atlas built from Noto Sans CJK SC", "[ui][fonts]") {
  REQUIRE(std::filesystem::exists(noto.path));  // Debian: fonts-noto-cjk
  DemoCatalogue demo;
  UiDriver ui(1920, 1080);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  REQUIRE(app->build_fonts(*ImGui::GetIO().Fonts, noto));
  CHECK_FALSE(app->fonts_dirty());
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  CHECK(w <= 4096);
  CHECK(h <= 4096);

  const std::string text = app->glyph_text();
  const auto cps = utf8::decode(text);
  REQUIRE(cps.size() > 500);  // the catalogue's Chinese, not just ASCII
  ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
  int missing = 0;
  for (char32_t c : cps) {
    if (c == U' ') continue;
    if (body->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
      ++missing;
      UNSCOPED_INFO("missing U+" << std::hex << static_cast<unsigned>(c) << " " << utf8::encode(c));
    }
  }
  CHECK(missing == 0);
  for (const char* sample : {"…", "‹", "残", "婚", "证"}) {  // widget symbols and catalogue text
    INFO(sample);
    CHECK(text.find(sample) != std::string::npos);
  }
}

TEST_CASE("no screen draws a character its font lacks, in either language or text size", "[ui][fonts]") {
  REQUIRE(std::filesystem::exists(noto.path));
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  DemoCatalogue demo;
  UiDriver ui(w, h);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  ui.build_fonts(*app, noto);
  std::vector<std::string> specs{"home", "one-visit", "search", "search:gljt", "search:zzzz"};
  for (const auto& t : demo.catalogue->guides) {
    specs.push_back("guide:" + t.id);
    for (const auto& topic : t.topics) specs.push_back("topic:" + topic);
  }
  for (int pass = 0; pass < 4; ++pass) {
    if (pass == 1 || pass == 3) ui.tap(*app, "corner:language");
    if (pass == 2) ui.tap(*app, "corner:large_text");
    for (const auto& spec : specs) {
      REQUIRE(app->open(spec));
      ui.settle(*app);
      INFO(spec << " pass " << pass);
      CHECK(app->missing_glyphs() == "");
    }
  }
}

TEST_CASE("without a CJK font the kiosk starts, in English, and says what to install", "[ui][fonts]") {
  DemoCatalogue demo;
  UiDriver ui(1080, 1920);
  auto app = ui.make_app(demo.catalogue, demo.clock);
  CHECK_FALSE(app->build_fonts(*ImGui::GetIO().Fonts, {}));
  CHECK_FALSE(app->build_fonts(*ImGui::GetIO().Fonts, {"/nonexistent/font.ttc", 0, "Nothing"}));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ui.settle(*app);
  CHECK(app->current_screen() == "home");
  ui.tap(*app, "topic:养老服务");
  CHECK(app->current_screen() == "topic:养老服务");
}
