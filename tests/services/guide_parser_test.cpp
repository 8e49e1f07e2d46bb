// SPDX-License-Identifier: Apache-2.0
// Every rule of ../shared/spec/guide-format.md, one named row each: the guide is refused and the
// message names the guide, the JSON path and what was expected.
#include <catch2/catch.hpp>

#include <functional>

#include "catalogue/guide_parser.h"
#include "support/sample_guides.h"

using hall::catalogue::Json;
using hall::catalogue::parse_guide;
using hall::catalogue::Problems;
using hall::test::english_guide;
using hall::test::valid_guide;

namespace {

struct RuleCase {
  const char* rule;
  std::function<void(Json&)> change;
  const char* expected;  // one whole line of the report
};

std::vector<std::string> problems_of(const Json& g) {
  Problems problems;
  const auto guide = parse_guide(g, "guide #1", problems);
  CHECK(guide.has_value() == problems.empty());
  return problems.messages();
}

}  // namespace

TEST_CASE("a complete guide is accepted with every field read", "[catalogue][validator]") {
  Problems problems;
  const auto g = parse_guide(valid_guide(), "guide #1", problems);
  REQUIRE(problems.messages() == std::vector<std::string>{});
  REQUIRE(g);
  CHECK(g->id == "G-0001");
  CHECK(g->name == "高龄津贴申领");
  CHECK(g->is_one_visit());
  CHECK(g->materials.size() == 3);
  CHECK(g->materials[0].originals == 1);
  CHECK(g->materials[0].copies == 1);
  CHECK(g->materials[1].necessity == hall::catalogue::Necessity::deferrable);
  REQUIRE(g->materials[2].certificate);
  CHECK(g->materials[2].certificate->issued_by == "申请人所在村（居）委会");
  CHECK(g->promised_limit.value == 10);
  CHECK(g->statutory_limit.unit == hall::catalogue::LimitUnit::working_days);
  CHECK(g->is_free());
  CHECK(g->special_procedures.size() == 1);
  CHECK(g->online->depth == 3);
  CHECK(g->appointment->daily_quota == 50);
  CHECK(g->faq.size() == 1);
  // Unknown keys are kept and passed on untouched.
  CHECK(Json::parse(g->source_json)["x_local_note"]["kept"] == true);
}

TEST_CASE("each validator rule refuses a guide and names the path", "[catalogue][validator]") {
  const RuleCase cases[] = {
      {"id is required", [](Json& g) { g.erase("id"); }, "guide #1: $.id: missing"},
      {"id uses only A-Z a-z 0-9 . _ -", [](Json& g) { g["id"] = "G 01"; },
       "guide #1: $.id: expected 1-64 characters of A-Z a-z 0-9 . _ -"},
      {"id is at most 64 characters", [](Json& g) { g["id"] = std::string(65, 'a'); },
       "guide #1: $.id: longer than 64 characters"},
      {"version is an integer", [](Json& g) { g["version"] = "2"; },
       "guide G-0001: $.version: expected an integer, got a string"},
      {"version is at least 1", [](Json& g) { g["version"] = 0; },
       "guide G-0001: $.version: expected an integer from 1 to 2000000000, got 0"},
      {"version is not a fraction", [](Json& g) { g["version"] = 1.5; },
       "guide G-0001: $.version: expected an integer, got a number"},
      {"status is one of three", [](Json& g) { g["status"] = "draft"; },
       "guide G-0001: $.status: expected one of active | suspended | cancelled, got \"draft\""},
      {"a suspension note belongs to a suspended guide",
       [](Json& g) {
         g["suspension"] = {{"reason", "系统升级"}};
       },
       "guide G-0001: $.suspension: only a guide with status \"suspended\" has a suspension note"},
      {"a suspension note says why",
       [](Json& g) {
         g["status"] = "suspended";
         g["suspension"] = {{"until", "2027-01-31"}};
       },
       "guide G-0001: $.suspension.reason: missing"},
      {"a suspension's until is a date",
       [](Json& g) {
         g["status"] = "suspended";
         g["suspension"] = {{"reason", "系统升级"}, {"until", "2027-13-01"}};
       },
       "guide G-0001: $.suspension.until: expected a date YYYY-MM-DD, got \"2027-13-01\""},
      {"a suspension's until is not a time",
       [](Json& g) {
         g["status"] = "suspended";
         g["suspension"] = {{"reason", "系统升级"}, {"until", "2027-01-31T00:00"}};
       },
       "guide G-0001: $.suspension.until: longer than 10 characters"},
      {"name is required", [](Json& g) { g.erase("name"); }, "guide G-0001: $.name: missing"},
      {"name is at most 200 characters", [](Json& g) { g["name"] = std::string(201, 'x'); },
       "guide G-0001: $.name: longer than 200 characters"},
      {"name is not empty", [](Json& g) { g["name"] = ""; }, "guide G-0001: $.name: expected a non-empty string"},
      {"item_type is required", [](Json& g) { g.erase("item_type"); }, "guide G-0001: $.item_type: missing"},
      {"department is an object", [](Json& g) { g["department"] = "民政局"; },
       "guide G-0001: $.department: expected an object, got a string"},
      {"department has a name", [](Json& g) { g["department"].erase("name"); },
       "guide G-0001: $.department.name: missing"},
      {"department code is 18 characters", [](Json& g) { g["department"]["code"] = "123"; },
       "guide G-0001: $.department.code: expected an 18-character unified social credit code (digits and capital "
       "letters)"},
      {"level is one of four", [](Json& g) { g["level"] = "village"; },
       "guide G-0001: $.level: expected one of street | district | city | province, got \"village\""},
      {"targets has at least one", [](Json& g) { g["targets"] = Json::array(); },
       "guide G-0001: $.targets: expected at least 1 item"},
      {"targets are person, enterprise or organisation", [](Json& g) { g["targets"] = {"citizen"}; },
       "guide G-0001: $.targets[0]: expected person | enterprise | organisation, got \"citizen\""},
      {"topics has at least one", [](Json& g) { g["topics"] = Json::array(); },
       "guide G-0001: $.topics: expected at least 1 item"},
      {"topics are strings", [](Json& g) { g["topics"] = {1}; },
       "guide G-0001: $.topics[0]: expected a string, got an integer"},
      {"onsite_visits is 0 to 3", [](Json& g) { g["onsite_visits"] = 4; },
       "guide G-0001: $.onsite_visits: expected an integer from 0 to 3, got 4"},
      {"onsite_visits above 0 needs onsite_reason", [](Json& g) { g.erase("onsite_reason"); },
       "guide G-0001: $.onsite_reason: missing (required when onsite_visits > 0: say why the visitor must come in "
       "person)"},
      {"onsite_reason is not empty when visits are needed", [](Json& g) { g["onsite_reason"] = ""; },
       "guide G-0001: $.onsite_reason: expected a non-empty reason when onsite_visits > 0"},
      {"case_type is immediate or promised", [](Json& g) { g["case_type"] = "soon"; },
       "guide G-0001: $.case_type: expected one of immediate | promised, got \"soon\""},
      {"time_limit has a statutory limit", [](Json& g) { g["time_limit"].erase("statutory"); },
       "guide G-0001: $.time_limit.statutory: missing"},
      {"a limit's unit is one of four", [](Json& g) { g["time_limit"]["promised"]["unit"] = "weeks"; },
       "guide G-0001: $.time_limit.promised.unit: expected one of on_the_spot | working_days | days | months, got "
       "\"weeks\""},
      {"a limit's value is not negative", [](Json& g) { g["time_limit"]["promised"]["value"] = -1; },
       "guide G-0001: $.time_limit.promised.value: expected an integer from 0 to 100000, got -1"},
      {"legal_basis has at least one", [](Json& g) { g["legal_basis"] = Json::array(); },
       "guide G-0001: $.legal_basis: expected at least 1 item"},
      {"a legal basis has a title", [](Json& g) { g["legal_basis"][0].erase("title"); },
       "guide G-0001: $.legal_basis[0].title: missing"},
      {"conditions are required", [](Json& g) { g.erase("conditions"); }, "guide G-0001: $.conditions: missing"},
      {"materials is an array", [](Json& g) { g["materials"] = Json::object(); },
       "guide G-0001: $.materials: expected an array, got an object"},
      {"a material's necessity is one of three", [](Json& g) { g["materials"][0]["necessity"] = "maybe"; },
       "guide G-0001: $.materials[0].necessity: expected one of required | optional | deferrable, got \"maybe\""},
      {"a material's form is one of four", [](Json& g) { g["materials"][1]["form"] = "fax"; },
       "guide G-0001: $.materials[1].form: expected one of original | copy | original_or_copy | electronic, got "
       "\"fax\""},
      {"a material's source is one of four", [](Json& g) { g["materials"][0].erase("source"); },
       "guide G-0001: $.materials[0].source: missing"},
      {"copies are not negative", [](Json& g) { g["materials"][0]["copies"] = -2; },
       "guide G-0001: $.materials[0].copies: expected an integer from 0 to 1000, got -2"},
      {"a certificate names its issuer", [](Json& g) { g["materials"][2]["certificate"].erase("issued_by"); },
       "guide G-0001: $.materials[2].certificate.issued_by: missing"},
      {"a certificate names its basis", [](Json& g) { g["materials"][2]["certificate"].erase("basis"); },
       "guide G-0001: $.materials[2].certificate.basis: missing"},
      {"a certificate names who requests it", [](Json& g) { g["materials"][2]["certificate"]["requested_by"] = ""; },
       "guide G-0001: $.materials[2].certificate.requested_by: expected a non-empty string"},
      {"a certificate says how to get it", [](Json& g) { g["materials"][2]["certificate"].erase("guide"); },
       "guide G-0001: $.materials[2].certificate.guide: missing"},
      {"steps has at least one", [](Json& g) { g["steps"] = Json::array(); },
       "guide G-0001: $.steps: expected at least 1 item"},
      {"a special procedure says whether it counts",
       [](Json& g) { g["special_procedures"][0].erase("counts_in_limit"); },
       "guide G-0001: $.special_procedures[0].counts_in_limit: missing"},
      {"fees are required (empty means free)", [](Json& g) { g.erase("fees"); }, "guide G-0001: $.fees: missing"},
      {"a fee has a standard", [](Json& g) { g["fees"] = Json::parse(R"([{"item": "工本费"}])"); },
       "guide G-0001: $.fees[0].standard: missing"},
      {"handling is window, online or post", [](Json& g) { g["handling"] = {"phone"}; },
       "guide G-0001: $.handling[0]: expected window | online | post, got \"phone\""},
      {"online depth is 1 to 7", [](Json& g) { g["online"]["depth"] = 8; },
       "guide G-0001: $.online.depth: expected an integer from 1 to 7, got 8"},
      {"appointment availability is a boolean", [](Json& g) { g["appointment"]["available"] = "yes"; },
       "guide G-0001: $.appointment.available: expected true or false, got a string"},
      {"location has hours", [](Json& g) { g["location"].erase("hours"); }, "guide G-0001: $.location.hours: missing"},
      {"contact_phone is required", [](Json& g) { g.erase("contact_phone"); },
       "guide G-0001: $.contact_phone: missing"},
      {"complaint_phone is required", [](Json& g) { g.erase("complaint_phone"); },
       "guide G-0001: $.complaint_phone: missing"},
      {"result delivery is window, post or electronic", [](Json& g) { g["result"]["delivery"] = {"pigeon"}; },
       "guide G-0001: $.result.delivery[0]: expected window | post | electronic, got \"pigeon\""},
      {"a faq entry has an answer", [](Json& g) { g["faq"][0].erase("a"); }, "guide G-0001: $.faq[0].a: missing"},
      {"effective_from carries an offset", [](Json& g) { g["effective_from"] = "2027-03-01T00:00:00"; },
       "guide G-0001: $.effective_from: expected an RFC 3339 time with an offset such as 2027-03-01T00:00:00+08:00, "
       "got \"2027-03-01T00:00:00\""},
      {"effective_from is a real date", [](Json& g) { g["effective_from"] = "2027-02-30T00:00:00+08:00"; },
       "guide G-0001: $.effective_from: expected an RFC 3339 time with an offset such as 2027-03-01T00:00:00+08:00, "
       "got \"2027-02-30T00:00:00+08:00\""},
      {"effective_from comes before cancel_at",
       [](Json& g) {
         g["effective_from"] = "2027-03-01T00:00:00+08:00";
         g["cancel_at"] = "2027-01-01T00:00:00+08:00";
       },
       "guide G-0001: $.cancel_at: expected a time after effective_from"},
      {"strings carry no control characters", [](Json& g) { g["conditions"] = "年满80周岁\u0007"; },
       "guide G-0001: $.conditions: contains a control character (U+0007)"},
      {"strings carry no newline either", [](Json& g) { g["materials"][0]["notes"] = "第一行\n第二行"; },
       "guide G-0001: $.materials[0].notes: contains a control character (U+000A)"},
      {"strings are at most 20,000 characters", [](Json& g) { g["conditions"] = std::string(20001, 'a'); },
       "guide G-0001: $.conditions: longer than 20000 characters"},
      {"department.name_en is a string", [](Json& g) { g["department"]["name_en"] = 7; },
       "guide G-0001: $.department.name_en: expected a string, got an integer"},
      {"location.address_en is a string", [](Json& g) { g["location"]["address_en"] = Json::array(); },
       "guide G-0001: $.location.address_en: expected a string, got an array"},
      {"location.hours_en carries no control characters", [](Json& g) { g["location"]["hours_en"] = "9:00\t17:00"; },
       "guide G-0001: $.location.hours_en: contains a control character (U+0009)"},
      {"location.window_en is at most 20,000 characters",
       [](Json& g) { g["location"]["window_en"] = std::string(20001, 'w'); },
       "guide G-0001: $.location.window_en: longer than 20000 characters"},
      {"a material's notes_en is a string", [](Json& g) { g["materials"][1]["notes_en"] = true; },
       "guide G-0001: $.materials[1].notes_en: expected a string, got a boolean"},
      {"a certificate's issued_by_en is a string",
       [](Json& g) { g["materials"][2]["certificate"]["issued_by_en"] = 1; },
       "guide G-0001: $.materials[2].certificate.issued_by_en: expected a string, got an integer"},
      {"a step's detail_en is at most 20,000 characters",
       [](Json& g) { g["steps"][0]["detail_en"] = std::string(20001, 'a'); },
       "guide G-0001: $.steps[0].detail_en: longer than 20000 characters"},
      {"a faq question's q_en is a string", [](Json& g) { g["faq"][0]["q_en"] = Json::object(); },
       "guide G-0001: $.faq[0].q_en: expected a string, got an object"},
      {"a faq answer's a_en carries no newline", [](Json& g) { g["faq"][0]["a_en"] = "one\ntwo"; },
       "guide G-0001: $.faq[0].a_en: contains a control character (U+000A)"},
      {"time_limit.note_en is a string", [](Json& g) { g["time_limit"]["note_en"] = 5; },
       "guide G-0001: $.time_limit.note_en: expected a string, got an integer"},
      {"a fee's item_en is a string",
       [](Json& g) { g["fees"] = Json::parse(R"([{"item": "工本费", "standard": "10元", "item_en": 1}])"); },
       "guide G-0001: $.fees[0].item_en: expected a string, got an integer"},
      {"a fee's standard_en is a string",
       [](Json& g) { g["fees"] = Json::parse(R"([{"item": "工本费", "standard": "10元", "standard_en": []}])"); },
       "guide G-0001: $.fees[0].standard_en: expected a string, got an array"},
      {"keywords_en is an array of strings", [](Json& g) { g["keywords_en"] = "pension"; },
       "guide G-0001: $.keywords_en: expected an array of strings, got a string"},
      {"keywords_en items are strings",
       [](Json& g) {
         g["keywords_en"] = {"pension", 3};
       },
       "guide G-0001: $.keywords_en[1]: expected a string, got an integer"},
      {"onsite_reason_en is a string", [](Json& g) { g["onsite_reason_en"] = false; },
       "guide G-0001: $.onsite_reason_en: expected a string, got a boolean"},
      {"a guide is an object", [](Json& g) { g = Json::array(); }, "guide #1: $: expected a guide object"},
  };
  for (const auto& c : cases) {
    SECTION(c.rule) {
      Json g = valid_guide();
      c.change(g);
      const auto problems = problems_of(g);
      INFO("rule: " << c.rule);
      CHECK(std::find(problems.begin(), problems.end(), std::string(c.expected)) != problems.end());
      CAPTURE(problems);
    }
  }
}

TEST_CASE("every problem of a guide is reported, not just the first", "[catalogue][validator]") {
  Json g = valid_guide();
  g.erase("conditions");
  g["materials"][0]["form"] = "fax";
  g["onsite_visits"] = 9;
  CHECK(problems_of(g).size() == 3);
}

TEST_CASE("a suspended guide says why and until when, in both languages", "[catalogue][validator]") {
  Json g = valid_guide("G-0001");
  g["status"] = "suspended";
  g["suspension"] = {{"reason", "系统升级"}, {"reason_en", "System upgrade"}, {"until", "2027-01-31"}};
  Problems problems;
  const auto parsed = parse_guide(g, "guide", problems);
  INFO((problems.messages().empty() ? std::string() : problems.messages().front()));
  REQUIRE(parsed);
  REQUIRE(parsed->suspension);
  CHECK(parsed->suspension->reason == "系统升级");
  CHECK(parsed->suspension->reason_en == "System upgrade");
  CHECK(parsed->suspension->until == "2027-01-31");
  g["suspension"].erase("until");  // until further notice
  const auto open_ended = parse_guide(g, "guide", problems);
  REQUIRE(open_ended);
  CHECK(open_ended->suspension->until.empty());
  g.erase("suspension");  // older guides: suspended without a note still pass
  CHECK(parse_guide(g, "guide", problems));
}

TEST_CASE("a guide needing two visits is not 一次办好", "[catalogue][validator]") {
  Json g = valid_guide();
  g["onsite_visits"] = 2;
  Problems problems;
  const auto guide = parse_guide(g, "guide #1", problems);
  REQUIRE(guide);
  CHECK_FALSE(guide->is_one_visit());
  g["onsite_visits"] = 0;
  g.erase("onsite_reason");  // 零跑腿 needs no reason
  const auto zero = parse_guide(g, "guide #1", problems);
  REQUIRE(zero);
  CHECK(zero->is_one_visit());
}

TEST_CASE("the English twins a foreign resident needs are read beside the Chinese", "[catalogue][validator][english]") {
  Problems problems;
  const auto g = parse_guide(english_guide(), "guide #1", problems);
  REQUIRE(problems.messages() == std::vector<std::string>{});
  REQUIRE(g);
  CHECK(g->department.name_en == "Rencheng District Civil Affairs Bureau");
  CHECK(g->keywords_en == std::vector<std::string>{"old-age allowance", "over 80"});
  CHECK(g->onsite_reason_en == "The applicant or a proxy signs the application in person");
  CHECK(g->time_limit_note_en == "Counted from the day the application is accepted");
  CHECK(g->materials[1].notes_en == "May be handed in later");
  REQUIRE(g->materials[2].certificate);
  CHECK(g->materials[2].certificate->issued_by_en == "The applicant's village or residents' committee");
  CHECK(g->steps[0].detail_en == "Hand in the materials at a window of the service centre");
  REQUIRE(g->fees.size() == 1);
  CHECK(g->fees[0].item_en == "Card fee");
  CHECK(g->fees[0].standard_en == "Waived");
  CHECK(g->location.address_en == "Anju Street Service Centre");
  CHECK(g->location.window_en == "Window 1 (general)");
  CHECK(g->location.hours_en == "Monday to Friday 9:00-17:00");
  CHECK(g->faq[0].q_en == "How much is the allowance each month?");
  CHECK(g->faq[0].a_en == "The local rate, paid monthly to the social security card.");
}

TEST_CASE("a guide without English twins reads them as empty", "[catalogue][validator][english]") {
  Problems problems;
  const auto g = parse_guide(valid_guide(), "guide #1", problems);
  REQUIRE(g);
  CHECK(g->department.name_en.empty());
  CHECK(g->keywords_en.empty());
  CHECK(g->location.address_en.empty());
  CHECK(g->materials[2].certificate->issued_by_en.empty());
  CHECK(g->faq[0].q_en.empty());
}
