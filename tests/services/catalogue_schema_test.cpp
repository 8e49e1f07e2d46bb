// SPDX-License-Identifier: Apache-2.0
// Migrations from every earlier schema version keep every guide and end at the newest schema.
#include <catch2/catch.hpp>
#include "catalogue/guide_search_terms.h"

#include "catalogue/catalogue_schema.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/guide_parser.h"
#include "common/sha256.h"
#include "search/search_terms.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::catalogue;

namespace {

// Writes a guide the way schema version 1 stored it (no summary columns, no terms).
void insert_v1_row(storage::Database& db, const Json& guide) {
  auto st = db.prepare(
      "INSERT INTO guide_versions (guide_id, version, status, effective_from, cancel_at, name, body, content_hash, "
      "imported_at) VALUES (?1, ?2, 'active', NULL, NULL, ?3, ?4, ?5, 0)");
  REQUIRE(st);
  const std::string body = guide.dump();
  st->bind(1, guide["id"].get<std::string>()).bind(2, guide["version"].get<int>());
  st->bind(3, guide["name"].get<std::string>()).bind(4, body).bind(5, sha256_hex(body));
  REQUIRE(st->run());
  auto topic = db.prepare("INSERT INTO guide_topics VALUES (?1, ?2, 0, ?3)");
  REQUIRE(topic);
  topic->bind(1, guide["id"].get<std::string>()).bind(2, guide["version"].get<int>()).bind(3, "养老服务");
  REQUIRE(topic->run());
}

// A v3 database computed the search terms at import.
void insert_v3_terms(storage::Database& db, const Json& node) {
  Problems problems;
  const auto guide = parse_guide(node, "guide", problems);
  REQUIRE(guide);
  auto st = db.prepare("INSERT INTO search_terms VALUES (?1, ?2, ?3, ?4, ?5)");
  REQUIRE(st);
  const auto terms = catalogue::search_terms_for(*guide);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    st->reset();
    st->bind(1, guide->id).bind(2, guide->version).bind(3, static_cast<int>(i));
    st->bind(4, static_cast<int>(terms[i].kind)).bind(5, terms[i].text);
    REQUIRE(st->run());
  }
}

}  // namespace

TEST_CASE("every earlier schema version migrates to the newest", "[store][migration]") {
  const int from = GENERATE(range(0, CatalogueStore::schema_version));
  INFO("from schema version " << from);
  hall::test::TempDir dir;
  const std::string path = dir.file("catalogue.db");
  {
    auto db = storage::Database::open(path);
    REQUIRE(db);
    REQUIRE(migrate_catalogue(*db, from));
    REQUIRE(db->user_version() == from);
    if (from >= 1) {
      insert_v1_row(*db, hall::test::valid_guide("G-OLD", "重度残疾人护理补贴"));
      if (from >= 2) {
        // A v2 database had its summary columns filled at import.
        REQUIRE(db->exec("UPDATE guide_versions SET onsite_visits = 1, window = '1号综合受理窗口'"));
      }
      if (from >= 3)
        insert_v3_terms(*db, hall::test::valid_guide("G-OLD", "重度残疾人护理补贴"));  // computed at import
    }
  }
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  auto store = CatalogueStore::open(path, clock);
  REQUIRE(store);
  CHECK(store->database().user_version() == CatalogueStore::schema_version);
  // Version 4: one sync_state row, trusting nothing yet.
  auto sync_row = store->database().prepare("SELECT keys_version, catalogue_version FROM sync_state WHERE id = 1");
  REQUIRE(sync_row);
  REQUIRE(*sync_row->step());
  CHECK(sync_row->integer(0) == 0);
  CHECK(sync_row->integer(1) == 0);
  const auto current = store->current();
  REQUIRE(current);
  if (from == 0) {
    CHECK(current->empty());
    return;
  }
  REQUIRE(current->size() == 1);
  CHECK(current->front().window == "1号综合受理窗口");
  CHECK(current->front().onsite_visits == 1);
  // Search terms were computed for the guide that predates them.
  const auto index = store->build_search_index();
  REQUIRE(index);
  const auto hits = index->query("zdcjr");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].guide_id == "G-OLD");
  CHECK(store->database().quick_check() == "ok");
}

TEST_CASE("a failed migration step leaves the database at its old version", "[store][migration]") {
  hall::test::TempDir dir;
  const std::string path = dir.file("catalogue.db");
  {
    auto db = storage::Database::open(path);
    REQUIRE(db);
    REQUIRE(migrate_catalogue(*db, 1));
    // A body that is no longer valid makes the v2 backfill fail half way.
    REQUIRE(db->exec("INSERT INTO guide_versions VALUES ('G-BAD', 1, 'active', NULL, NULL, 'x', '{}', 'h', 0)"));
  }
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  const auto store = CatalogueStore::open(path, clock);
  REQUIRE_FALSE(store);
  CHECK_THAT(store.error().message, Catch::Contains("upgrading the schema to version 2 failed"));
  auto db = storage::Database::open(path);
  REQUIRE(db);
  CHECK(db->user_version() == 1);
  auto columns = db->prepare("SELECT COUNT(*) FROM pragma_table_info('guide_versions') WHERE name = 'window'");
  REQUIRE(columns);
  REQUIRE(*columns->step());
  CHECK(columns->integer(0) == 0);  // the ALTERs of the failed step were rolled back too
}

TEST_CASE("a database from before English search terms gets them on upgrade", "[store][migration][english]") {
  hall::test::TempDir dir;
  const std::string path = dir.file("catalogue.db");
  {
    auto db = storage::Database::open(path);
    REQUIRE(db);
    REQUIRE(migrate_catalogue(*db, 4));
    auto old = hall::test::valid_guide("G-OLD", "重度残疾人护理补贴");
    old["name_en"] = "Care allowance for severely disabled people";
    old["keywords_en"] = {"disability"};
    insert_v1_row(*db, old);
    insert_v3_terms(*db, old);
    // What a version 4 program stored: no English terms.
    REQUIRE(db->exec("DELETE FROM search_terms WHERE kind = 7"));
  }
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  auto store = CatalogueStore::open(path, clock);
  REQUIRE(store);
  CHECK(store->database().user_version() == CatalogueStore::schema_version);
  const auto index = store->build_search_index();
  REQUIRE(index);
  CHECK(index->query("allowance").size() == 1);
  CHECK(index->query("disab").size() == 1);
  CHECK(index->query("zdcjr").size() == 1);  // the Chinese terms are still there
}

TEST_CASE("a stored guide that already carries a change note is marked on upgrade to v12",
          "[store][migration][change]") {
  hall::test::TempDir dir;
  const std::string path = dir.file("catalogue.db");
  {
    auto db = storage::Database::open(path);
    REQUIRE(db);
    REQUIRE(migrate_catalogue(*db, 11));
    // A version 11 program kept the note as an unknown key of the body.
    auto changed = hall::test::valid_guide("G-NEW", "重度残疾人护理补贴", 2);
    changed["change"] = {{"since", "2026-11-16"}, {"summary", "办理条件有调整。"}};
    insert_v1_row(*db, changed);
    insert_v3_terms(*db, changed);
    const auto plain = hall::test::valid_guide("G-OLD", "高龄津贴申领");
    insert_v1_row(*db, plain);
    insert_v3_terms(*db, plain);
  }
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  auto store = CatalogueStore::open(path, clock);
  REQUIRE(store);
  CHECK(store->database().user_version() == CatalogueStore::schema_version);
  const auto list = store->current();
  REQUIRE(list);
  REQUIRE(list->size() == 2);
  for (const auto& g : *list) CHECK(g.change_since == (g.id == "G-NEW" ? "2026-11-16" : ""));
  const auto guide = store->current_guide("G-NEW");
  REQUIRE(guide);
  REQUIRE(guide->change);
  CHECK(guide->change->summary == "办理条件有调整。");
}
