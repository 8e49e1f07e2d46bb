// SPDX-License-Identifier: Apache-2.0
// The plain-words summary of what a new version of a guide changes, as a table: each row edits a
// copy of the sample guide and names the sentence a visitor reads, in Chinese and English.
#include <catch2/catch.hpp>

#include <functional>

#include "catalogue/change_summary.h"
#include "catalogue/guide_parser.h"
#include "common/utf8.h"
#include "support/sample_guides.h"

namespace change_summary_test {

using namespace hall;
using catalogue::Json;

namespace {

catalogue::Guide parsed(const Json& j) {
  catalogue::Problems problems;
  auto g = catalogue::parse_guide(j, "test", problems);
  INFO((problems.messages().empty() ? std::string() : problems.messages().front()));
  REQUIRE(g);
  return *g;
}

struct Row {
  const char* what;
  std::function<void(Json&)> edit;
  const char* zh;
  const char* en;
};

}  // namespace

TEST_CASE("a new version's change in plain words, Chinese and English", "[services][change]") {
  const std::vector<Row> rows = {
      {"a material added and one removed",
       [](Json& g) {
         g["materials"].erase(1);  // 户口簿
         g["materials"].push_back({{"name", "居住证"},
                                   {"name_en", "Residence permit"},
                                   {"necessity", "required"},
                                   {"form", "original"},
                                   {"source", "government"}});
       },
       "办理材料：新增「居住证」，不再需要「户口簿」。",
       "Documents: new: \"Residence permit\", no longer needed: \"户口簿\"."},
      {"a material asked for differently", [](Json& g) { g["materials"][1]["necessity"] = "required"; },
       "办理材料：「户口簿」的要求有调整。", "Documents: asked for differently: \"户口簿\"."},
      {"the promised limit shortened", [](Json& g) { g["time_limit"]["promised"]["value"] = 5; },
       "承诺时限：10 个工作日改为 5 个工作日。", "Promised time: 5 working days (was 10 working days)."},
      {"a promised service made 即办",
       [](Json& g) {
         g["case_type"] = "immediate";
         g["time_limit"]["promised"] = {{"value", 0}, {"unit", "on_the_spot"}};
       },
       "承诺时限：10 个工作日改为当场办结。", "Promised time: on the spot (was 10 working days)."},
      {"conditions reworded in substance", [](Json& g) { g["conditions"] = "具有本地户籍、年满75周岁的老年人。"; },
       "办理条件有调整。", "Who may apply has changed."},
      {"a free service now charged",
       [](Json& g) { g["fees"] = Json::parse(R"([{"item": "工本费", "standard": "10元"}])"); },
       "收费：由免费改为收费。", "Fees: now charged (was free)."},
      {"one visit fewer", [](Json& g) { g["onsite_visits"] = 0; }, "到现场次数：1 次改为 0 次。",
       "Visits in person: 0 (was 1)."},
      {"another window and hours",
       [](Json& g) {
         g["location"]["window"] = "3号窗口";
         g["location"]["hours"] = "周一至周六 9:00-17:00";
       },
       "办理地点有调整；办理时间有调整。", "Where to go has changed; Opening hours have changed."},
      {"several parts at once, in the order a visitor reads them",
       [](Json& g) {
         g["time_limit"]["promised"]["value"] = 5;
         g["conditions"] = "具有本地户籍、年满75周岁的老年人。";
         g["materials"].erase(1);
       },
       "办理材料：不再需要「户口簿」；办理条件有调整；承诺时限：10 个工作日改为 5 个工作日。",
       "Documents: no longer needed: \"户口簿\"; Who may apply has changed; Promised time: 5 working days (was 10 "
       "working days)."},
      // What no visitor acts on: no note at all.
      {"punctuation and spacing only", [](Json& g) { g["conditions"] = "具有本地户籍， 年满80周岁的老年人"; }, "", ""},
      {"the FAQ, the legal basis, keywords and a material's note",
       [](Json& g) {
         g["faq"][0]["a"] = "按本地标准每月发放。";
         g["legal_basis"][0]["clause"] = "第三十四条";
         g["keywords"] = {"高龄补贴"};
         g["materials"][1]["notes"] = "可以容缺后补";
       },
       "", ""},
      {"the name's typo", [](Json& g) { g["name"] = "高龄津贴申领 "; }, "", ""},
  };
  const Json base = test::valid_guide();
  for (const auto& row : rows) {
    INFO(row.what);
    Json after = base;
    row.edit(after);
    const auto s = catalogue::summarize_change(parsed(base), parsed(after));
    CHECK(s.zh == row.zh);
    CHECK(s.en == row.en);
    CHECK(s.empty() == (std::string(row.zh).empty()));
  }
}

TEST_CASE("English names are used in the English summary when the guide has them", "[services][change]") {
  const Json base = test::english_guide();
  Json after = base;
  after["materials"].erase(1);
  const auto s = catalogue::summarize_change(parsed(base), parsed(after));
  CHECK(s.zh == "办理材料：不再需要「户口簿」。");
  CHECK(s.en == "Documents: no longer needed: \"Household register (hukou booklet)\".");
}

TEST_CASE("many or long material names stay within the note's bounds", "[services][change]") {
  const Json base = test::valid_guide();
  Json many = base;
  for (int i = 1; i <= 5; ++i) {
    many["materials"].push_back(
        {{"name", "证明" + std::to_string(i)}, {"necessity", "required"}, {"form", "copy"}, {"source", "other"}});
  }
  auto s = catalogue::summarize_change(parsed(base), parsed(many));
  CHECK(s.zh == "办理材料：新增「证明1」「证明2」「证明3」等 5 项。");
  CHECK(s.en == "Documents: new: \"证明1\", \"证明2\", \"证明3\" and 2 more.");

  Json long_names = base;
  for (int i = 0; i < 3; ++i) long_names["materials"][i]["name"] = std::string(400, 'A' + static_cast<char>(i));
  long_names["time_limit"]["promised"]["value"] = 5;
  s = catalogue::summarize_change(parsed(base), parsed(long_names));
  CHECK(s.zh == "办理材料有调整；承诺时限：10 个工作日改为 5 个工作日。");
  CHECK(utf8::length(s.zh) <= catalogue::max_change_chars);
  CHECK(utf8::length(s.en) <= catalogue::max_change_en_chars);
}

TEST_CASE("a guide's change note is read with bounds and a real date", "[services][change]") {
  const auto problems_of = [](const Json& change) {
    Json g = test::valid_guide("G-9", "高龄津贴申领", 2);
    g["change"] = change;
    catalogue::Problems problems;
    const auto guide = catalogue::parse_guide(g, "test", problems);
    return std::make_pair(guide, problems.messages());
  };
  auto [ok, none] = problems_of({{"since", "2027-03-01"}, {"summary", "承诺时限：10 个工作日改为 5 个工作日。"}});
  REQUIRE(ok);
  REQUIRE(ok->change);
  CHECK(ok->change->since == "2027-03-01");
  CHECK(ok->change->summary_en.empty());
  CHECK(none.empty());

  std::string longest;
  for (std::size_t i = 0; i < catalogue::max_change_chars; ++i) longest += "调";
  CHECK(problems_of({{"since", "2027-03-01"}, {"summary", longest}}).first);
  const auto [too_long, too_long_problems] = problems_of({{"since", "2027-03-01"}, {"summary", longest + "调"}});
  CHECK_FALSE(too_long);
  REQUIRE(too_long_problems.size() == 1);
  CHECK(too_long_problems[0].find("$.change.summary") != std::string::npos);
  const auto [en_long, en_problems] =
      problems_of({{"since", "2027-03-01"},
                   {"summary", "调整"},
                   {"summary_en", std::string(catalogue::max_change_en_chars + 1, 'a')}});
  CHECK_FALSE(en_long);
  REQUIRE(en_problems.size() == 1);
  CHECK(en_problems[0].find("$.change.summary_en") != std::string::npos);
  const auto [bad_date, date_problems] = problems_of({{"since", "2027-13-01"}, {"summary", "调整"}});
  CHECK_FALSE(bad_date);
  REQUIRE(date_problems.size() == 1);
  CHECK(date_problems[0] == "guide G-9: $.change.since: expected a date YYYY-MM-DD, got \"2027-13-01\"");
  CHECK_FALSE(problems_of({{"summary", "调整"}}).first);  // since is required
}

}  // namespace change_summary_test
