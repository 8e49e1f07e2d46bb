// SPDX-License-Identifier: Apache-2.0
// The central store's request handlers, without sockets: the review workflow and admin
// authentication as a table of named rules, each asserting the exact refusal, that nothing was
// published, and that the refusal is in the audit log.
#include <sys/resource.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>

#include "services/central_fixture.h"

using namespace hall;
using namespace hall::central;
using hall::test::CentralFixture;
using hall::test::valid_guide;
using OrderedJson = nlohmann::ordered_json;

namespace {

std::string guide_v(int version) { return CentralFixture::guide_file(valid_guide("G-1", "高龄津贴申领", version)); }

std::int64_t submit_one(CentralFixture& f, const std::string& author, const std::string& file) {
  const auto res = f.call(author == "dave" ? f.dave : f.alice, "POST", "/api/drafts", file);
  REQUIRE(res.status == 201);
  return OrderedJson::parse(res.body)["drafts"][0]["id"].get<std::int64_t>();
}

std::string review_path(std::int64_t id) { return "/api/drafts/" + std::to_string(id) + "/review"; }
const std::string approve = R"({"conclusion": "approve", "note": "无涉密内容"})";

struct Rule {
  const char* name;
  std::function<ApiResponse(CentralFixture&)> act;
  int status;
  const char* says;
  std::int64_t version_after = 0;  // what the rule's own setup published; the refusal adds nothing
  const char* counted = nullptr;   // an unauthenticated refusal: counted under this reason, not audited
};

// An authenticated refusal is the newest audit entry; an unauthenticated one is counted in its
// minute under its source and reason, and adds no audit entry.
void check_recorded(CentralFixture& f, const Rule& rule) {
  auto log = f.store.audit_log();
  REQUIRE(log);
  REQUIRE_FALSE(log->empty());
  if (rule.counted) {
    CHECK(log->front().outcome != "refused");
    auto counts = f.store.refusal_counts();
    REQUIRE(counts);
    REQUIRE(counts->size() == 1);
    CHECK(counts->front().reason == rule.counted);
    CHECK(counts->front().source == "(unknown)");
    CHECK(counts->front().count == 1);
    return;
  }
  CHECK(log->front().outcome == "refused");
  CHECK_THAT(log->front().detail, Catch::Contains(rule.says));
}

const Rule rules[] = {
    {"an unsigned admin request is refused",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/drafts", {}, guide_v(1)});
     },
     401, "unsigned request", 0, "unsigned"},
    {"a bad signature is refused",
     [](CentralFixture& f) {
       ApiRequest req{"POST", "/api/drafts",
                      sign_admin_request(f.alice, "alice", "POST", "/api/drafts", guide_v(1), f.clock.now()), guide_v(2)};
       return f.api.handle(req);
     },
     401, "bad signature for administrator alice", 0, "bad_signature"},
    {"a request signed with another admin's key is refused",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/drafts",
                            sign_admin_request(f.bob, "alice", "POST", "/api/drafts", guide_v(1), f.clock.now()),
                            guide_v(1)});
     },
     401, "bad signature", 0, "bad_signature"},
    {"an unknown admin is refused",
     [](CentralFixture& f) {
       const KeyPair mallory = CentralFixture::with_id(generate_key_pair(), "mallory");
       return f.call(mallory, "POST", "/api/drafts", guide_v(1));
     },
     401, "unknown administrator \"mallory\"", 0, "unknown_admin"},
    {"a stale timestamp is refused",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/drafts",
                            sign_admin_request(f.alice, "alice", "POST", "/api/drafts", guide_v(1),
                                               f.clock.now() - std::chrono::seconds(301)),
                            guide_v(1)});
     },
     401, "stale request", 0, "stale"},
    {"a replayed request is refused",
     [](CentralFixture& f) {
       const ApiRequest req{"POST", "/api/drafts",
                            sign_admin_request(f.alice, "alice", "POST", "/api/drafts", guide_v(1), f.clock.now()),
                            guide_v(1)};
       REQUIRE(f.api.handle(req).status == 201);
       return f.api.handle(req);
     },
     401, "replayed request", 0, "replayed"},
    {"an author approving their own change is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "dave", guide_v(1));
       return f.call(f.dave, "POST", review_path(id), approve);
     },
     409, "dave wrote it and may not review it"},
    {"a review by an admin without the reviewer role is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "dave", guide_v(1));
       return f.call(f.alice, "POST", review_path(id), approve);
     },
     403, "does not hold the reviewer role"},
    {"a second review of the same draft is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "alice", guide_v(1));
       REQUIRE(f.call(f.bob, "POST", review_path(id), approve).status == 200);
       f.clock.advance(std::chrono::seconds(1));
       return f.call(f.dave, "POST", review_path(id), R"({"conclusion": "reject", "reason": "x", "note": "y"})");
     },
     409, "already reviewed by bob"},
    {"a review without the confidentiality note is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "alice", guide_v(1));
       return f.call(f.bob, "POST", review_path(id), R"({"conclusion": "approve"})");
     },
     400, "保密审查记录"},
    {"publish without approval is refused",
     [](CentralFixture& f) {
       submit_one(f, "alice", guide_v(1));
       return f.call(f.carol, "POST", "/api/publish", "{}");
     },
     409, "no draft is approved"},
    {"publishing a named draft that is still pending is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "alice", guide_v(1));
       return f.call(f.carol, "POST", "/api/publish", R"({"drafts": [)" + std::to_string(id) + "]}");
     },
     409, "is pending, not approved"},
    {"publish by an admin without the publisher role is refused",
     [](CentralFixture& f) {
       const auto id = submit_one(f, "alice", guide_v(1));
       REQUIRE(f.call(f.bob, "POST", review_path(id), approve).status == 200);
       return f.call(f.bob, "POST", "/api/publish", "{}");
     },
     403, "does not hold the publisher role"},
    {"a version not above the published one is refused at submit",
     [](CentralFixture& f) {
       f.publish_guide(valid_guide("G-9", "x", 3));
       return f.call(f.alice, "POST", "/api/drafts", CentralFixture::guide_file(valid_guide("G-9", "x", 3)));
     },
     409, "version 3 is not above the published version 3", 1},
    {"a draft overtaken by a higher published version is refused at publish",
     [](CentralFixture& f) {
       const auto low = submit_one(f, "alice", guide_v(2));
       const auto high = submit_one(f, "alice", guide_v(3));
       REQUIRE(f.call(f.bob, "POST", review_path(high), approve).status == 200);
       REQUIRE(f.call(f.carol, "POST", "/api/publish", "{}").status == 200);
       f.clock.advance(std::chrono::seconds(1));
       REQUIRE(f.call(f.bob, "POST", review_path(low), approve).status == 200);
       return f.call(f.carol, "POST", "/api/publish", "{}");
     },
     409, "version 2 is not above the published version 3", 1},
    {"an invalid guide is refused with its path",
     [](CentralFixture& f) {
       OrderedJson g = valid_guide("G-1");
       g.erase("contact_phone");
       return f.call(f.alice, "POST", "/api/drafts", CentralFixture::guide_file(g));
     },
     400, "guide G-1: $.contact_phone"},
};

}  // namespace

TEST_CASE("the review workflow and admin authentication refuse what they must", "[central][api]") {
  for (const auto& rule : rules) {
    DYNAMIC_SECTION(rule.name) {
      CentralFixture f;
      const auto res = rule.act(f);
      INFO(res.body);
      CHECK(res.status == rule.status);
      CHECK_THAT(OrderedJson::parse(res.body)["error"].get<std::string>(), Catch::Contains(rule.says));
      check_recorded(f, rule);
      CHECK(f.store.catalogue_version().value_or(-1) == rule.version_after);  // the refusal published nothing
    }
  }
}

TEST_CASE("submit, review and publish through the handlers, and the author sees a rejection's reason", "[central][api]") {
  CentralFixture f;
  const auto first = submit_one(f, "alice", guide_v(1));
  const auto rejected = f.call(f.bob, "POST", review_path(first),
                               R"({"conclusion": "reject", "reason": "办理时限与法定时限不符", "note": "无涉密内容"})");
  REQUIRE(rejected.status == 200);
  f.clock.advance(std::chrono::seconds(1));
  const auto list = f.call(f.alice, "GET", "/api/drafts");
  REQUIRE(list.status == 200);
  const OrderedJson drafts = OrderedJson::parse(list.body)["drafts"];
  REQUIRE(drafts.size() == 1);
  CHECK(drafts[0]["state"] == "rejected");
  CHECK(drafts[0]["review"]["reason"] == "办理时限与法定时限不符");
  CHECK(drafts[0]["review"]["reviewer"] == "bob");
  CHECK(drafts[0]["review"]["confidentiality_note"] == "无涉密内容");

  const auto second = submit_one(f, "alice", guide_v(1));
  REQUIRE(f.call(f.bob, "POST", review_path(second), approve).status == 200);
  const auto published = f.call(f.carol, "POST", "/api/publish", R"({"effective_from": null})");
  REQUIRE(published.status == 200);
  CHECK(OrderedJson::parse(published.body)["catalogue_version"] == 1);
  CHECK(OrderedJson::parse(published.body)["guides"] == OrderedJson::array({"G-1@1"}));

  const auto beat = f.beat(CentralFixture::heartbeat_body("hall-1"));
  REQUIRE(beat.status == 200);
  CHECK(OrderedJson::parse(beat.body)["latest_catalogue_version"] == 1);
  const auto status = f.call(f.carol, "GET", "/api/kiosks");
  REQUIRE(status.status == 200);
  CHECK(OrderedJson::parse(status.body)["kiosks"][0]["behind"] == true);

  const auto audit = f.call(f.carol, "GET", "/api/audit");
  REQUIRE(audit.status == 200);
  INFO(audit.body);
  std::vector<std::string> actions;
  const OrderedJson log = OrderedJson::parse(audit.body);
  for (const auto& e : log["audit"]) actions.push_back(e["actor"].get<std::string>() + " " + e["action"].get<std::string>());
  CHECK(actions == std::vector<std::string>{"carol publish", "bob review", "alice submit", "bob review", "alice submit",
                                            "operator enrol-kiosk", "operator add-admin", "operator add-admin",
                                            "operator add-admin", "operator add-admin", "operator init"});
}

TEST_CASE("an unsigned request is counted by source and a GET needs a signature too", "[central][api]") {
  CentralFixture f;
  ApiRequest req{"GET", "/api/audit", {}, ""};
  req.remote_addr = "203.0.113.9";
  CHECK(f.api.handle(req).status == 401);
  auto counts = f.store.refusal_counts();
  REQUIRE(counts);
  REQUIRE(counts->size() == 1);
  CHECK(counts->front().source == "203.0.113.9");
  CHECK(counts->front().reason == "unsigned");
  CHECK(f.call(f.alice, "GET", "/api/nothing").status == 404);
}

TEST_CASE("audit flooding: 600 junk requests never push a publish out of view, and the log pages through all",
          "[central][api][audit]") {
  CentralFixture f;
  f.publish_guide(valid_guide("G-7", "x"));
  for (int i = 0; i < 600; ++i) {
    ApiRequest junk{"POST", "/api/drafts", {{"X-Hall-Admin", "alice"}}, "{}"};
    junk.remote_addr = i % 2 ? "198.51.100.1" : "198.51.100.2";
    REQUIRE(f.api.handle(junk).status == 401);
    if (i == 299) f.clock.advance(std::chrono::seconds(60));  // a second minute
  }
  const auto first = f.call(f.carol, "GET", "/api/audit");
  REQUIRE(first.status == 200);
  const OrderedJson page = OrderedJson::parse(first.body);
  CHECK(page["audit"][0]["action"] == "publish");  // the newest entry is still the administrator's
  // 600 refusals: four aggregate rows (two sources, two minutes), newest minute first.
  const OrderedJson refused = page["unauthenticated_refusals"];
  REQUIRE(refused.size() == 4);
  std::int64_t total = 0;
  for (const auto& r : refused) {
    CHECK(r["reason"] == "unsigned");
    total += r["count"].get<std::int64_t>();
  }
  CHECK(total == 600);
  CHECK(refused[0]["minute"] == "2026-11-28T08:01:00Z");

  // The cursor in the path (signed): the next page starts below the last entry shown.
  const auto all_first = f.call(f.carol, "GET", "/api/audit");
  const OrderedJson full = OrderedJson::parse(all_first.body);
  CHECK(full["next"].is_null());  // fewer than 500 entries: one page
  const auto tail = f.call(f.carol, "GET", "/api/audit/before/3");
  REQUIRE(tail.status == 200);
  CHECK(OrderedJson::parse(tail.body)["audit"].size() == 2);  // entries 2 and 1

  // Every entry, two at a time, newest first, each once.
  auto all = f.store.audit_log(100000);
  REQUIRE(all);
  std::vector<std::int64_t> seen;
  std::string before;
  for (int pages = 0; pages < 100; ++pages) {
    const std::string path = before.empty() ? "/api/audit" : "/api/audit/before/" + before;
    ApiRequest req{"GET", path, sign_admin_request(f.carol, "carol", "GET", path, "", f.clock.now()), ""};
    req.query = "limit=2";
    const auto res = f.api.handle(req);
    REQUIRE(res.status == 200);
    const OrderedJson p = OrderedJson::parse(res.body);
    CHECK(p["audit"].size() <= 2);
    for (const auto& e : p["audit"]) seen.push_back(e["seq"].get<std::int64_t>());
    if (p["next_before"].is_null()) break;
    before = std::to_string(p["next_before"].get<std::int64_t>());
  }
  std::vector<std::int64_t> expected;
  for (const auto& e : *all) expected.push_back(e.seq);
  CHECK(seen == expected);
}

namespace {

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

const std::string nesting_bomb(8u << 20, '[');

// Bodies are bounded per endpoint and pass the JSON guard before anything is built.
const Rule body_rules[] = {
    {"an 8 MiB nesting bomb as a heartbeat is refused by its size before it is parsed",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/heartbeat", {}, nesting_bomb});
     },
     413, "more than the limit of 4096 for this endpoint", 0, "body_too_large"},
    {"a heartbeat nested deeper than a flat object is refused before it is built",
     [](CentralFixture& f) { return f.beat(std::string(1000, '[')); }, 400, "nested deeper than 2 levels"},
    {"a signed 8 MiB nesting bomb as a submitted catalogue is refused before it is built",
     [](CentralFixture& f) { return f.call(f.alice, "POST", "/api/drafts", nesting_bomb); }, 400,
     "nested deeper than 32 levels"},
    {"an unsigned 8 MiB nesting bomb to /api/drafts is refused as unsigned, never parsed",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/drafts", {}, nesting_bomb});
     },
     401, "unsigned request", 0, "unsigned"},
    {"a signed review over its 64 KiB limit is refused by its size",
     [](CentralFixture& f) { return f.call(f.bob, "POST", "/api/drafts/1/review", std::string(65u << 10, ' ')); }, 413,
     "more than the limit of 65536 for this endpoint", 0, "body_too_large"},
    {"a signed publish nested deeper than its shape is refused before it is built",
     [](CentralFixture& f) { return f.call(f.carol, "POST", "/api/publish", R"({"drafts": [[[1]]]})"); }, 400,
     "nested deeper than 3 levels"},
};

}  // namespace

TEST_CASE("central API bodies are bounded per endpoint and parsed through the JSON guard", "[central][api][bomb]") {
  for (const auto& rule : body_rules) {
    DYNAMIC_SECTION(rule.name) {
      CentralFixture f;
      const long rss_before = peak_rss_kib();
      const auto start = std::chrono::steady_clock::now();
      const auto res = rule.act(f);
      const auto took = std::chrono::steady_clock::now() - start;
      INFO(res.body.substr(0, 400));
      CHECK(res.status == rule.status);
      CHECK_THAT(OrderedJson::parse(res.body)["error"].get<std::string>(), Catch::Contains(rule.says));
      CHECK(took < std::chrono::seconds(1));
      CHECK(peak_rss_kib() - rss_before < 64 * 1024);  // was 640 MB for 8 MiB
      check_recorded(f, rule);
      auto kiosks = f.store.kiosks();
      REQUIRE(kiosks);
      CHECK(kiosks->empty());  // no heartbeat was recorded
      CHECK(f.store.catalogue_version().value_or(-1) == 0);
    }
  }
}

namespace {

// Heartbeats come from enrolled kiosks, signed with their own key; anything else is refused,
// counted by reason and never shown as a kiosk.
struct BeatRule {
  const char* name;
  std::function<ApiResponse(CentralFixture&)> act;
  const char* reason;  // the refused_heartbeats counter it raises
  const char* says;
};

const BeatRule beat_rules[] = {
    {"an unsigned heartbeat is refused",
     [](CentralFixture& f) {
       return f.api.handle({"POST", "/api/heartbeat", {}, CentralFixture::heartbeat_body("hall-1", 9)});
     },
     "unsigned", "unsigned heartbeat"},
    {"a made-up kiosk is refused, however well it signs",
     [](CentralFixture& f) {
       const KeyPair ghost = CentralFixture::with_id(generate_key_pair(), "ghost-7");
       return f.beat(CentralFixture::heartbeat_body("ghost-7", 9), &ghost);
     },
     "unknown_kiosk", "kiosk \"ghost-7\" is not enrolled"},
    {"an enrolled kiosk's name with another key is refused",
     [](CentralFixture& f) {
       const KeyPair forger = generate_key_pair();
       return f.beat(CentralFixture::heartbeat_body("hall-1", 9), &forger, "hall-1");
     },
     "bad_signature", "bad signature for kiosk hall-1"},
    {"a heartbeat signed long ago is refused",
     [](CentralFixture& f) {
       const std::string body = CentralFixture::heartbeat_body("hall-1", 9);
       return f.api.handle({"POST", "/api/heartbeat",
                            sign_heartbeat(f.kiosk, "hall-1", body, f.clock.now() - std::chrono::seconds(301)), body});
     },
     "stale", "stale heartbeat from hall-1"},
    {"a replayed heartbeat is refused",
     [](CentralFixture& f) {
       const std::string body = CentralFixture::heartbeat_body("hall-1", 9);
       const ApiRequest req{"POST", "/api/heartbeat", sign_heartbeat(f.kiosk, "hall-1", body, f.clock.now()), body};
       REQUIRE(f.api.handle(req).status == 200);
       REQUIRE(f.store.kiosks()->size() == 1);
       REQUIRE(f.store.kiosks()->front().last.catalogue_version == 9);
       f.clock.advance(std::chrono::seconds(1));
       return f.api.handle(req);
     },
     "replayed", "replayed heartbeat from hall-1"},
    {"an enrolled kiosk reporting for another kiosk is refused",
     [](CentralFixture& f) { return f.beat(CentralFixture::heartbeat_body("hall-2", 9)); }, "kiosk_mismatch",
     "signed by kiosk hall-1 reports for \"hall-2\""},
};

}  // namespace

TEST_CASE("forged heartbeats are refused, counted and never shown as a kiosk", "[central][api][heartbeat]") {
  for (const auto& rule : beat_rules) {
    DYNAMIC_SECTION(rule.name) {
      CentralFixture f;
      const auto audit_before = f.store.audit_log();
      REQUIRE(audit_before);
      const auto res = rule.act(f);
      INFO(res.body);
      CHECK(res.status == 401);
      CHECK_THAT(OrderedJson::parse(res.body)["error"].get<std::string>(), Catch::Contains(rule.says));
      const auto status = f.call(f.carol, "GET", "/api/kiosks");
      REQUIRE(status.status == 200);
      const OrderedJson j = OrderedJson::parse(status.body);
      CHECK(j["refused_heartbeats"][rule.reason] == 1);
      CHECK(j["refused_heartbeats"].size() == 1);
      // Nothing forged is shown: no kiosk, or only the genuine one's earlier report.
      for (const auto& k : j["kiosks"]) {
        CHECK(k["kiosk_id"] == "hall-1");
        CHECK(k["catalogue_version"] == 9);
      }
      if (std::string(rule.reason) != "replayed") CHECK(j["kiosks"].empty());
      auto audit_after = f.store.audit_log();
      REQUIRE(audit_after);
      CHECK(audit_after->size() == audit_before->size());  // counted, not audited one by one
    }
  }
}

TEST_CASE("an enrolled kiosk's signed heartbeat is shown", "[central][api][heartbeat]") {
  CentralFixture f;
  const auto res = f.beat(CentralFixture::heartbeat_body("hall-1", 0));
  REQUIRE(res.status == 200);
  const OrderedJson j = OrderedJson::parse(f.call(f.carol, "GET", "/api/kiosks").body);
  REQUIRE(j["kiosks"].size() == 1);
  CHECK(j["kiosks"][0]["kiosk_id"] == "hall-1");
  CHECK(j["refused_heartbeats"].empty());
}
