// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/rfc3339.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::catalogue;
using hall::test::catalogue_text;
using hall::test::valid_guide;

namespace {

Instant at(const char* rfc3339) {
  return *parse_rfc3339(rfc3339);
}

CatalogueFile file_of(const std::vector<Json>& guides) {
  auto parsed = parse_catalogue(catalogue_text(guides));
  REQUIRE(parsed);
  return *parsed;
}

CatalogueStore open_store(const hall::test::TempDir& dir, const Clock& clock) {
  auto s = CatalogueStore::open(dir.file("catalogue.db"), clock);
  if (!s) FAIL(s.error().message);
  return std::move(*s);
}

struct Fixture {
  hall::test::TempDir dir;
  ManualClock clock{at("2026-11-28T10:00:00+08:00")};
  CatalogueStore store = open_store(dir, clock);
  std::vector<std::string> current_ids() {
    auto c = store.current();
    REQUIRE(c);
    std::vector<std::string> ids;
    for (const auto& g : *c) ids.push_back(g.id + "@" + std::to_string(g.version));
    return ids;
  }
};

}  // namespace

TEST_CASE("a guide survives the round trip through the store", "[store]") {
  Fixture f;
  const auto report = f.store.import(file_of({valid_guide("G-1")}));
  REQUIRE(report);
  CHECK(report->added == 1);
  auto g = f.store.current_guide("G-1");
  REQUIRE(g);
  CHECK(g->name == "高龄津贴申领");
  CHECK(g->materials.size() == 3);
  CHECK(g->materials[2].certificate->requested_by == "安居街道办事处");
  CHECK(Json::parse(g->source_json) == valid_guide("G-1"));  // unknown keys and all
  auto list = f.store.current();
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  CHECK(list->front().topics == std::vector<std::string>{"养老服务", "社会保障"});
  CHECK(list->front().window == "1号综合受理窗口");
  CHECK(list->front().promised_limit.value == 10);
  CHECK(list->front().is_one_visit());
}

TEST_CASE("the database is WAL, keyed and versioned", "[store]") {
  Fixture f;
  auto mode = f.store.database().prepare("PRAGMA journal_mode");
  REQUIRE(mode);
  REQUIRE(*mode->step());
  CHECK(mode->text(0) == "wal");
  auto fk = f.store.database().prepare("PRAGMA foreign_keys");
  REQUIRE(fk);
  REQUIRE(*fk->step());
  CHECK(fk->integer(0) == 1);
  CHECK(f.store.database().user_version() == CatalogueStore::schema_version);
}

TEST_CASE("importing the same version again changes nothing", "[store]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("G-1"), valid_guide("G-2", "临时救助申请")})));
  const auto again = f.store.import(file_of({valid_guide("G-1"), valid_guide("G-2", "临时救助申请")}));
  REQUIRE(again);
  CHECK(again->unchanged == 2);
  CHECK(again->added == 0);
  CHECK(f.store.versions("G-1")->size() == 1);
}

TEST_CASE("a lower version is refused with a reason and nothing is imported", "[store]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("G-1", "高龄津贴申领", 3)})));
  const auto r = f.store.import(file_of({valid_guide("G-5", "新事项"), valid_guide("G-1", "高龄津贴申领", 2)}));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::conflict);
  CHECK(r.error().message == "guide G-1: $.version: version 2 is lower than the stored version 3");
  CHECK(f.current_ids() == std::vector<std::string>{"G-1@3"});  // G-5 was not half-imported
}

TEST_CASE("the same version with other content is refused", "[store]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("G-1")})));
  auto changed = valid_guide("G-1");
  changed["conditions"] = "改过的受理条件";
  const auto r = f.store.import(file_of({changed}));
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("version 1 is already stored with other content"));
  CHECK(f.store.current_guide("G-1")->conditions == "具有本地户籍、年满80周岁的老年人。");
}

TEST_CASE("a future version waits for its effective_from, then takes over", "[store][effective]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("G-1", "高龄津贴申领", 1)})));
  auto v2 = valid_guide("G-1", "高龄津贴申领（新标准）", 2);
  v2["effective_from"] = "2027-01-01T00:00:00+08:00";
  const auto report = f.store.import(file_of({v2}));
  REQUIRE(report);
  CHECK(report->updated == 1);
  CHECK(report->scheduled == 1);

  f.clock.set(at("2026-12-31T23:59:59+08:00"));
  CHECK(f.current_ids() == std::vector<std::string>{"G-1@1"});
  CHECK(f.store.current_guide("G-1")->name == "高龄津贴申领");
  CHECK(f.store.next_change().value() == at("2027-01-01T00:00:00+08:00"));

  f.clock.set(at("2027-01-01T00:00:00+08:00"));  // the very second
  CHECK(f.current_ids() == std::vector<std::string>{"G-1@2"});
  CHECK(f.store.current_guide("G-1")->name == "高龄津贴申领（新标准）");
  CHECK(f.store.next_change().value() == std::nullopt);
}

TEST_CASE("a new guide with a future effective_from is not shown before it", "[store][effective]") {
  Fixture f;
  auto g = valid_guide("G-NEW", "新增事项");
  g["effective_from"] = "2026-12-01T09:00:00+08:00";
  REQUIRE(f.store.import(file_of({g})));
  CHECK(f.current_ids().empty());
  CHECK_FALSE(f.store.current_guide("G-NEW"));
  f.clock.set(at("2026-12-01T01:00:00Z"));  // 09:00 in Shandong
  CHECK(f.current_ids() == std::vector<std::string>{"G-NEW@1"});
}

TEST_CASE("cancel_at hides a guide from then on and cancelled is never shown", "[store][effective]") {
  Fixture f;
  auto ending = valid_guide("G-END", "即将取消的事项");
  ending["cancel_at"] = "2026-12-01T00:00:00+08:00";
  auto cancelled = valid_guide("G-CAN", "已取消事项");
  cancelled["status"] = "cancelled";
  auto suspended = valid_guide("G-SUS", "暂停事项");
  suspended["status"] = "suspended";
  suspended["suspension"] = {{"reason", "系统升级"}, {"until", "2027-01-31"}};
  REQUIRE(f.store.import(file_of({ending, cancelled, suspended})));
  CHECK(f.current_ids() == std::vector<std::string>{"G-END@1", "G-SUS@1"});  // by name
  // The list row knows until when, without reading the body.
  const auto rows = f.store.current();
  REQUIRE(rows);
  CHECK(rows->back().suspended_until == "2027-01-31");
  CHECK(rows->front().suspended_until.empty());
  f.clock.set(at("2026-12-01T00:00:00+08:00"));
  CHECK(f.current_ids() == std::vector<std::string>{"G-SUS@1"});
}

TEST_CASE("export writes what is in effect, as a catalogue that imports again", "[store]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("G-1"), valid_guide("G-2", "临时救助申请")})));
  const auto text = f.store.export_current();
  REQUIRE(text);
  const auto again = parse_catalogue(*text);
  REQUIRE(again);
  CHECK(again->guides.size() == 2);
  hall::test::TempDir other;
  auto copy = CatalogueStore::open(other.file("c.db"), f.clock);
  REQUIRE(copy);
  REQUIRE(copy->import(*again));
  CHECK(copy->export_current() == *text);
}

TEST_CASE("English twins survive import, export and import again", "[store][english]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({hall::test::english_guide("G-EN")})));
  auto g = f.store.current_guide("G-EN");
  REQUIRE(g);
  CHECK(g->location.address_en == "Anju Street Service Centre");
  CHECK(g->materials[2].certificate->issued_by_en == "The applicant's village or residents' committee");
  const auto text = f.store.export_current();
  REQUIRE(text);
  const auto again = parse_catalogue(*text);
  REQUIRE(again);
  REQUIRE(again->guides.size() == 1);
  CHECK(Json::parse(again->guides[0].source_json) == hall::test::english_guide("G-EN"));
  CHECK(again->guides[0].keywords_en == std::vector<std::string>{"old-age allowance", "over 80"});
  CHECK(again->guides[0].faq[0].a_en == "The local rate, paid monthly to the social security card.");
}

TEST_CASE("opening a database written by a newer program is refused", "[store]") {
  hall::test::TempDir dir;
  {
    auto db = storage::Database::open(dir.file("c.db"));
    REQUIRE(db);
    REQUIRE(db->set_user_version(99));
  }
  ManualClock clock(at("2026-11-28T10:00:00+08:00"));
  const auto s = CatalogueStore::open(dir.file("c.db"), clock);
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().message, Catch::Contains("schema version 99 is newer"));
}

TEST_CASE("a file that is not a database is reported, not crashed on", "[store]") {
  hall::test::TempDir dir;
  hall::test::write_file(dir.file("c.db"), std::string(4096, 'x'));
  ManualClock clock(at("2026-11-28T10:00:00+08:00"));
  const auto s = CatalogueStore::open(dir.file("c.db"), clock);
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().message, Catch::Contains(dir.file("c.db")));
}

TEST_CASE("guides are listed in pinyin order, as a Chinese reader expects", "[store]") {
  Fixture f;
  REQUIRE(f.store.import(file_of({valid_guide("L", "临时救助申请"), valid_guide("Z", "最低生活保障申请"),
                                  valid_guide("G", "高龄津贴申领"), valid_guide("C", "残疾人证办理")})));
  // By code point 临 (U+4E34) would come first and 高 (U+9AD8) last.
  CHECK(f.current_ids() == std::vector<std::string>{"C@1", "G@1", "L@1", "Z@1"});
}

TEST_CASE("the characters of the guides in effect are listed once each", "[store]") {
  Fixture f;
  auto g = valid_guide("G-1");
  g["conditions"] = "勘察函兑";  // characters a common-range atlas misses
  REQUIRE(f.store.import(file_of({g, valid_guide("G-2", "临时救助申请")})));
  const auto characters = f.store.current_characters();
  REQUIRE(characters);
  for (const char* c : {"勘", "函", "兑", "临", "龄", "簿"}) {
    INFO(c);
    CHECK(characters->find(c) != std::string::npos);
  }
  CHECK(characters->find("勘") == characters->rfind("勘"));  // once
}
