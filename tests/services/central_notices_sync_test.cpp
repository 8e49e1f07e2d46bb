// SPDX-License-Identifier: Apache-2.0
// 政务公开 end to end: notices and the working-day calendar published by a real central store reach
// a hall's catalogue through the signed manifest; a tampered notice object changes nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalogue/catalogue_store.h"
#include "central_fixture.h"
#include "notices/calendar_store.h"
#include "notices/notice_store.h"
#include "support/demo_hall.h"
#include "sync/directory_fetcher.h"
#include "sync/syncer.h"

namespace central_notices_sync_test {

using namespace hall;
using Json = nlohmann::ordered_json;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Hall {
  test::CentralFixture central;
  test::TempDir dir;
  std::unique_ptr<catalogue::CatalogueStore> store;
  sync::DirectoryFetcher fetcher;
  std::unique_ptr<sync::Syncer> syncer;

  Hall() {
    auto s = catalogue::CatalogueStore::open(dir.file("catalogue.db"), central.clock);
    REQUIRE(s);
    store = std::make_unique<catalogue::CatalogueStore>(std::move(*s));
  }
  std::string publish_dir() const { return central.data() + "/publish"; }
  void pin() {
    REQUIRE(sync::pin_trusted_keys(store->database(), slurp(publish_dir() + "/keys/1.json"), "keys/1.json"));
    syncer = std::make_unique<sync::Syncer>(*store, fetcher, central.clock, sync::SyncOptions{"file://" + publish_dir()});
  }
  std::vector<std::string> notice_ids() {
    auto current = notices::NoticeStore(store->database(), central.clock).current(Date{std::chrono::year{2026} / 11 / 28});
    REQUIRE(current);
    std::vector<std::string> out;
    for (const auto& n : *current) out.push_back(n.id + "@" + std::to_string(n.version));
    std::sort(out.begin(), out.end());
    return out;
  }
  void publish_reviewed(const std::string& file) {
    auto drafts = central.store.submit_notices("alice", file);
    INFO((drafts ? std::string() : drafts.error().message));
    REQUIRE(drafts);
    for (const auto& d : *drafts) {
      central::NoticeReviewDecision decision{true, "", "无涉密内容", {}};
      for (const auto& h : d.hits) decision.decisions.push_back({h, {notices::ReviewAction::mask, ""}});
      REQUIRE(central.store.review_notice("bob", d.id, decision));
    }
    auto report = central.store.publish("carol", {});
    INFO((report ? std::string() : report.error().message));
    REQUIRE(report);
  }
};

TEST_CASE("notices and the calendar go from the central store's review to the hall by sync", "[sync][notices]") {
  Hall h;
  REQUIRE(h.central.store.import_workdays(slurp(test::demo + "/workdays.json"), "operator"));
  h.publish_reviewed(slurp(test::demo + "/notice-drafts/proposal-reply.json"));
  h.pin();
  auto report = h.syncer->sync_once();
  INFO((report ? std::string() : report.error().error.message));
  REQUIRE(report);
  CHECK(report->outcome == sync::SyncOutcome::applied);
  CHECK(report->notices_inserted == 1);
  CHECK(report->workdays_updated);
  CHECK(h.notice_ids() == std::vector<std::string>{"N-2026-R12@1"});
  auto calendar = notices::CalendarStore(h.store->database(), h.central.clock).load();
  REQUIRE(calendar);
  REQUIRE(*calendar);
  CHECK((*calendar)->knows(2026));
  // What the hall holds is the reviewed notice: the deputy masked, the list of deputies gone.
  auto st = h.store->database().prepare("SELECT body FROM notice_versions WHERE notice_id = 'N-2026-R12'");
  REQUIRE(st);
  REQUIRE(*st->step());
  CHECK(st->text(0).find("张建国") == std::string::npos);
  CHECK(st->text(0).find("representatives") == std::string::npos);

  SECTION("a second notice: only its object is fetched; the index is read again, the calendar is not") {
    Json n = {{"format", "hallkiosk.notice/1"}, {"id", "N-TZ"}, {"version", 1}, {"kind", "announcement"},
              {"title", "关于元旦假期便民服务中心安排的通知"}, {"issuer", {{"name", "安居街道办事处"}}},
              {"date", "2026-11-27"}, {"disclosure", "active"}, {"category", "service"}, {"domain", "政务服务"},
              {"body", Json::array({{{"type", "paragraph"}, {"text", "1月1日至3日休息，1月4日起正常办公。"}}})}};
    h.publish_reviewed(n.dump());
    auto second = h.syncer->sync_once();
    REQUIRE(second);
    CHECK(second->notices_inserted == 1);
    CHECK(second->notices_removed == 0);
    CHECK_FALSE(second->workdays_updated);
    CHECK(second->objects_fetched == 1);
    CHECK(h.notice_ids() == std::vector<std::string>{"N-2026-R12@1", "N-TZ@1"});
  }
}

TEST_CASE("a tampered notice object or notice index is refused and the hall keeps what it had", "[sync][notices]") {
  Hall h;
  h.publish_reviewed(slurp(test::demo + "/notice-drafts/proposal-reply.json"));
  h.pin();
  REQUIRE(h.syncer->sync_once());
  const auto before = h.notice_ids();

  Json n = {{"format", "hallkiosk.notice/1"}, {"id", "N-TAMPER"}, {"version", 1}, {"kind", "announcement"},
            {"title", "通知"}, {"issuer", {{"name", "安居街道办事处"}}}, {"date", "2026-11-27"},
            {"disclosure", "active"}, {"category", "service"}, {"domain", "政务服务"},
            {"body", Json::array({{{"type", "paragraph"}, {"text", "原文。"}}})}};
  h.publish_reviewed(n.dump());
  auto published = h.central.store.published_notice("N-TAMPER");
  REQUIRE(published);
  REQUIRE(*published);
  const std::string object = h.publish_dir() + "/objects/" + (*published)->hash + ".json";
  std::string body = slurp(object);

  SECTION("the object's text changed on the server") {
    const auto at = body.find("原文");
    REQUIRE(at != std::string::npos);
    body.replace(at, std::string("原文").size(), "篡改");  // same length, other bytes
    std::ofstream(object, std::ios::binary | std::ios::trunc) << body;
    auto refused = h.syncer->sync_once();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().reason == sync::Refusal::hash_mismatch);
  }
  SECTION("the object cut short") {
    std::ofstream(object, std::ios::binary | std::ios::trunc) << body.substr(0, body.size() / 2);
    auto refused = h.syncer->sync_once();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().reason == sync::Refusal::truncated);
  }
  SECTION("the index replaced by another") {
    const Json payload = Json::parse(Json::parse(slurp(h.publish_dir() + "/manifest.json"))["signed"].get<std::string>());
    const std::string index = h.publish_dir() + "/bins/" + payload["notices"]["hash"].get<std::string>() + ".json";
    std::string bytes = slurp(index);
    bytes.replace(bytes.find("N-TAMPER"), 8, "N-TAMPEX");
    std::ofstream(index, std::ios::binary | std::ios::trunc) << bytes;
    auto refused = h.syncer->sync_once();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().reason == sync::Refusal::hash_mismatch);
  }
  CHECK(h.notice_ids() == before);
}

}  // namespace central_notices_sync_test
