// SPDX-License-Identifier: Apache-2.0
// platform/gui without a display: the font lookup through fontconfig and PNG files.
#include <catch2/catch.hpp>

#include "gui/font_finder.h"
#include "gui/png_image.h"
#include "support/temp_dir.h"

namespace hall::platform {

TEST_CASE("fontconfig finds Noto Sans CJK SC, face 2 of the collection", "[gui][font]") {
  auto font = find_cjk_font();
  REQUIRE(font.has_value());  // fonts-noto-cjk is in install-deps.sh
  CHECK(font->family == "Noto Sans CJK SC");
  CHECK(font->path.find("NotoSansCJK") != std::string::npos);
  CHECK(font->index == 2);
}

TEST_CASE("a family that is not installed is not found, even though fontconfig offers a substitute", "[gui][font]") {
  auto font = find_font_family("No Such Family Anywhere");
  REQUIRE_FALSE(font.has_value());
  CHECK(font.error().code == ErrorCode::not_found);
  CHECK(font.error().message.find("No Such Family Anywhere") != std::string::npos);
}

TEST_CASE("a PNG written is read back pixel for pixel", "[gui][png]") {
  test::TempDir dir;
  RgbImage image{3, 2, {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90}};
  REQUIRE(write_png(dir.file("a.png"), image).has_value());
  auto back = read_png(dir.file("a.png"));
  REQUIRE(back.has_value());
  CHECK(back->width == 3);
  CHECK(back->height == 2);
  CHECK(back->rgb == image.rgb);
}

TEST_CASE("PNG errors name the file", "[gui][png]") {
  test::TempDir dir;
  test::write_file(dir.file("not.png"), "plain text, not a picture");
  auto bad = read_png(dir.file("not.png"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("not.png") != std::string::npos);
  CHECK(write_png(dir.file("none/x.png"), RgbImage{1, 1, {0, 0, 0}}).error().message.find("none/x.png") !=
        std::string::npos);
  CHECK(write_png(dir.file("empty.png"), RgbImage{}).error().code == ErrorCode::invalid_input);
}

}  // namespace hall::platform
