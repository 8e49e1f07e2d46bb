// SPDX-License-Identifier: Apache-2.0
// Every rule of the notice format (README, "The notice format"), one named row each: the notice is
// refused and the message names the notice, the JSON path and what was expected.
#include <catch2/catch.hpp>

#include <functional>

#include "notices/notice_file.h"
#include "notices/notice_labels.h"
#include "notices/notice_parser.h"

// Its own namespace: the unity batch may hold guide_parser_test's RuleCase and problems_of.
namespace notice_parser_test {

using hall::notices::Destination;
using hall::notices::Json;
using hall::notices::NoticeKind;
using hall::notices::parse_notice;
using hall::notices::parse_notice_file;
using hall::notices::Problems;

namespace {

Json base_notice(const std::string& id = "N-0001", const std::string& kind = "announcement") {
  return Json::parse(R"({
    "id": ")" + id + R"(", "version": 1, "kind": ")" +
                     kind + R"(",
    "title": "关于调整高龄津贴发放标准的通知", "title_en": "Old-age allowance rates are changing",
    "summary": "自2027年1月起，80周岁以上老人高龄津贴提高。",
    "issuer": {"name": "安居街道办事处", "name_en": "Anju Street Office"},
    "date": "2026-11-20", "disclosure": "active", "category": "service",
    "domain": "养老服务", "domain_en": "Elderly care",
    "effective_from": "2027-01-01", "expires_on": "2027-12-31", "guides": ["G-0001"],
    "body": [
      {"type": "heading", "level": 1, "text": "一、调整标准", "text_en": "1. New rates"},
      {"type": "paragraph", "text": "80至89周岁老人每人每月100元。"},
      {"type": "list", "numbered": true, "items": ["携带身份证", {"text": "携带户口簿", "text_en": "Bring the household register"}]},
      {"type": "table", "columns": ["年龄", {"text": "标准", "text_en": "Rate"}], "rows": [["80-89周岁", "100元/月"], ["90周岁以上", "200元/月"]]}
    ],
    "x_local_note": {"kept": true}
  })");
}

Json with_part(Json n, const std::string& key, const std::string& part) {
  n[key] = Json::parse(part);
  return n;
}

Json valid_of(const std::string& kind) {
  Json n = base_notice("N-" + kind, kind);
  if (kind == "policy") n["doc_no"] = "安居办发〔2023〕3号";
  if (kind == "interpretation") n["interprets"] = "N-policy";
  if (kind == "draft") {
    n = with_part(n, "draft", R"({"basis": [{"title": "重大行政决策程序暂行条例", "clause": "第十四条"}],
        "comment_from": "2026-11-20", "comment_to": "2026-12-19", "channels": ["信函：安居街道党政办公室"]})");
  }
  if (kind == "meeting") {
    n = with_part(n, "meeting", R"({"held_on": "2026-11-18", "place": "街道三楼会议室",
        "agenda": ["审议老旧小区改造方案"], "decisions": ["原则通过，征求居民意见后实施"]})");
  }
  if (kind == "implementation") {
    n = with_part(n, "implementation", R"({"measure": "“一窗受理”改革", "steps": [
        {"title": "综合窗口设置", "responsible": "党政办公室", "progress": "已设6个综合窗口", "status": "done", "due": "2026-06-30"}]})");
  }
  if (kind == "proposal_reply") {
    n = with_part(n, "proposal", R"({"number": "建议第12号", "type": "suggestion", "publication": "full",
        "representatives": [{"name": "张建国", "contacts": ["13812345678"]}]})");
  }
  if (kind == "power_list") {
    n = with_part(n, "powers", R"([{"name": "高龄津贴发放", "power_type": "行政给付",
        "basis": [{"title": "山东省老年人权益保障条例"}], "responsible": "安居街道社会事务办"}])");
  }
  return n;
}

std::vector<std::string> problems_of(const Json& n, Destination d = Destination::central) {
  Problems problems;
  const auto notice = parse_notice(n, "notice #1", d, problems);
  CHECK(notice.has_value() == problems.empty());
  return problems.messages();
}

struct RuleCase {
  const char* rule;
  std::string kind;
  std::function<void(Json&)> change;
  const char* expected;  // one whole line of the report
  Destination destination = Destination::central;
};

}  // namespace

TEST_CASE("a valid notice of every kind is accepted", "[notices][validator]") {
  for (const auto& t : hall::notices::notice_kinds()) {
    INFO(t.code);
    CHECK(problems_of(valid_of(t.code)) == std::vector<std::string>{});
  }
}

TEST_CASE("a notice is read with every field", "[notices][validator]") {
  Problems problems;
  const auto n = parse_notice(valid_of("draft"), "notice #1", Destination::central, problems);
  REQUIRE(problems.messages() == std::vector<std::string>{});
  REQUIRE(n);
  CHECK(n->kind == NoticeKind::draft);
  CHECK(n->title.en == "Old-age allowance rates are changing");
  CHECK(n->issuer.name == "安居街道办事处");
  CHECK(n->category == hall::notices::Category::service);
  CHECK(n->domain.zh == "养老服务");
  CHECK(n->guides == std::vector<std::string>{"G-0001"});
  REQUIRE(n->body.size() == 4);
  CHECK(n->body[0].type == hall::notices::BlockType::heading);
  CHECK(n->body[2].items[1].en == "Bring the household register");
  CHECK(n->body[3].rows.size() == 2);
  CHECK(n->body[3].columns[1].en == "Rate");
  REQUIRE(n->draft);
  CHECK(n->draft->basis[0].clause == "第十四条");
  CHECK(n->open_for_comment(*hall::parse_iso_date("2026-12-02")));
  CHECK(n->comment_days_left(*hall::parse_iso_date("2026-12-02")) == 18);
  CHECK(n->comment_days_left(*hall::parse_iso_date("2026-12-19")) == 1);
  CHECK_FALSE(n->open_for_comment(*hall::parse_iso_date("2026-12-20")));
  CHECK(Json::parse(n->source_json)["x_local_note"]["kept"] == true);  // unknown keys pass on untouched
}

TEST_CASE("every vocabulary value has a code and both labels", "[notices][labels]") {
  const auto check = [](const auto& table, int count) {
    CHECK(static_cast<int>(table.size()) == count);
    for (const auto& t : table) {
      CHECK(std::string(t.code).size() > 0);
      CHECK(std::string(t.zh).size() > 0);
      CHECK(std::string(t.en).size() > 0);
      CHECK(&hall::notices::term(t.value) == &t);
    }
  };
  check(hall::notices::notice_kinds(), 8);
  check(hall::notices::disclosures(), 3);
  check(hall::notices::categories(), 5);
  check(hall::notices::step_statuses(), 3);
  check(hall::notices::proposal_types(), 2);
  check(hall::notices::publications(), 2);
}

TEST_CASE("each notice rule refuses the notice and names the path", "[notices][validator]") {
  const RuleCase cases[] = {
      {"id is required", "announcement", [](Json& n) { n.erase("id"); }, "notice #1: $.id: missing"},
      {"id uses only A-Z a-z 0-9 . _ -", "announcement", [](Json& n) { n["id"] = "N 1"; },
       "notice #1: $.id: expected 1-64 characters of A-Z a-z 0-9 . _ -"},
      {"version is at least 1", "announcement", [](Json& n) { n["version"] = 0; },
       "notice N-announcement: $.version: expected an integer from 1 to 2000000000, got 0"},
      {"kind is one of eight", "announcement", [](Json& n) { n["kind"] = "rumour"; },
       "notice N-announcement: $.kind: expected one of policy | interpretation | announcement | draft | meeting | "
       "implementation | proposal_reply | power_list, got \"rumour\""},
      {"title is required", "announcement", [](Json& n) { n.erase("title"); },
       "notice N-announcement: $.title: missing"},
      {"title is at most 200 characters", "announcement", [](Json& n) { n["title"] = std::string(201, 'x'); },
       "notice N-announcement: $.title: longer than 200 characters"},
      {"an English twin is a string", "announcement", [](Json& n) { n["title_en"] = 3; },
       "notice N-announcement: $.title_en: expected a string, got an integer"},
      {"text has no control characters", "announcement", [](Json& n) { n["body"][1]["text"] = "第一段\n第二段"; },
       "notice N-announcement: $.body[1].text: contains a control character (U+000A)"},
      {"issuer is required", "announcement", [](Json& n) { n.erase("issuer"); },
       "notice N-announcement: $.issuer: missing"},
      {"issuer code is a credit code", "announcement", [](Json& n) { n["issuer"]["code"] = "123"; },
       "notice N-announcement: $.issuer.code: expected an 18-character unified social credit code (digits and capital "
       "letters)"},
      {"date is a calendar date", "announcement", [](Json& n) { n["date"] = "2026-02-30"; },
       "notice N-announcement: $.date: expected a date such as 2026-12-01, got \"2026-02-30\""},
      {"disclosure is one of three", "announcement", [](Json& n) { n["disclosure"] = "public"; },
       "notice N-announcement: $.disclosure: expected one of active | on_request | not_public, got \"public\""},
      {"a notice that is not 主动公开 says why", "announcement", [](Json& n) { n["disclosure"] = "not_public"; },
       "notice N-announcement: $.disclosure_reason: missing (a notice that is not 主动公开 says why, with its legal "
       "ground)"},
      {"only 主动公开 is published", "announcement",
       [](Json& n) {
         n["disclosure"] = "on_request";
         n["disclosure_reason"] = "涉及第三方商业秘密";
       },
       "notice N-announcement: $.disclosure: only active (主动公开) notices leave the central store, got "
       "\"on_request\"",
       Destination::published},
      {"category is one of the 五公开", "announcement", [](Json& n) { n["category"] = "other"; },
       "notice N-announcement: $.category: expected one of decision | execution | management | service | result, got "
       "\"other\""},
      {"domain is required", "announcement", [](Json& n) { n.erase("domain"); },
       "notice N-announcement: $.domain: missing"},
      {"expiry follows the effective date", "announcement", [](Json& n) { n["expires_on"] = "2027-01-01"; },
       "notice N-announcement: $.expires_on: expected a date after effective_from"},
      {"a linked guide is a guide id", "announcement", [](Json& n) { n["guides"] = {"高龄津贴"}; },
       "notice N-announcement: $.guides[0]: expected a guide id"},
      {"the original is an https address", "announcement", [](Json& n) { n["original_url"] = "http://x/a.pdf"; },
       "notice N-announcement: $.original_url: expected an https:// address or a path on the central store"},
      {"body is required", "announcement", [](Json& n) { n.erase("body"); }, "notice N-announcement: $.body: missing"},
      {"body is not empty", "announcement", [](Json& n) { n["body"] = Json::array(); },
       "notice N-announcement: $.body: expected at least 1 item"},
      {"a block has a known type", "announcement", [](Json& n) { n["body"][0]["type"] = "image"; },
       "notice N-announcement: $.body[0].type: expected one of heading | paragraph | list | table, got \"image\""},
      {"a heading level is 1 to 3", "announcement", [](Json& n) { n["body"][0]["level"] = 4; },
       "notice N-announcement: $.body[0].level: expected an integer from 1 to 3, got 4"},
      {"a list has items", "announcement", [](Json& n) { n["body"][2]["items"] = Json::array(); },
       "notice N-announcement: $.body[2].items: expected at least 1 item"},
      {"a list item is text", "announcement", [](Json& n) { n["body"][2]["items"][0] = 7; },
       "notice N-announcement: $.body[2].items[0]: expected a string or {\"text\", \"text_en\"}, got an integer"},
      {"a list item object has its text", "announcement", [](Json& n) { n["body"][2]["items"][1].erase("text"); },
       "notice N-announcement: $.body[2].items[1].text: missing"},
      {"a table row has one cell per column", "announcement", [](Json& n) { n["body"][3]["rows"][1] = {"90周岁以上"}; },
       "notice N-announcement: $.body[3].rows[1]: expected 2 cells (one per column), got 1"},
      {"a table has rows", "announcement", [](Json& n) { n["body"][3].erase("rows"); },
       "notice N-announcement: $.body[3].rows: missing"},
      {"a policy carries its 文号", "policy", [](Json& n) { n.erase("doc_no"); },
       "notice N-policy: $.doc_no: missing (a policy document carries its 文号, e.g. 安居办发〔2023〕3号)"},
      {"a policy's 文号 is not empty", "policy", [](Json& n) { n["doc_no"] = ""; },
       "notice N-policy: $.doc_no: expected a non-empty string"},
      {"a 解读 names its policy", "interpretation", [](Json& n) { n.erase("interprets"); },
       "notice N-interpretation: $.interprets: missing"},
      {"a part belongs to its kind", "announcement", [](Json& n) { n["draft"] = Json::object(); },
       "notice N-announcement: $.draft: only a notice of kind draft has this part"},
      {"a draft has its part", "draft", [](Json& n) { n.erase("draft"); }, "notice N-draft: $.draft: missing"},
      {"a draft gives its 决策依据", "draft", [](Json& n) { n["draft"]["basis"] = Json::array(); },
       "notice N-draft: $.draft.basis: expected at least 1 item"},
      {"a comment period does not run backwards", "draft", [](Json& n) { n["draft"]["comment_to"] = "2026-11-19"; },
       "notice N-draft: $.draft.comment_to: expected a date not before comment_from"},
      {"a comment period is 30 days unless a reason is given", "draft",
       [](Json& n) { n["draft"]["comment_to"] = "2026-12-18"; },
       "notice N-draft: $.draft.comment_to: expected a comment period of at least 30 days (重大行政决策程序暂行条例 "
       "第十四条), or a short_period_reason"},
      {"comments open no earlier than the notice", "draft", [](Json& n) { n["date"] = "2026-11-21"; },
       "notice N-draft: $.draft.comment_from: expected a date not before the notice's date"},
      {"the adoption report follows the period", "draft",
       [](Json& n) {
         n["draft"]["adoption"] = {
             {"published", "2026-12-19"}, {"received", 0}, {"adopted", 0}, {"summary", "未收到意见"}};
       },
       "notice N-draft: $.draft.adoption.published: expected a date after the comment period ends (2026-12-19)"},
      {"no more adopted than received", "draft",
       [](Json& n) {
         n["draft"]["adoption"] = {{"published", "2026-12-28"}, {"received", 2}, {"adopted", 3}, {"summary", "汇总"}};
       },
       "notice N-draft: $.draft.adoption.adopted: expected at most the 2 opinions received, got 3"},
      {"opinions not adopted carry reasons", "draft",
       [](Json& n) {
         n["draft"]["adoption"] = {{"published", "2026-12-28"}, {"received", 5}, {"adopted", 3}, {"summary", "汇总"}};
       },
       "notice N-draft: $.draft.adoption.not_adopted: missing: 2 opinion(s) were not adopted, and the report gives the "
       "reasons (未予采纳的理由)"},
      {"a reason for not adopting names its opinion", "draft",
       [](Json& n) {
         n["draft"]["adoption"] = {{"published", "2026-12-28"},
                                   {"received", 1},
                                   {"adopted", 0},
                                   {"summary", "汇总"},
                                   {"not_adopted", {{{"reason", "超出街道职权"}}}}};
       },
       "notice N-draft: $.draft.adoption.not_adopted[0].opinion: missing"},
      {"no more reasons than opinions not adopted", "draft",
       [](Json& n) {
         n["draft"]["adoption"] = {{"published", "2026-12-28"},
                                   {"received", 1},
                                   {"adopted", 1},
                                   {"summary", "汇总"},
                                   {"not_adopted", {{{"opinion", "甲"}, {"reason", "乙"}}}}};
       },
       "notice N-draft: $.draft.adoption.not_adopted: expected at most 0 (received − adopted), got 1"},
      {"a meeting has an agenda", "meeting", [](Json& n) { n["meeting"]["agenda"] = Json::array(); },
       "notice N-meeting: $.meeting.agenda: expected at least 1 item"},
      {"a meeting lists its decisions", "meeting", [](Json& n) { n["meeting"].erase("decisions"); },
       "notice N-meeting: $.meeting.decisions: missing"},
      {"a measure step names who is responsible", "implementation",
       [](Json& n) { n["implementation"]["steps"][0].erase("responsible"); },
       "notice N-implementation: $.implementation.steps[0].responsible: missing"},
      {"a step status is one of three", "implementation",
       [](Json& n) { n["implementation"]["steps"][0]["status"] = "late"; },
       "notice N-implementation: $.implementation.steps[0].status: expected one of planned | in_progress | done, got "
       "\"late\""},
      {"a proposal reply says full text or summary", "proposal_reply",
       [](Json& n) { n["proposal"]["publication"] = "partial"; },
       "notice N-proposal_reply: $.proposal.publication: expected one of full | summary, got \"partial\""},
      {"a listed deputy has a name", "proposal_reply",
       [](Json& n) { n["proposal"]["representatives"][0].erase("name"); },
       "notice N-proposal_reply: $.proposal.representatives[0].name: missing"},
      {"the list of deputies never leaves the central store", "proposal_reply", [](Json&) {},
       "notice N-proposal_reply: $.proposal.representatives: the names and contacts of deputies never leave the "
       "central store (the list serves the 去标识化 scan; remove it before publishing)",
       Destination::published},
      {"a power entry gives its basis", "power_list", [](Json& n) { n["powers"][0].erase("basis"); },
       "notice N-power_list: $.powers[0].basis: missing"},
      {"a 权责清单 has entries", "power_list", [](Json& n) { n["powers"] = Json::array(); },
       "notice N-power_list: $.powers: expected at least 1 item"},
      {"a notice is an object", "announcement", [](Json& n) { n = Json::array(); },
       "notice #1: $: expected a notice object"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    Json n = valid_of(row.kind);
    row.change(n);
    const auto problems = problems_of(n, row.destination);
    CHECK(std::find(problems.begin(), problems.end(), std::string(row.expected)) != problems.end());
    if (problems.size() != 1) {
      for (const auto& p : problems) UNSCOPED_INFO(p);
      CHECK(problems.size() == 1);
    }
  }
}

TEST_CASE("a short comment period passes with its reason", "[notices][validator]") {
  Json n = valid_of("draft");
  n["draft"]["comment_to"] = "2026-11-30";
  n["draft"]["short_period_reason"] = "汛期防汛安排，需在12月前定稿";
  CHECK(problems_of(n) == std::vector<std::string>{});
}

TEST_CASE("a directory keeps ids unique and links whole", "[notices][validator]") {
  const auto directory = [](std::vector<Json> notices) {
    return Json{{"format", "hallkiosk.notices/1"}, {"notices", notices}}.dump();
  };
  CHECK(parse_notice_file(directory({valid_of("policy"), valid_of("interpretation")}), Destination::published));

  const auto dup = parse_notice_file(directory({valid_of("policy"), valid_of("policy")}), Destination::published);
  REQUIRE_FALSE(dup);
  CHECK(dup.error().message == "notice N-policy: $.id: duplicate id (notices #1 and #2)");

  const auto dangling = parse_notice_file(directory({valid_of("interpretation")}), Destination::published);
  REQUIRE_FALSE(dangling);
  CHECK(dangling.error().message == "notice N-interpretation: $.interprets: no notice \"N-policy\" in this file");

  Json not_policy = valid_of("announcement");
  not_policy["id"] = "N-policy";
  const auto wrong = parse_notice_file(directory({not_policy, valid_of("interpretation")}), Destination::published);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().message ==
        "notice N-interpretation: $.interprets: expected a policy, but \"N-policy\" is of kind announcement");

  Json single = valid_of("announcement");
  single["format"] = "hallkiosk.notice/1";
  const auto one = parse_notice_file(single.dump(), Destination::published);
  REQUIRE(one);
  CHECK(one->notices.size() == 1);
  CHECK_FALSE(Json::parse(one->notices[0].source_json).contains("format"));

  const auto unknown = parse_notice_file(R"({"format": "hallkiosk.guide/1"})", Destination::central);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message ==
        "notices: $.format: expected \"hallkiosk.notice/1\" or \"hallkiosk.notices/1\", got \"hallkiosk.guide/1\"");
  CHECK_FALSE(parse_notice_file(std::string(100, '['), Destination::central));
  CHECK_FALSE(parse_notice_file("{", Destination::central));
}

}  // namespace notice_parser_test
