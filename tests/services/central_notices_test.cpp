// SPDX-License-Identifier: Apache-2.0
// 政务公开 notices through the central store: submit with the 去标识化 scan, one review that decides
// every hit, publish into the signed manifest with the working-day calendar.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "central_fixture.h"
#include "common/sha256.h"
#include "sync/signed_envelope.h"
#include "support/demo_hall.h"

namespace central_notices_test {

using namespace hall;
using hall::test::CentralFixture;
using Json = nlohmann::ordered_json;

Json announcement(const std::string& id, int version, const std::string& text) {
  return {{"id", id},
          {"version", version},
          {"kind", "announcement"},
          {"title", "关于调整社区便民服务点办公时间的通知"},
          {"issuer", {{"name", "安居街道办事处"}}},
          {"date", "2026-11-20"},
          {"disclosure", "active"},
          {"category", "service"},
          {"domain", "政务服务"},
          {"body", Json::array({{{"type", "paragraph"}, {"text", text}}})}};
}

std::string file_of(const Json& notice) {
  Json j = {{"format", "hallkiosk.notice/1"}};
  for (const auto& [k, v] : notice.items()) j[k] = v;
  return j.dump();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The signed manifest payload as published now.
Json manifest_payload(CentralFixture& f) {
  const std::string envelope = read_file(f.data() + "/publish/manifest.json");
  const Json j = Json::parse(envelope);
  return Json::parse(j.at("signed").get<std::string>());
}

central::NoticeReviewDecision approve_masking(const central::NoticeDraft& d) {
  central::NoticeReviewDecision decision{true, "", "无涉密内容，去标识化已处理", {}};
  for (const auto& h : d.hits) decision.decisions.push_back({h, {notices::ReviewAction::mask, ""}});
  return decision;
}

TEST_CASE("a proposal reply is published with its deputy masked and without the list of deputies",
          "[central][notices]") {
  CentralFixture f;
  const std::string draft_file = read_file(hall::test::demo + "/notice-drafts/proposal-reply.json");
  auto drafts = f.store.submit_notices("alice", draft_file);
  INFO((drafts ? std::string() : drafts.error().message));
  REQUIRE(drafts);
  REQUIRE(drafts->size() == 1);
  const auto d = drafts->front();
  CHECK(d.state == central::DraftState::pending);
  CHECK(d.kind == "proposal_reply");
  REQUIRE(d.hits.size() == 2);
  for (const auto& h : d.hits) CHECK(h.mask == "张**");

  SECTION("the author may not review it") {
    auto r = f.store.review_notice("dave", d.id, approve_masking(d));
    REQUIRE(r);  // dave did not write it
    auto own = f.store.submit_notices("dave", file_of(announcement("N-X", 1, "无个人信息。")));
    REQUIRE(own);
    auto refused = f.store.review_notice("dave", own->front().id, {true, "", "无涉密内容", {}});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("may not review it"));
  }
  SECTION("approving without deciding each hit is refused, naming them") {
    auto refused = f.store.review_notice("bob", d.id, {true, "", "无涉密内容", {}});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("no decision"));
    CHECK(f.store.notice_draft(d.id)->state == central::DraftState::pending);
    auto kept_without_reason = approve_masking(d);
    kept_without_reason.decisions[0].decision = {notices::ReviewAction::keep, ""};
    auto again = f.store.review_notice("bob", d.id, kept_without_reason);
    REQUIRE_FALSE(again);
    CHECK_THAT(again.error().message, Catch::Contains("kept without a reason"));
  }
  SECTION("masked, reviewed once, published: the store offers the masks and records each decision") {
    auto reviewed = f.store.review_notice("bob", d.id, approve_masking(d));
    INFO((reviewed ? std::string() : reviewed.error().message));
    REQUIRE(reviewed);
    CHECK(reviewed->state == central::DraftState::approved);
    REQUIRE(reviewed->decisions.size() == 2);
    CHECK(reviewed->decisions[0].hit.found == "张建国");
    CHECK(reviewed->confidentiality_note == "无涉密内容，去标识化已处理");
    CHECK_FALSE(f.store.review_notice("bob", d.id, approve_masking(d)));  // 一事一审

    auto report = f.store.publish("carol", {});
    INFO((report ? std::string() : report.error().message));
    REQUIRE(report);
    CHECK(report->notices == std::vector<std::string>{"N-2026-R12@1"});
    auto published = f.store.published_notice("N-2026-R12");
    REQUIRE(published);
    REQUIRE(*published);
    const std::string& body = (*published)->body;
    CHECK(body.find("张建国") == std::string::npos);
    CHECK(body.find("13805371234") == std::string::npos);
    CHECK(body.find("representatives") == std::string::npos);
    CHECK(body.find("张**") != std::string::npos);
    CHECK(sha256_hex(body) == (*published)->hash);
    CHECK(read_file(f.data() + "/publish/objects/" + (*published)->hash + ".json") == body);
    CHECK(f.store.notice_draft(d.id)->state == central::DraftState::published);

    const Json payload = manifest_payload(f);
    REQUIRE(payload.contains("notices"));
    const std::string index_hash = payload["notices"]["hash"].get<std::string>();
    const std::string index = read_file(f.data() + "/publish/bins/" + index_hash + ".json");
    CHECK(sha256_hex(index) == index_hash);
    CHECK(index.size() == payload["notices"]["length"].get<std::size_t>());
    const Json entries = Json::parse(index).at("notices");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0]["id"] == "N-2026-R12");
    CHECK(entries[0]["hash"] == (*published)->hash);
  }
}

TEST_CASE("a kept hit needs its reason and is published as it was", "[central][notices]") {
  CentralFixture f;
  auto drafts = f.store.submit_notices("alice", file_of(announcement("N-PHONE", 1, "咨询电话：13905370000（街道便民服务中心值班手机）。")));
  REQUIRE(drafts);
  const auto d = drafts->front();
  REQUIRE(d.hits.size() == 1);
  CHECK(d.hits[0].kind == notices::HitKind::mobile);
  central::NoticeReviewDecision keep{true, "", "无涉密内容", {{d.hits[0], {notices::ReviewAction::keep, "街道值班手机，对外公开"}}}};
  REQUIRE(f.store.review_notice("bob", d.id, keep));
  REQUIRE(f.store.publish("carol", {}));
  auto published = f.store.published_notice("N-PHONE");
  REQUIRE(published);
  REQUIRE(*published);
  CHECK((*published)->body.find("13905370000") != std::string::npos);
  const auto reviewed = f.store.notice_draft(d.id);
  REQUIRE(reviewed);
  REQUIRE(reviewed->decisions.size() == 1);
  CHECK(reviewed->decisions[0].decision.reason == "街道值班手机，对外公开");
}

TEST_CASE("a notice that is not 主动公开 is reviewed but never published", "[central][notices]") {
  CentralFixture f;
  Json n = announcement("N-REQ", 1, "内部工作安排。");
  n["disclosure"] = "on_request";
  n["disclosure_reason"] = "涉及内部管理事项，依申请公开（条例第十六条）";
  auto drafts = f.store.submit_notices("alice", file_of(n));
  INFO((drafts ? std::string() : drafts.error().message));
  REQUIRE(drafts);
  REQUIRE(f.store.review_notice("bob", drafts->front().id, {true, "", "无涉密内容", {}}));
  auto nothing = f.store.publish("carol", {});
  REQUIRE_FALSE(nothing);
  CHECK_THAT(nothing.error().message, Catch::Contains("nothing to publish"));
  central::PublishRequest named;
  named.notice_drafts = {drafts->front().id};
  auto refused = f.store.publish("carol", named);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message, Catch::Contains("not 主动公开"));
  CHECK_FALSE(*f.store.published_notice("N-REQ"));
}

TEST_CASE("notice versions: not above the published one is refused, and a later one in effect tomorrow keeps today",
          "[central][notices]") {
  CentralFixture f;  // the fixture's clock: 2026-11-28 16:00 in the hall's zone
  auto v1 = f.store.submit_notices("alice", file_of(announcement("N-1", 1, "第一版。")));
  REQUIRE(v1);
  REQUIRE(f.store.review_notice("bob", v1->front().id, {true, "", "无涉密内容", {}}));
  REQUIRE(f.store.publish("carol", {}));
  auto again = f.store.submit_notices("alice", file_of(announcement("N-1", 1, "改了但没升版本。")));
  REQUIRE_FALSE(again);
  CHECK_THAT(again.error().message, Catch::Contains("not above the published version 1"));

  Json later = announcement("N-1", 2, "第二版，下月起施行。");
  later["effective_from"] = "2026-12-01";
  auto v2 = f.store.submit_notices("alice", file_of(later));
  REQUIRE(v2);
  REQUIRE(f.store.review_notice("bob", v2->front().id, {true, "", "无涉密内容", {}}));
  auto report = f.store.publish("carol", {});
  REQUIRE(report);
  CHECK(report->notices == std::vector<std::string>{"N-1@2"});
  const Json payload = manifest_payload(f);
  const Json index = Json::parse(read_file(f.data() + "/publish/bins/" + payload["notices"]["hash"].get<std::string>() + ".json"));
  REQUIRE(index["notices"].size() == 2);  // v2 (from 1 December) and v1, in effect until then
  CHECK(index["notices"][0]["version"] == 2);
  CHECK(index["notices"][1]["version"] == 1);
  CHECK((*f.store.published_notice("N-1"))->version == 2);
}

TEST_CASE("the working-day calendar is published with the next publish, and alone when only it changed",
          "[central][notices][workdays]") {
  CentralFixture f;
  const std::string calendar = read_file(hall::test::demo + "/workdays.json");
  REQUIRE(f.store.import_workdays(calendar, "operator"));
  auto report = f.store.publish("carol", {});
  INFO((report ? std::string() : report.error().message));
  REQUIRE(report);
  CHECK(report->workdays_changed);
  CHECK(report->guides.empty());
  const Json payload = manifest_payload(f);
  REQUIRE(payload.contains("workdays"));
  const std::string hash = payload["workdays"]["hash"].get<std::string>();
  CHECK(read_file(f.data() + "/publish/objects/" + hash + ".json") == calendar);
  CHECK_FALSE(payload.contains("notices"));  // none published yet

  auto nothing = f.store.publish("carol", {});
  REQUIRE_FALSE(nothing);
  CHECK_THAT(nothing.error().message, Catch::Contains("calendar is unchanged"));
}

TEST_CASE("the notice API: submit, list with hits, review by hit number, publish by notice draft", "[central][notices][api]") {
  CentralFixture f;
  const std::string draft_file = read_file(hall::test::demo + "/notice-drafts/proposal-reply.json");
  auto submitted = f.call(f.alice, "POST", "/api/notice-drafts", draft_file);
  REQUIRE(submitted.status == 201);
  const Json drafts = Json::parse(submitted.body).at("notice_drafts");
  const auto id = drafts[0]["id"].get<std::int64_t>();
  CHECK(drafts[0]["hits"].size() == 2);
  CHECK(drafts[0]["hits"][0]["kind_zh"] == "代表委员姓名");

  CHECK(f.call(f.alice, "POST", "/api/notice-drafts/" + std::to_string(id) + "/review",
               R"({"conclusion": "approve", "note": "无涉密内容", "mask_all": true})")
            .status == 403);  // alice is an author, not a reviewer
  const auto bad_hit = f.call(f.bob, "POST", "/api/notice-drafts/" + std::to_string(id) + "/review",
                              R"({"conclusion": "approve", "note": "无涉密内容", "decisions": [{"hit": 3, "action": "mask"}]})");
  CHECK(bad_hit.status == 400);
  CHECK_THAT(bad_hit.body, Catch::Contains("hit 3 is not one of the draft's 2"));
  const auto half = f.call(f.bob, "POST", "/api/notice-drafts/" + std::to_string(id) + "/review",
                           R"({"conclusion": "approve", "note": "无涉密内容", "decisions": [{"hit": 1, "action": "mask"}]})");
  CHECK(half.status == 400);
  CHECK_THAT(half.body, Catch::Contains("no decision"));
  const auto ok = f.call(f.bob, "POST", "/api/notice-drafts/" + std::to_string(id) + "/review",
                         R"({"conclusion": "approve", "note": "无涉密内容", "mask_all": true})");
  REQUIRE(ok.status == 200);
  CHECK(Json::parse(ok.body)["notice_draft"]["review"]["decisions"].size() == 2);

  const auto published = f.call(f.carol, "POST", "/api/publish", R"({"notice_drafts": [)" + std::to_string(id) + "]}");
  REQUIRE(published.status == 200);
  CHECK(Json::parse(published.body)["notices"] == Json::array({"N-2026-R12@1"}));
  const auto listed = f.call(f.bob, "GET", "/api/notice-drafts");
  REQUIRE(listed.status == 200);
  CHECK(Json::parse(listed.body)["notice_drafts"][0]["state"] == "published");
}

}  // namespace central_notices_test
