// SPDX-License-Identifier: Apache-2.0
// The plan's rule for changed services at the central store: a changed guide is published with a
// note of what changed and from when; a first version and a typo fix are not; a publication
// later than 1 working day after its approval is warned about and audited, counted with the
// store's working-day calendar (Monday–Friday without one).
#include <catch2/catch.hpp>

#include "services/central_fixture.h"

namespace central_changes_test {

using namespace hall;
using hall::test::CentralFixture;
using hall::test::read_file;
using hall::test::valid_guide;
using OrderedJson = nlohmann::ordered_json;

namespace {

OrderedJson signed_payload(const std::string& path) {
  return OrderedJson::parse(OrderedJson::parse(read_file(path)).at("signed").get<std::string>());
}

// The published object of guide `id` at `version`, as a kiosk receives it.
OrderedJson published_object(CentralFixture& f, const std::string& id, int version) {
  // The manifest names bins (hallkiosk.manifest/2); each bin lists its guides' objects.
  const OrderedJson m = signed_payload(f.store.publish_dir() + "/manifest.json");
  for (const auto& ref : m["bins"]) {
    const OrderedJson bin =
        OrderedJson::parse(read_file(f.store.publish_dir() + "/bins/" + ref["hash"].get<std::string>() + ".json"));
    for (const auto& g : bin["guides"]) {
      if (g["id"] == id && g["version"] == version) {
        return OrderedJson::parse(
            read_file(f.store.publish_dir() + "/objects/" + g["hash"].get<std::string>() + ".json"));
      }
    }
  }
  FAIL("manifest lists no " << id << " v" << version);
  return {};
}

std::int64_t submit_and_approve(CentralFixture& f, const OrderedJson& guide) {
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(guide));
  REQUIRE(drafts);
  REQUIRE(drafts->size() == 1);
  REQUIRE(f.store.review("bob", drafts->front().id, {true, "", "无涉密内容"}));
  return drafts->front().id;
}

void set_time(CentralFixture& f, const char* rfc3339) {
  f.clock.set(*parse_rfc3339(rfc3339));
}

std::vector<central::AuditEntry> entries(CentralFixture& f, const std::string& action) {
  std::vector<central::AuditEntry> out;
  auto log = f.store.audit_log();
  REQUIRE(log);
  for (const auto& e : *log) {
    if (e.action == action) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("a changed guide is published with what changed, a first version without", "[central][changes]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  CHECK_FALSE(published_object(f, "G-1", 1).contains("change"));

  OrderedJson v2 = valid_guide("G-1", "高龄津贴申领", 2);
  v2["time_limit"]["promised"]["value"] = 5;
  v2["materials"].erase(1);
  REQUIRE(f.publish_guide(v2) == 2);
  const OrderedJson object = published_object(f, "G-1", 2);
  REQUIRE(object.contains("change"));
  // Published at once on 28 November (16:00 in the hall's +08:00): the change dates from then.
  CHECK(object["change"]["since"] == "2026-11-28");
  CHECK(object["change"]["summary"] == "办理材料：不再需要「户口簿」；承诺时限：10 个工作日改为 5 个工作日。");
  CHECK(object["change"]["summary_en"] ==
        "Documents: no longer needed: \"户口簿\"; Promised time: 5 working days (was 10 working days).");
  CHECK(object["x_local_note"]["kept"] == true);  // the rest of the guide as submitted
}

TEST_CASE("a scheduled change dates from its effective_from in the hall's zone", "[central][changes]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  OrderedJson v2 = valid_guide("G-1", "高龄津贴申领", 2);
  v2["conditions"] = "具有本地户籍、年满75周岁的老年人。";
  submit_and_approve(f, v2);
  central::PublishRequest later;
  later.effective_from = parse_rfc3339("2027-02-28T16:30:00Z");  // 1 March 00:30 in +08:00
  REQUIRE(f.store.publish("carol", later));
  const OrderedJson object = published_object(f, "G-1", 2);
  CHECK(object["change"]["since"] == "2027-03-01");
  CHECK(object["change"]["summary"] == "办理条件有调整。");
}

TEST_CASE("a typo fix is published without a note, and a note an author brings is not kept", "[central][changes]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  OrderedJson v2 = valid_guide("G-1", "高龄津贴申领", 2);
  v2["conditions"] = "具有本地户籍，年满80周岁的老年人";
  v2["faq"][0]["a"] = "按本地标准，按月发放到社会保障卡。";
  v2["change"] = {{"since", "2026-01-01"}, {"summary", "全部调整"}};
  REQUIRE(f.publish_guide(v2) == 2);
  const OrderedJson object = published_object(f, "G-1", 2);
  CHECK_FALSE(object.contains("change"));
  CHECK(object["conditions"] == "具有本地户籍，年满80周岁的老年人");
}

TEST_CASE("a publication more than 1 working day after approval warns and is audited", "[central][changes]") {
  CentralFixture f;
  // Approved on Wednesday 30 September 2026, the eve of the National Day holiday (1–7 October).
  set_time(f, "2026-09-30T10:00:00+08:00");
  const auto id = submit_and_approve(f, valid_guide("G-1"));

  SECTION("without a calendar, Monday to Friday are counted") {
    set_time(f, "2026-10-09T10:00:00+08:00");
    auto report = f.store.publish("carol", {});
    REQUIRE(report);
    REQUIRE(report->late.size() == 1);
    CHECK(report->late[0].draft == id);
    CHECK(report->late[0].guide == "G-1@1");
    CHECK(report->late[0].approved_on == "2026-09-30");
    CHECK(report->late[0].due_on == "2026-10-01");
    CHECK(report->late[0].working_days_late == 6);  // 2, 5, 6, 7, 8 and 9 October
    CHECK(report->late[0].weekdays_only);
    const auto audited = entries(f, "publish-late");
    REQUIRE(audited.size() == 1);
    CHECK(audited[0].actor == "carol");
    CHECK(audited[0].target == "draft " + std::to_string(id));
    CHECK(audited[0].detail ==
          "G-1@1 approved 2026-09-30, due 2026-10-01, published 2026-10-09: 6 working day(s) late "
          "(no calendar: Monday–Friday counted)");
  }
  SECTION("with the hall's calendar, the holiday does not count") {
    auto years =
        f.store.import_workdays(read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/workdays.json"), "operator");
    REQUIRE(years);
    CHECK(*years == std::vector<int>{2025, 2026});
    SECTION("published on Friday 9 October: 1 working day late") {
      set_time(f, "2026-10-09T10:00:00+08:00");
      auto report = f.store.publish("carol", {});
      REQUIRE(report);
      REQUIRE(report->late.size() == 1);
      CHECK(report->late[0].due_on == "2026-10-08");
      CHECK(report->late[0].working_days_late == 1);
      CHECK_FALSE(report->late[0].weekdays_only);
      REQUIRE(entries(f, "publish-late").size() == 1);
    }
    SECTION("published on Thursday 8 October, the first working day after: on time") {
      set_time(f, "2026-10-08T17:00:00+08:00");
      auto due = f.store.publication_due();
      REQUIRE(due);
      REQUIRE(due->size() == 1);
      CHECK(due->front().due_today);
      CHECK(due->front().working_days_late == 0);
      auto report = f.store.publish("carol", {});
      REQUIRE(report);
      CHECK(report->late.empty());
      CHECK(entries(f, "publish-late").empty());
    }
  }
}

TEST_CASE("the drafts list names approved drafts that are late or due today", "[central][changes][api]") {
  CentralFixture f;
  set_time(f, "2026-11-23T10:00:00+08:00");  // Monday
  const auto old_one = submit_and_approve(f, valid_guide("G-1"));
  set_time(f, "2026-11-25T10:00:00+08:00");  // Wednesday
  const auto fresh = submit_and_approve(f, valid_guide("G-2", "老年优待证办理"));
  set_time(f, "2026-11-26T09:00:00+08:00");  // Thursday
  const auto pending = f.store.submit("alice", CentralFixture::guide_file(valid_guide("G-3", "居住证办理")));
  REQUIRE(pending);
  const auto list = f.call(f.carol, "GET", "/api/drafts");
  REQUIRE(list.status == 200);
  const OrderedJson j = OrderedJson::parse(list.body);
  REQUIRE(j["publication_due"].size() == 2);
  CHECK(j["publication_due"][0]["draft"] == old_one);
  CHECK(j["publication_due"][0]["working_days_late"] == 2);  // due Tuesday 24th
  CHECK(j["publication_due"][1]["draft"] == fresh);
  CHECK(j["publication_due"][1]["due_today"] == true);
  for (const auto& d : j["drafts"]) {
    CHECK(d.contains("publish_by") == (d["state"] == "approved"));
  }
  // Publishing them clears the list, and the late one is warned about in the answer.
  const auto published = f.call(f.carol, "POST", "/api/publish", "{}");
  REQUIRE(published.status == 200);
  const OrderedJson answer = OrderedJson::parse(published.body);
  REQUIRE(answer["late"].size() == 1);
  CHECK(answer["late"][0]["guide"] == "G-1@1");
  CHECK(answer["late"][0]["working_days_late"] == 2);
  f.clock.advance(std::chrono::seconds(1));  // not the same signed request again
  const auto after = f.call(f.carol, "GET", "/api/drafts");
  CHECK(OrderedJson::parse(after.body)["publication_due"].empty());
}

}  // namespace central_changes_test
