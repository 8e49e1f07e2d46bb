// SPDX-License-Identifier: Apache-2.0
// What the kiosk's 朗读 reads of a guide: its name, each required material with how many originals
// and copies, where and when; clock times and counts written the way a person says them.
#include <catch2/catch.hpp>

#include "speech/guide_reading.h"

using namespace hall;
using namespace hall::speech;
using catalogue::Material;

namespace {

Material material(std::string name, std::string name_en, catalogue::Necessity necessity,
                  catalogue::MaterialForm form, std::optional<int> originals, std::optional<int> copies) {
  Material m;
  m.name = std::move(name);
  m.name_en = std::move(name_en);
  m.necessity = necessity;
  m.form = form;
  m.originals = originals;
  m.copies = copies;
  return m;
}

catalogue::Guide allowance() {
  using N = catalogue::Necessity;
  using F = catalogue::MaterialForm;
  catalogue::Guide g;
  g.id = "G-1";
  g.name = "80周岁以上老年人高龄津贴申领";
  g.name_en = "Old-age allowance for residents aged 80 and over";
  g.materials = {
      material("居民身份证", "Identity card", N::required, F::original, 1, 0),
      material("户口簿", "Household register", N::optional, F::original, 1, 0),
      material("银行卡", "Bank card", N::required, F::original_or_copy, 1, 2),
      material("照片", "", N::required, F::electronic, std::nullopt, std::nullopt),
      material("委托书", "Letter of authority", N::deferrable, F::original, 1, 0),
      material("结婚证", "Marriage certificate", N::required, F::copy, std::nullopt, std::nullopt),
  };
  g.location.window = "1号综合受理窗口";
  g.location.window_en = "Window 1 (general services)";
  g.location.hours = "周一至周五 9:00-12:00, 13:30-17:00（法定节假日除外）";
  g.location.hours_en = "Monday to Friday 9:00-12:00 and 13:30-17:00 (closed on public holidays)";
  g.location.address = "安居大街100号";
  return g;
}

}  // namespace

TEST_CASE("a guide is read as its name, what to bring, where and when, in Mandarin", "[speech][guide_reading]") {
  const std::vector<std::string> expected{
      "80周岁以上老年人高龄津贴申领。",
      "请带好以下材料：",
      "第一项，居民身份证，原件一份。",
      "第二项，银行卡，原件一份，复印件两份。",
      "第三项，照片，电子版。",
      "第四项，结婚证，复印件。",
      "另有两项材料视情况提交，请看屏幕上的说明。",
      "请到1号综合受理窗口办理。",
      "办理时间：周一至周五 9点至12点, 13点30分至17点（法定节假日除外）。",
  };
  CHECK(guide_sentences(allowance(), Language::zh_cn) == expected);
}

TEST_CASE("a guide is read in English from its English texts, the Chinese where it has none",
          "[speech][guide_reading]") {
  const std::vector<std::string> expected{
      "Old-age allowance for residents aged 80 and over.",
      "Please bring the following documents:",
      "Document 1: Identity card, 1 original.",
      "Document 2: Bank card, 1 original and 2 copies.",
      "Document 3: 照片, an electronic copy.",
      "Document 4: Marriage certificate, a copy.",
      "2 more documents may be needed; the screen says when.",
      "Please go to Window 1 (general services).",
      "Opening hours: Monday to Friday 9 to 12 and 13 30 to 17 (closed on public holidays).",
  };
  CHECK(guide_sentences(allowance(), Language::en) == expected);
}

TEST_CASE("a changed guide says what changed, and from when, right after its name", "[speech][guide_reading]") {
  catalogue::Guide g = allowance();
  g.change = catalogue::Guide::ChangeNote{"2027-03-01", "承诺时限：30 个工作日改为 20 个工作日。", ""};
  const auto zh = guide_sentences(g, Language::zh_cn);
  REQUIRE(zh.size() == 10);
  CHECK(zh[1] == "本事项自2027年3月1日起调整：承诺时限：30 个工作日改为 20 个工作日。");
  CHECK(zh[2] == "请带好以下材料：");
  // English without an English summary: the date in English, the Chinese summary as it is.
  CHECK(guide_sentences(g, Language::en)[1] == "This service changes from 1 March 2027: 承诺时限：30 个工作日改为 20 个工作日。");
  g.change->summary_en = "Promised time: 20 working days (was 30).";
  CHECK(guide_sentences(g, Language::en)[1] == "This service changes from 1 March 2027: Promised time: 20 working days (was 30).");
}

TEST_CASE("a guide with no materials, none required, or no window still says something true",
          "[speech][guide_reading]") {
  catalogue::Guide g = allowance();
  SECTION("no materials at all") {
    g.materials.clear();
    const auto zh = guide_sentences(g, Language::zh_cn);
    REQUIRE(zh.size() == 4);
    CHECK(zh[1] == "本事项不需要提交材料。");
    CHECK(guide_sentences(g, Language::en)[1] == "You do not need to bring any documents.");
  }
  SECTION("only optional materials: none is announced as required, the others are mentioned") {
    g.materials.resize(2);
    g.materials.erase(g.materials.begin());  // the optional 户口簿 is left
    const auto zh = guide_sentences(g, Language::zh_cn);
    CHECK(zh[1] == "本事项没有必须提交的材料。");
    CHECK(zh[2] == "另有一项材料视情况提交，请看屏幕上的说明。");
    CHECK(guide_sentences(g, Language::en)[2] == "One more document may be needed; the screen says when.");
  }
  SECTION("no window: the address is where to go") {
    g.location.window.clear();
    g.location.window_en.clear();
    const auto zh = guide_sentences(g, Language::zh_cn);
    CHECK(zh[zh.size() - 2] == "办理地点：安居大街100号。");
  }
  SECTION("no location at all: nothing is made up") {
    g.location = {};
    const auto zh = guide_sentences(g, Language::zh_cn);
    CHECK(zh.back() == "另有两项材料视情况提交，请看屏幕上的说明。");
  }
  SECTION("a name that ends in its own full stop gets no second one") {
    g.name = "测试事项。";
    CHECK(guide_sentences(g, Language::zh_cn).front() == "测试事项。");
  }
}

TEST_CASE("clock times and counts are written as they are said", "[speech][guide_reading]") {
  struct Case {
    const char* rule;
    const char* hours;
    const char* zh_cn;
    const char* en;
  };
  const Case cases[] = {
      {"a whole hour is 点", "9:00", "9点", "9"},
      {"minutes are 分", "13:30", "13点30分", "13 30"},
      {"a range joins with 至", "9:00-12:00", "9点至12点", "9 to 12"},
      {"spaces and an en dash around the range", "8:30 – 17:05", "8点30分至17点5分", "8 30 to 17 05"},
      {"a full-width colon is a colon", "9：00", "9点", "9"},
      {"a dash not between times is kept", "周一-周五", "周一-周五", "周一-周五"},
      {"figures that are not a time are kept", "100号 12:345 25:00", "100号 12:345 25:00", "100号 12:345 25:00"},
      {"nothing", "", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(spoken_hours(c.hours, Language::zh_cn) == c.zh_cn);
    CHECK(spoken_hours(c.hours, Language::en) == c.en);
  }
  CHECK(spoken_count(1, Copies::originals, Language::zh_cn) == "原件一份");
  CHECK(spoken_count(2, Copies::copies, Language::zh_cn) == "复印件两份");
  CHECK(spoken_count(12, Copies::copies, Language::zh_cn) == "复印件十二份");
  CHECK(spoken_count(1, Copies::copies, Language::en) == "1 copy");
  CHECK(spoken_count(3, Copies::originals, Language::en) == "3 originals");
}
