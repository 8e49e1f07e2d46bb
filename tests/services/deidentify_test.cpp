// SPDX-License-Identifier: Apache-2.0
// The 去标识化 scanner on a table of true and false positives, the masks it offers, and the review
// that must decide every hit before a notice can be published.
#include <catch2/catch.hpp>

#include "common/utf8.h"
#include "notices/deidentify.h"

using hall::notices::apply_review;
using hall::notices::Decision;
using hall::notices::HitKind;
using hall::notices::Json;
using hall::notices::Representative;
using hall::notices::ReviewAction;
using hall::notices::ReviewedHit;
using hall::notices::scan_notice;
using hall::notices::scan_text;

namespace {

const std::vector<Representative> deputies = {{"张建国", {"0537-7654321", "zhangjg@163.com"}}, {"李芳", {}}};

struct Case {
  const char* rule;
  const char* text;
  std::vector<std::pair<HitKind, std::string>> expected;  // kind and mask, in order
};

}  // namespace

TEST_CASE("the scanner finds personal data and nothing else", "[notices][deidentify]") {
  using K = HitKind;
  const Case cases[] = {
      {"an ID with a valid check digit", "身份证号370102199003071238。", {{K::resident_id, "3701**********1238"}}},
      {"an ID ending in X", "证件号码：11010519491231002X", {{K::resident_id, "1101**********002X"}}},
      {"an ID ending in a small x", "证件号码11010519491231002x", {{K::resident_id, "1101**********002x"}}},
      {"an ID with a wrong check digit is no ID", "号码370102199003071230", {}},
      {"a valid check digit but no birth date is no ID", "号码370102199013071231", {}},
      {"an ID written in groups", "370102 19900307 1238", {{K::resident_id, "3701**********1238"}}},
      {"a mobile number", "联系电话13812345678，", {{K::mobile, "138****5678"}}},
      {"a mobile written 3-4-4 with spaces", "电话 138 1234 5678", {{K::mobile, "138****5678"}}},
      {"a mobile written 3-4-4 with hyphens", "电话138-1234-5678", {{K::mobile, "138****5678"}}},
      {"a mobile after +86", "+86 13912345678", {{K::mobile, "139****5678"}}},
      {"a mobile glued to 86", "8613912345678", {{K::mobile, "139****5678"}}},
      {"two mobiles side by side", "13812345678 13987654321", {{K::mobile, "138****5678"}, {K::mobile, "139****4321"}}},
      {"a landline is no mobile", "咨询电话：0537-2345678", {}},
      {"a landline without its hyphen is no mobile", "咨询电话05372345678", {}},
      {"a mobile inside a longer number is none", "流水号213812345678901", {}},
      {"a mobile glued to letters is a code", "编号NO13812345678", {}},
      {"12x is no mobile prefix", "12812345678", {}},
      {"a 12-digit number is no mobile", "138123456789", {}},
      {"a bank card passing Luhn", "卡号6222021234567894", {{K::bank_card, "6222********7894"}}},
      {"a 19-digit bank card", "6217001234567890122", {{K::bank_card, "6217***********0122"}}},
      {"a card written in fours", "6222 0212 3456 7894", {{K::bank_card, "6222********7894"}}},
      {"a 16-digit number failing Luhn is no card", "6222021234567895", {}},
      {"a 20-digit number is no card", "62220212345678901234", {}},
      {"an e-mail address", "邮箱：wang.li@example.com。", {{K::email, "w***@example.com"}}},
      {"a mobile as an e-mail is one e-mail", "13812345678@qq.com", {{K::email, "1***@qq.com"}}},
      {"no domain, no e-mail", "user@localhost 或 a@b", {}},
      {"a listed deputy's name", "张建国代表提出的建议收悉。", {{K::representative_name, "张**"}}},
      {"a two-character name", "李芳委员", {{K::representative_name, "李*"}}},
      {"a listed contact wins over the e-mail rule", "zhangjg@163.com", {{K::representative_contact, "z***@163.com"}}},
      {"a listed landline", "电话0537-7654321", {{K::representative_contact, "053****4321"}}},
      {"a 文号 is no personal data", "济任政办发〔2017〕17号", {}},
      {"a date is no personal data", "2023-03-15 至 2023-04-14", {}},
      {"a credit code is no ID", "统一社会信用代码11370800MB2857163X", {}},
      {"an amount is no card", "共计1000000000000000元", {}},
  };
  for (const auto& row : cases) {
    INFO(row.rule << ": " << row.text);
    const auto hits = scan_text(row.text, deputies);
    std::vector<std::pair<HitKind, std::string>> got;
    for (const auto& h : hits) got.emplace_back(h.kind, h.mask);
    CHECK(got == row.expected);
  }
}

TEST_CASE("check digits", "[notices][deidentify]") {
  CHECK(hall::notices::resident_id_valid("370102199003071238"));
  CHECK(hall::notices::resident_id_valid("11010519491231002X"));
  CHECK_FALSE(hall::notices::resident_id_valid("370102199003071230"));
  CHECK_FALSE(hall::notices::resident_id_valid("070102199003071238"));
  CHECK(hall::notices::luhn_valid("6222021234567894"));
  CHECK_FALSE(hall::notices::luhn_valid("6222021234567895"));
}

TEST_CASE("a hit says where it is and what it found", "[notices][deidentify]") {
  const Json notice = {{"title", "关于张建国代表建议的答复"},
                       {"body", {{{"type", "paragraph"}, {"text", "请拨打13812345678联系。"}}}},
                       {"proposal", {{"representatives", {{{"name", "张建国"}}}}}}};
  const auto hits = scan_notice(notice, deputies);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].path == "$.title");
  CHECK(hits[0].offset == std::string("关于").size());
  CHECK(hits[0].found == "张建国");
  CHECK(hits[1].path == "$.body[0].text");
  CHECK(hits[1].found == "13812345678");
}

TEST_CASE("the review decides every hit before publication", "[notices][deidentify]") {
  const Json notice = {{"title", "关于张建国代表建议的答复"},
                       {"body", {{{"type", "paragraph"}, {"text", "代表电话13812345678；街道咨询电话13905371234。"}}}},
                       {"proposal", {{"number", "建议第12号"}, {"representatives", {{{"name", "张建国"}}}}}}};
  const auto hits = scan_notice(notice, deputies);
  REQUIRE(hits.size() == 3);

  SECTION("masked and kept with a reason") {
    const std::vector<ReviewedHit> review = {{hits[0], {ReviewAction::mask, ""}},
                                             {hits[1], {ReviewAction::mask, ""}},
                                             {hits[2], {ReviewAction::keep, "街道办公开的咨询电话"}}};
    const auto published = apply_review(notice, deputies, review);
    REQUIRE(published);
    CHECK((*published)["title"] == "关于张**代表建议的答复");
    CHECK((*published)["body"][0]["text"] == "代表电话138****5678；街道咨询电话13905371234。");
    CHECK_FALSE((*published)["proposal"].contains("representatives"));
    CHECK((*published)["proposal"]["number"] == "建议第12号");
    CHECK(scan_notice(*published, deputies).size() == 1);  // only the kept office phone
  }
  SECTION("a hit without a decision") {
    const auto r = apply_review(notice, deputies, {{hits[0], {}}, {hits[2], {ReviewAction::keep, "公开电话"}}});
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "$.body[0].text (byte 12): 手机号码 138****5678: no decision (mask it, or keep it with a reason)");
  }
  SECTION("kept without a reason") {
    const auto r = apply_review(notice, deputies, {{hits[0], {}}, {hits[1], {}}, {hits[2], {ReviewAction::keep, ""}}});
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "$.body[0].text (byte 44): 手机号码 139****1234: kept without a reason");
  }
  SECTION("a decision for text that changed after the review") {
    Json changed = notice;
    changed["body"][0]["text"] = "代表电话13812345679；街道咨询电话13905371234。";
    const auto r =
        apply_review(changed, deputies, {{hits[0], {}}, {hits[1], {}}, {hits[2], {ReviewAction::keep, "公开电话"}}});
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("138****5679: no decision"));
    CHECK_THAT(r.error().message, Catch::Contains("138****5678: decided, but the scan no longer finds it"));
  }
}

TEST_CASE("hits lie inside their text, in order, never overlapping, on random text", "[notices][deidentify]") {
  // Digits, separators, X, @, dots, letters and a listed name in every mix: whatever the scanner
  // reports must be the bytes at its offset, and masking every hit must leave valid UTF-8.
  static const std::vector<std::string> pieces = {"1",
                                                  "3",
                                                  "8",
                                                  "0",
                                                  "6",
                                                  "9",
                                                  "X",
                                                  " ",
                                                  "-",
                                                  "@",
                                                  ".",
                                                  "a",
                                                  "z",
                                                  "张建国",
                                                  "电话",
                                                  "，",
                                                  "13812345678",
                                                  "370102199003071238",
                                                  "6222021234567894",
                                                  "qq.com"};
  std::uint32_t state = 20261202;
  const auto next = [&] {
    state = state * 1664525u + 1013904223u;  // a fixed LCG: the same texts on every run
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const auto count = 1 + next() % 24;
    for (std::uint32_t i = 0; i < count; ++i) text += pieces[next() % pieces.size()];
    INFO(text);
    const auto hits = scan_text(text, deputies, "$.text");
    std::size_t end = 0;
    std::vector<ReviewedHit> review;
    for (const auto& h : hits) {
      CHECK(h.offset >= end);
      REQUIRE(h.offset + h.found.size() <= text.size());
      CHECK(text.substr(h.offset, h.found.size()) == h.found);
      CHECK_FALSE(h.mask.empty());
      end = h.offset + h.found.size();
      review.push_back({h, {ReviewAction::mask, ""}});
    }
    const auto masked = apply_review(Json{{"text", text}}, deputies, review);
    INFO((masked ? std::string() : masked.error().message));
    REQUIRE(masked);
    CHECK_FALSE(hall::utf8::first_invalid((*masked)["text"].get<std::string>()));
  }
}
