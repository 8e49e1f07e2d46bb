// SPDX-License-Identifier: Apache-2.0
// The hall board's sample screen, headless: every window and every group is drawn, and no text is
// shrunk below what can be read from the hall's seats (long English names wrap instead), in both
// orientations and languages.
#include <catch2/catch.hpp>

#include "board_app.h"
#include "common/clock.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;

namespace board_layout_test {

std::string joined(const std::vector<ui::DrawnItem>& items) {
  std::string all;
  for (const auto& i : items) all += i.text + " ";
  return all;
}

TEST_CASE("the board's sample draws every window and group, and no text smaller than the body size allows",
          "[ui][board][layout]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  const std::string lang = GENERATE(std::string("zh-CN"), std::string("en"));
  INFO(w << "x" << h << " " << lang);
  test::UiDriver ui(w, h);
  SystemClock clock;
  ui::BoardApp app(test::read_asset("i18n/zh-CN.json"), test::read_asset("i18n/en.json"), lang, clock,
                   TimeZone::fixed("Asia/Shanghai", 8 * 3600));
  ui.build_fonts(app, test::noto);
  REQUIRE(app.open("sample"));
  ui.settle(app);
  std::vector<ui::DrawnItem> items;
  {
    const ui::DrawnItemRecorder record(items);
    ui.frame(app);
  }
  const std::string all = joined(items);
  // The sample's seven windows and three groups (the English names are the long ones).
  if (lang == "en") {
    for (const char* words : {"Window 7 (all", "General services", "Employment, social and", "Residence, family"}) {
      INFO(words);
      CHECK(all.find(words) != std::string::npos);
    }
  } else {
    for (const char* words : {"7号综合窗口", "综合受理", "人社医保", "户籍婚育退役军人"}) {
      INFO(words);
      CHECK(all.find(words) != std::string::npos);
    }
  }
  // The board's body text is 34 px in its metrics, 49 px as drawn with Noto (x1.45): nothing is
  // drawn below four fifths of that (a group's English name and window 7's were squeezed to 28 px).
  constexpr float body_px = 34.0f * 1.45f;
  for (const auto& i : items) {
    if (i.text.empty() || i.text.starts_with("[")) continue;
    INFO("\"" << i.text << "\" " << (i.max.y - i.min.y) << " px high");
    CHECK(i.max.y - i.min.y >= 0.8f * body_px);
    CHECK(i.max.x <= w + 0.5f);
    CHECK(i.max.y <= h + 0.5f);
  }
}

}  // namespace board_layout_test
