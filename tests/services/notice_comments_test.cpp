// SPDX-License-Identifier: Apache-2.0
// Opinions on a decision draft (重大决策预公开) through the central store and its public page: the
// comment period in the hall's zone, the size and per-address limits, receipts, the form that
// gives back what was typed when it refuses, and the administrators' list and CSV export.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "central_fixture.h"
#include "common/csv_text.h"
#include "common/form_body.h"
#include "common/utf8.h"
#include "support/demo_hall.h"

namespace notice_comments_test {

using namespace hall;
using hall::test::CentralFixture;
using Json = nlohmann::ordered_json;
using central::CommentRefusal;

std::string demo_notices() {
  std::ifstream in(hall::test::demo + "/notices.json", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The demo hall's notices, submitted by alice, approved by bob (every 去标识化 hit masked),
// published by carol.
void publish_demo_notices(CentralFixture& f) {
  auto drafts = f.store.submit_notices("alice", demo_notices());
  if (!drafts) throw std::runtime_error(drafts.error().message);
  for (const auto& d : *drafts) {
    central::NoticeReviewDecision decision{true, "", "无涉密内容", {}};
    for (const auto& h : d.hits) decision.decisions.push_back({h, {notices::ReviewAction::mask, ""}});
    if (auto r = f.store.review_notice("bob", d.id, decision); !r) throw std::runtime_error(r.error().message);
  }
  if (auto r = f.store.publish("carol", {}); !r) throw std::runtime_error(r.error().message);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string form_escape(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

central::ApiResponse post_form(CentralFixture& f, const std::string& path, const std::string& body,
                               const std::string& from = "203.0.113.7") {
  central::ApiRequest req{"POST", path, {{"Content-Type", "application/x-www-form-urlencoded"}}, body};
  req.remote_addr = from;
  return f.api.handle(req);
}

TEST_CASE("an opinion on an open draft is kept with its receipt and listed for administrators", "[central][comments]") {
  CentralFixture f;  // 2026-11-28 16:00 in the hall; N-2026-D07 is open 2026-11-20 to 2026-12-19
  publish_demo_notices(f);
  auto c = f.store.add_comment("N-2026-D07", "  建议补助向\r\n独居老人家庭倾斜。 ", "王先生 13912345678", "203.0.113.7");
  REQUIRE(c);
  CHECK(c->text == "建议补助向\n独居老人家庭倾斜。");  // CRLF as one line break, blanks trimmed
  CHECK(c->version == 1);
  REQUIRE(c->receipt.size() == 8);
  for (const char ch : c->receipt) CHECK(std::string_view("23456789ABCDEFGHJKLMNPQRSTUVWXYZ").find(ch) != std::string::npos);

  auto list = f.store.comments("N-2026-D07", "bob");
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  CHECK(list->front().receipt == c->receipt);
  CHECK(list->front().contact == "王先生 13912345678");
  auto log = f.store.audit_log(5);
  REQUIRE(log);
  CHECK(log->front().actor == "bob");
  CHECK(log->front().action == "read comments");
  CHECK(log->front().detail == "1 comment(s)");

  std::set<std::string> receipts{c->receipt};
  for (int i = 0; i < 4; ++i) receipts.insert(f.store.add_comment("N-2026-D07", "意见" + std::to_string(i), "", "198.51.100." + std::to_string(i))->receipt);
  CHECK(receipts.size() == 5);  // each opinion its own code
}

TEST_CASE("opinions are refused outside the period, over the limits and past an address's share", "[central][comments]") {
  CentralFixture f;
  publish_demo_notices(f);
  const auto refusal = [&](const std::string& id, const std::string& text, const std::string& contact = "",
                           const std::string& from = "203.0.113.7") {
    auto r = f.store.add_comment(id, text, contact, from);
    return r ? std::optional<CommentRefusal>() : std::optional<CommentRefusal>(r.error().reason);
  };
  CHECK(refusal("N-2026-D05", "意见") == CommentRefusal::not_open);    // closed 2026-09-30, its report published
  CHECK(refusal("N-2023-001", "意见") == CommentRefusal::not_a_draft);  // a policy takes no comments
  CHECK(refusal("N-2099-X", "意见") == CommentRefusal::no_such_notice);
  CHECK(refusal("N-2026-D07", " \n\u3000 ") == CommentRefusal::empty);
  CHECK(refusal("N-2026-D07", repeat("长", 2001)) == CommentRefusal::too_long);
  CHECK(refusal("N-2026-D07", "意见", repeat("a", 101)) == CommentRefusal::contact_too_long);
  CHECK_FALSE(refusal("N-2026-D07", repeat("长", 2000), "", "192.0.2.1"));  // 2,000 characters exactly

  SECTION("five in ten minutes from one address, then wait") {
    for (int i = 0; i < 5; ++i) CHECK_FALSE(refusal("N-2026-D07", "意见 " + std::to_string(i)));
    CHECK(refusal("N-2026-D07", "第六条") == CommentRefusal::too_many);
    CHECK_FALSE(refusal("N-2026-D07", "别处来的", "", "198.51.100.9"));  // another address is not held back
    f.clock.advance(std::chrono::minutes(11));
    CHECK_FALSE(refusal("N-2026-D07", "第六条"));
  }
  SECTION("twenty a day from one address") {
    for (int i = 0; i < 20; ++i) {
      CHECK_FALSE(refusal("N-2026-D07", "意见 " + std::to_string(i)));
      f.clock.advance(std::chrono::minutes(3));
    }
    CHECK(refusal("N-2026-D07", "第二十一条") == CommentRefusal::too_many);
    f.clock.advance(std::chrono::hours(24));
    CHECK_FALSE(refusal("N-2026-D07", "第二天"));
  }
  SECTION("the last day counts to midnight in the hall, not in UTC") {
    f.clock.set(*parse_rfc3339("2026-12-19T23:59:59+08:00"));
    CHECK_FALSE(refusal("N-2026-D07", "最后一天"));
    f.clock.set(*parse_rfc3339("2026-12-20T00:00:00+08:00"));
    CHECK(refusal("N-2026-D07", "晚了一秒", "", "192.0.2.2") == CommentRefusal::not_open);
  }
  auto list = f.store.comments("N-2026-D07", "carol");
  REQUIRE(list);
  for (const auto& c : *list) CHECK(utf8::length(c.text) <= 2000);  // nothing refused was kept
}

TEST_CASE("the public page of a draft takes the form and answers in HTML", "[central][comments][api]") {
  CentralFixture f;
  publish_demo_notices(f);
  const auto page = f.api.handle({"GET", "/n/N-2026-D07", {}, ""});
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(page.body, Catch::Contains("安居街道老旧小区加装电梯补助办法（征求意见稿）"));
  CHECK_THAT(page.body, Catch::Contains("2026年11月20日</span> 至 <span class=\"nw\">2026年12月19日"));
  CHECK_THAT(page.body, Catch::Contains("还有 22 天截止"));  // 11-28 to 12-19, both days counted
  CHECK_THAT(page.body, Catch::Contains("<form method=\"post\" action=\"/n/N-2026-D07/comments\""));
  CHECK_THAT(page.body, Catch::Contains("maxlength=\"2000\""));
  CHECK(page.body.find("<script") == std::string::npos);  // readable with no script at all

  const auto sent = post_form(f, "/n/N-2026-D07/comments", "opinion=" + form_escape("建议补助向独居老人倾斜") + "&contact=");
  CHECK(sent.status == 201);
  CHECK_THAT(sent.body, Catch::Contains("您的意见已收到"));
  const auto at = sent.body.find("id=\"receipt\">");
  REQUIRE(at != std::string::npos);
  const std::string receipt = sent.body.substr(at + 13, 8);

  SECTION("a refused opinion comes back in the form with the reason") {
    const std::string long_text = repeat("太长了", 700);  // 2,100 characters
    const auto refused = post_form(f, "/n/N-2026-D07/comments", "opinion=" + form_escape(long_text) + "&contact=" + form_escape("电话 0531-1234"));
    CHECK(refused.status == 400);
    CHECK_THAT(refused.body, Catch::Contains("意见超过了 2000 字"));
    CHECK_THAT(refused.body, Catch::Contains(long_text));
    CHECK_THAT(refused.body, Catch::Contains("value=\"电话 0531-1234\""));
  }
  SECTION("a closed draft, a policy, an unknown id, a broken form, a flood of bytes") {
    const auto closed = post_form(f, "/n/N-2026-D05/comments", "opinion=x");
    CHECK(closed.status == 409);
    CHECK_THAT(closed.body, Catch::Contains("现在不在征求意见时间内"));
    CHECK_THAT(closed.body, Catch::Contains("意见采纳情况"));  // the closed draft shows its adoption report
    CHECK(f.api.handle({"GET", "/n/N-2026-D05", {}, ""}).body.find("<form") == std::string::npos);
    CHECK(post_form(f, "/n/N-2023-001/comments", "opinion=x").status == 409);
    CHECK(f.api.handle({"GET", "/n/N-2099-X", {}, ""}).status == 404);
    CHECK_THAT(f.api.handle({"GET", "/n/N-2099-X", {}, ""}).body, Catch::Contains("没有找到这条公开信息"));
    CHECK(post_form(f, "/n/N-2026-D07/comments", "opinion=%E4%B8").status == 400);  // half a character
    CHECK(post_form(f, "/n/N-2026-D07/comments", "opinion=%zz").status == 400);
    CHECK(post_form(f, "/n/N-2026-D07/comments", "opinion=" + std::string(40000, 'a')).status == 413);
    CHECK(f.api.handle({"DELETE", "/n/N-2026-D07", {}, ""}).status == 405);
  }
  SECTION("English on request, and the policy links to its 解读") {
    const auto en = f.api.handle({"GET", "/n/N-2026-D07", {{"Accept-Language", "en-GB,en;q=0.8"}}, ""});
    CHECK_THAT(en.body, Catch::Contains("Subsidies for adding lifts"));
    CHECK_THAT(en.body, Catch::Contains("action=\"/n/N-2026-D07/comments?lang=en\""));
    const auto policy = f.api.handle({"GET", "/n/N-2023-001", {}, ""});
    CHECK_THAT(policy.body, Catch::Contains("href=\"/n/N-2023-001-JD\""));
    CHECK_THAT(f.api.handle({"GET", "/n/N-2023-001-JD", {}, ""}).body, Catch::Contains("href=\"/n/N-2023-001\""));
  }
  SECTION("administrators list and export the opinions, visitors cannot") {
    const auto list = f.call(f.bob, "GET", "/api/notices/N-2026-D07/comments");
    REQUIRE(list.status == 200);
    const Json j = Json::parse(list.body);
    CHECK(j["count"] == 1);
    CHECK(j["comments"][0]["receipt"] == receipt);
    CHECK(j["comments"][0]["source"] == "203.0.113.7");
    CHECK(f.call(f.alice, "GET", "/api/notices/N-2026-D07/comments").status == 200);  // the author, for the report
    CHECK(f.api.handle({"GET", "/api/notices/N-2026-D07/comments", {}, ""}).status == 401);
    CHECK(f.call(f.bob, "GET", "/api/notices/N-2099-X/comments").status == 404);
  }
}

TEST_CASE("the comment export as CSV opens in a spreadsheet", "[central][comments][api]") {
  CentralFixture f;
  publish_demo_notices(f);
  REQUIRE(f.store.add_comment("N-2026-D07", "两点意见：\n一、补助\"上不封顶\"，二、加快审批", "李, 电话", "203.0.113.7"));
  // A visitor's text that a spreadsheet would run as a formula stays text.
  REQUIRE(f.store.add_comment("N-2026-D07", "=HYPERLINK(\"http://example.com\",\"点此\")", "+86 139", "198.51.100.4"));
  central::ApiRequest req{"GET", "/api/notices/N-2026-D07/comments",
                          central::sign_admin_request(f.bob, "bob", "GET", "/api/notices/N-2026-D07/comments", "", f.clock.now()),
                          "", "format=csv"};
  const auto csv = f.api.handle(req);
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv.body.starts_with("\xEF\xBB\xBF回执码,收到时间,版本,意见,联系方式,来源\r\n"));
  CHECK_THAT(csv.body, Catch::Contains(",2026-11-28T16:00:00+08:00,1,\"两点意见：\n一、补助\"\"上不封顶\"\"，二、加快审批\",\"李, 电话\",203.0.113.7\r\n"));
  CHECK_THAT(csv.body, Catch::Contains(",1,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点此\"\")\",'+86 139,198.51.100.4\r\n"));
}

TEST_CASE("an adoption report never counts fewer opinions than the comment page received", "[central][comments]") {
  CentralFixture f;
  publish_demo_notices(f);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(f.store.add_comment("N-2026-D07", "意见" + std::to_string(i), "", "198.51.100." + std::to_string(i)));
  }
  const Json demo = Json::parse(demo_notices());
  Json report;
  for (const auto& n : demo["notices"]) {
    if (n["id"] == "N-2026-D07") report = n;
  }
  report["version"] = 2;
  report["format"] = "hallkiosk.notice/1";
  report["draft"]["adoption"] = {{"published", "2026-12-25"},
                                 {"received", 2},
                                 {"adopted", 1},
                                 {"summary", "共收到意见2条，采纳1条。"},
                                 {"not_adopted", {{{"opinion", "取消补助上限"}, {"reason", "超出街道财力。"}}}}};
  const auto refused = f.store.submit_notices("alice", report.dump());
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message, Catch::Contains("$.draft.adoption.received: 2 is fewer than the 3 opinion(s)"));
  report["draft"]["adoption"]["received"] = 9;  // 3 by phone, 6 by letter
  report["draft"]["adoption"]["summary"] = "共收到意见9条（手机3条、信函6条），采纳1条。";
  const auto taken = f.store.submit_notices("alice", report.dump());
  INFO((taken ? "" : taken.error().message));
  CHECK(taken);
}

TEST_CASE("the public page names the published guides a notice links to", "[central][comments][api]") {
  CentralFixture f;
  f.publish_guide(hall::test::valid_guide("G-1"));
  const Json demo = Json::parse(demo_notices());
  Json notice;
  for (const auto& n : demo["notices"]) {
    if (n["id"] == "N-2026-A03") notice = n;
  }
  notice["format"] = "hallkiosk.notice/1";
  notice["guides"] = {"G-1", "G-404"};
  auto drafts = f.store.submit_notices("alice", notice.dump());
  REQUIRE(drafts);
  REQUIRE(f.store.review_notice("bob", drafts->front().id, {true, "", "无涉密内容", {}}));
  REQUIRE(f.store.publish("carol", {}));
  const auto page = f.api.handle({"GET", "/n/N-2026-A03", {}, ""});
  REQUIRE(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("<p id=\"guides\">相关办事事项：高龄津贴申领</p>"));
}

TEST_CASE("a CSV field is quoted when it must be and never starts a formula", "[csv]") {
  CHECK(csv::field("回执码") == "回执码");
  CHECK(csv::field("a,b") == "\"a,b\"");
  CHECK(csv::field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv::field("two\nlines") == "\"two\nlines\"");
  CHECK(csv::field("=1+2") == "'=1+2");
  CHECK(csv::field("-3") == "'-3");
  CHECK(csv::field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv::field("\tx") == "'\tx");
  CHECK(csv::field("1-2") == "1-2");  // only the first character counts
  CHECK(csv::field("") == "");
  CHECK(csv::row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("a form body decodes as typed, or is refused", "[http][form]") {
  auto f = http::parse_form("opinion=%E6%84%8F%E8%A7%81+one&contact=&empty&a=1&a=2");
  REQUIRE(f);
  CHECK(http::form_value(*f, "opinion") == "意见 one");
  CHECK(http::form_value(*f, "contact") == "");
  CHECK(http::form_value(*f, "empty") == "");
  CHECK(http::form_value(*f, "a") == "1");
  CHECK_FALSE(http::form_value(*f, "missing"));
  CHECK(http::parse_form("")->empty());
  CHECK_FALSE(http::parse_form("a=%4"));
  CHECK_FALSE(http::parse_form("a=%G0"));
  CHECK_FALSE(http::parse_form("a=%FF"));      // not UTF-8
  CHECK_FALSE(http::parse_form("a=%C0%AF"));   // an overlong form
}

}  // namespace notice_comments_test
