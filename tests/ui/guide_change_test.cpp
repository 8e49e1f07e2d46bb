// SPDX-License-Identifier: Apache-2.0
// A changed guide says so under its title — "本事项自 11月16日起调整" and what changed in plain
// words — for hall.json's changed_mark_days after the change, in both orientations and 长辈模式,
// wrapped and never cut; its list row carries 调整. The demo's 最低生活保障申请 changed on 16
// November 2026; the demo day is 28 November 2026.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/rfc3339.h"
#include "ui_driver.h"
#include "widgets/text.h"

namespace guide_change_test {

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::noto;
using hall::test::UiDriver;

namespace {

constexpr const char* dibao = "370811-JZ-0006";

struct Shot {
  float w = 1920, h = 1080;
  std::string language = "zh-CN";
  bool large = false;
};

// Every string one settled frame of `spec` drew, and all of them joined without spaces (a
// wrapped line may end where a space was).
std::string screen_text(const std::shared_ptr<ui::KioskCatalogue>& catalogue, const ManualClock& clock,
                        const std::string& spec, const Shot& shot, std::vector<std::string>* pieces = nullptr) {
  UiDriver ui(shot.w, shot.h);
  ui::KioskSettings settings;
  settings.language = shot.language;
  settings.large_text = shot.large;
  auto app = ui.make_app(catalogue, clock, settings);
  ui.build_fonts(*app, noto);
  REQUIRE(app->open(spec));
  ui.settle(*app);
  std::vector<std::string> drawn = ui.drawn(*app);
  std::string all;
  for (const auto& s : drawn) all += s;
  all.erase(std::remove(all.begin(), all.end(), ' '), all.end());
  if (pieces) *pieces = std::move(drawn);
  return all;
}

std::string squeezed(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

bool has(const std::string& text, std::string_view part) {
  return text.find(squeezed(std::string(part))) != std::string::npos;
}

}  // namespace

TEST_CASE("a changed guide shows since when and what changed, whole, in every layout", "[ui][change]") {
  DemoCatalogue demo;
  const std::string zh_summary =
      "办理材料：新增「本人社会保障卡或银行卡(折)」，不再需要「村（居）民委员会出具的家庭情况证明」；"
      "承诺时限：30 个工作日改为 20 个工作日。";
  const std::string en_summary =
      "Documents: new: \"Applicant's social security card or bank card (or passbook)\", no longer needed: \"Family "
      "situation certificate from the residents' committee\"; Promised time: 20 working days (was 30 working days).";
  for (const Shot& shot :
       {Shot{1920, 1080, "zh-CN", false}, Shot{1080, 1920, "zh-CN", false}, Shot{1920, 1080, "zh-CN", true},
        Shot{1080, 1920, "zh-CN", true}, Shot{1920, 1080, "en", false}, Shot{1080, 1920, "en", false},
        Shot{1920, 1080, "en", true}, Shot{1080, 1920, "en", true}}) {
    INFO(shot.w << "x" << shot.h << " " << shot.language << (shot.large ? " 长辈模式" : ""));
    std::vector<std::string> pieces;
    const auto text = screen_text(demo.catalogue, demo.clock, std::string("guide:") + dibao, shot, &pieces);
    const bool zh = shot.language == "zh-CN";
    CHECK(has(text, zh ? "本事项自 11月16日起调整" : "Changed from 16 November"));
    CHECK(has(text, zh ? zh_summary : en_summary));
    // Wrapped, never cut: no drawn piece of the note ends in an ellipsis.
    for (const auto& p : pieces) {
      INFO(p);
      CHECK(p.find("…") == std::string::npos);
    }
  }
}

TEST_CASE("the mark goes once the window after the change has passed, and an unchanged guide has none",
          "[ui][change]") {
  DemoCatalogue demo;
  const Shot zh;
  CHECK_FALSE(has(screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0001", zh), "起调整"));
  // 90 days after 16 November is 14 February 2027: marked that day, not the next.
  ManualClock last_day(*parse_rfc3339("2027-02-14T10:00:00+08:00"));
  CHECK(has(screen_text(demo.catalogue, last_day, std::string("guide:") + dibao, zh), "本事项自 2026年11月16日起调整"));
  ManualClock after(*parse_rfc3339("2027-02-15T10:00:00+08:00"));
  CHECK_FALSE(has(screen_text(demo.catalogue, after, std::string("guide:") + dibao, zh), "起调整"));
  auto shorter = demo.fresh();
  shorter->hall.changed_mark_days = 7;
  CHECK_FALSE(has(screen_text(shorter, demo.clock, std::string("guide:") + dibao, zh), "起调整"));
}

TEST_CASE("a changed guide's list row carries 调整", "[ui][change]") {
  DemoCatalogue demo;
  auto catalogue = demo.fresh();
  catalogue->notices_today = std::chrono::year{2026} / 11 / 28;  // the hall's date, as the host reads it
  const auto row_text = [&](const std::string& language) {
    return screen_text(catalogue, demo.clock, "topic:社会救助", Shot{1920, 1080, language, false});
  };
  CHECK(has(row_text("zh-CN"), "调整"));
  CHECK(has(row_text("en"), "Changed"));
  catalogue->hall.changed_mark_days = 0;
  CHECK_FALSE(has(row_text("zh-CN"), "调整"));
}

}  // namespace guide_change_test
