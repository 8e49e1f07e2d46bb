// SPDX-License-Identifier: Apache-2.0
// The guide screen says, beside the promised limit, the date a request made today comes to by the
// hall's working-day calendar ("今天申请，预计 12月11日前办结"), in Chinese and English; says plainly
// when the date is an estimate and when the service is 即办; and shows no date without a calendar.
// The demo day is Saturday 28 November 2026.
#include <catch2/catch.hpp>

#include "common/rfc3339.h"
#include "ui_driver.h"
#include "widgets/text.h"

namespace guide_due_date_test {

using namespace hall;
using hall::test::DemoCatalogue;
using hall::test::noto;
using hall::test::UiDriver;

namespace {

// Everything one settled frame of `spec` drew, its wrapped lines joined.
std::string screen_text(const std::shared_ptr<ui::KioskCatalogue>& catalogue, const ManualClock& clock,
                        const std::string& spec, const std::string& language = "zh-CN") {
  // Tall enough that the right column shows its time limits without scrolling.
  UiDriver ui(3840, 2160);
  ui::KioskSettings settings;
  settings.language = language;
  auto app = ui.make_app(catalogue, clock, settings);
  ui.build_fonts(*app, noto);
  REQUIRE(app->open(spec));
  ui.settle(*app);
  return ui.drawn_text(*app);
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a guide shows the date its promised working days come to for a request today", "[ui][calendar]") {
  DemoCatalogue demo;
  // 高龄津贴: 承诺 10 个工作日; from Saturday the count starts on Monday 30 November.
  const auto zh = screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0001");
  CHECK(has(zh, "10 个工作日"));
  CHECK(has(zh, "今天申请，预计 12月11日前办结"));
  CHECK_FALSE(has(zh, "估算"));
  const auto en = screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0001", "en");
  CHECK(has(en, "Expected by 11 December if you apply today"));
  CHECK_FALSE(has(en, "estimate"));
}

TEST_CASE("a date counted into a year without a calendar is said to be an estimate", "[ui][calendar]") {
  DemoCatalogue demo;
  // 计划生育家庭特别扶助金: 承诺 30 个工作日 runs into 2027, which the demo calendar lacks.
  const auto zh = screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0022");
  CHECK(has(zh, "今天申请，预计 2027年1月8日前办结"));
  CHECK(has(zh, "这是估算：2027年的节假日安排尚未公布"));
  const auto en = screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0022", "en");
  CHECK(has(en, "Expected by 8 January 2027 if you apply today"));
  CHECK(has(en, "An estimate: the 2027 public holidays are not yet announced"));
}

TEST_CASE("the date follows National Day and its 调休 Saturday", "[ui][calendar]") {
  DemoCatalogue demo;
  // Tuesday 29 September 2026: 30 Sept, then 8, 9 and the 调休 Saturday 10 October, then 12–16 and 19.
  ManualClock before_national_day(*parse_rfc3339("2026-09-29T10:00:00+08:00"));
  const auto zh = screen_text(demo.catalogue, before_national_day, "guide:370811-JZ-0001");
  CHECK(has(zh, "今天申请，预计 10月19日前办结"));
}

TEST_CASE("即办 says so, and without a calendar or for a suspended service no date is shown", "[ui][calendar]") {
  DemoCatalogue demo;
  // 城乡居民基本养老保险参保登记: 当场办结.
  CHECK(has(screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0004"), "即办：今天申请，当天办结"));
  CHECK(has(screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0004", "en"),
            "Done on the spot: apply today, done today"));
  // 流动人口婚育情况信息登记 is suspended: it takes no request today.
  const auto suspended = screen_text(demo.catalogue, demo.clock, "guide:370811-JZ-0016");
  CHECK_FALSE(has(suspended, "今天申请"));
  CHECK_FALSE(has(suspended, "即办："));

  auto without = demo.fresh();
  without->calendar.reset();
  const auto zh = screen_text(without, demo.clock, "guide:370811-JZ-0001");
  CHECK(has(zh, "10 个工作日"));  // the limit itself is still there
  CHECK_FALSE(has(zh, "前办结"));
  CHECK_FALSE(has(zh, "今天申请"));
  const auto spot = screen_text(without, demo.clock, "guide:370811-JZ-0004");
  CHECK_FALSE(has(spot, "即办："));
}

}  // namespace guide_due_date_test
