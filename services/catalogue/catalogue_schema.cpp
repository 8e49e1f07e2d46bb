// SPDX-License-Identifier: Apache-2.0
#include "catalogue/catalogue_schema.h"

#include <functional>
#include <vector>

#include "catalogue/guide_parser.h"
#include "catalogue/guide_rows.h"
#include "search/search_terms.h"

namespace hall::catalogue {
namespace {

using storage::Database;
using storage::Statement;

// Version 1: guide versions with their bodies, and topics for browsing.
Result<void> to_v1(Database& db) {
  return db.exec(R"sql(
    CREATE TABLE guide_versions (
      guide_id       TEXT    NOT NULL,
      version        INTEGER NOT NULL CHECK (version >= 1),
      status         TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'cancelled')),
      effective_from INTEGER,            -- unix seconds; NULL: in effect when imported
      cancel_at      INTEGER,
      name           TEXT    NOT NULL,
      body           TEXT    NOT NULL,   -- the guide's JSON as accepted
      content_hash   TEXT    NOT NULL,   -- sha256 of body
      imported_at    INTEGER NOT NULL,
      PRIMARY KEY (guide_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE guide_topics (
      guide_id TEXT    NOT NULL,
      version  INTEGER NOT NULL,
      ordinal  INTEGER NOT NULL,
      topic    TEXT    NOT NULL,
      PRIMARY KEY (guide_id, version, ordinal),
      FOREIGN KEY (guide_id, version) REFERENCES guide_versions ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX guide_topics_by_topic ON guide_topics (topic);
  )sql");
}

// Runs `each` with every stored guide version, parsed again from its body.
Result<void> for_each_stored_guide(Database& db, const std::function<Result<void>(const Guide&)>& each) {
  auto st = db.prepare("SELECT guide_id, version, body FROM guide_versions");
  if (!st) return std::unexpected(st.error());
  return st->each([&](const storage::Statement& row) -> Result<void> {
    Problems problems;
    Json node;
    try {
      node = Json::parse(row.text(2));
    } catch (const Json::exception&) {
      return fail(ErrorCode::corrupt,
                  "stored guide " + row.text(0) + " version " + std::to_string(row.integer(1)) + ": body is not JSON");
    }
    const auto guide = parse_guide(node, "guide " + row.text(0), problems);
    if (!guide) {
      return fail(ErrorCode::corrupt, "stored guide no longer valid: " + problems.messages().front());
    }
    return each(*guide);
  });
}

// Version 2: what list screens show, as columns, and the materials checklist.
Result<void> to_v2(Database& db) {
  if (auto r = db.exec(R"sql(
    ALTER TABLE guide_versions ADD COLUMN name_en        TEXT    NOT NULL DEFAULT '';
    ALTER TABLE guide_versions ADD COLUMN onsite_visits  INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE guide_versions ADD COLUMN case_type      TEXT    NOT NULL DEFAULT 'promised';
    ALTER TABLE guide_versions ADD COLUMN promised_value INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE guide_versions ADD COLUMN promised_unit  TEXT    NOT NULL DEFAULT 'working_days';
    ALTER TABLE guide_versions ADD COLUMN window         TEXT    NOT NULL DEFAULT '';
    ALTER TABLE guide_versions ADD COLUMN queue_group    TEXT    NOT NULL DEFAULT '';
    CREATE TABLE guide_materials (
      guide_id       TEXT    NOT NULL,
      version        INTEGER NOT NULL,
      ordinal        INTEGER NOT NULL,
      name           TEXT    NOT NULL,
      necessity      TEXT    NOT NULL,
      form           TEXT    NOT NULL,
      originals      INTEGER,
      copies         INTEGER,
      source         TEXT    NOT NULL,
      is_certificate INTEGER NOT NULL,
      PRIMARY KEY (guide_id, version, ordinal),
      FOREIGN KEY (guide_id, version) REFERENCES guide_versions ON DELETE CASCADE
    ) WITHOUT ROWID;
  )sql");
      !r) {
    return r;
  }
  auto update = db.prepare(
      "UPDATE guide_versions SET name_en=?3, onsite_visits=?4, case_type=?5, promised_value=?6, promised_unit=?7, "
      "window=?8, queue_group=?9 WHERE guide_id=?1 AND version=?2");
  if (!update) return std::unexpected(update.error());
  return for_each_stored_guide(db, [&](const Guide& g) -> Result<void> {
    update->reset();
    update->bind(1, g.id)
        .bind(2, g.version)
        .bind(3, g.name_en)
        .bind(4, g.onsite_visits)
        .bind(5, to_string(g.case_type));
    update->bind(6, g.promised_limit.value).bind(7, to_string(g.promised_limit.unit)).bind(8, g.location.window);
    update->bind(9, g.queue_group);
    if (auto r = update->run(); !r) return r;
    return insert_material_rows(db, g);
  });
}

// Version 3: search terms (pinyin, initials), computed once at import instead of at every start.
Result<void> to_v3(Database& db) {
  if (auto r = db.exec(R"sql(
    CREATE TABLE search_terms (
      guide_id TEXT    NOT NULL,
      version  INTEGER NOT NULL,
      ordinal  INTEGER NOT NULL,
      kind     INTEGER NOT NULL,
      term     TEXT    NOT NULL,
      PRIMARY KEY (guide_id, version, ordinal),
      FOREIGN KEY (guide_id, version) REFERENCES guide_versions ON DELETE CASCADE
    ) WITHOUT ROWID;
  )sql");
      !r) {
    return r;
  }
  return for_each_stored_guide(db, [&](const Guide& g) { return insert_search_term_rows(db, g); });
}

// Version 4: the sync state (services/sync): the pinned publisher key set, the trusted catalogue
// version and its manifest, and how the last sync went. One row; written in the same transaction
// as the guides it describes.
Result<void> to_v4(Database& db) {
  return db.exec(R"sql(
    CREATE TABLE sync_state (
      id                INTEGER PRIMARY KEY CHECK (id = 1),
      keys_version      INTEGER NOT NULL DEFAULT 0,   -- 0: no key set pinned yet
      keys_payload      TEXT    NOT NULL DEFAULT '',  -- the trusted key set, as verified
      catalogue_version INTEGER NOT NULL DEFAULT 0,   -- the trusted catalogue version; never goes down
      manifest          TEXT    NOT NULL DEFAULT '',  -- the trusted manifest.json bytes
      manifest_hash     TEXT    NOT NULL DEFAULT '',
      manifest_etag     TEXT    NOT NULL DEFAULT '',
      issued_at         INTEGER,                      -- unix seconds, of the trusted manifest
      expires_at        INTEGER,
      last_good_sync    INTEGER,                      -- when the catalogue was last verified current
      last_attempt      INTEGER,
      last_error        TEXT    NOT NULL DEFAULT '',
      last_error_reason TEXT    NOT NULL DEFAULT ''
    );
    INSERT INTO sync_state (id) VALUES (1);
  )sql");
}

// Version 5: English words (name_en, keywords_en) became search terms. Terms are computed at
// import, so every stored guide's terms are computed again from its body.
Result<void> to_v5(Database& db) {
  if (auto r = db.exec("DELETE FROM search_terms"); !r) return r;
  return for_each_stored_guide(db, [&](const Guide& g) { return insert_search_term_rows(db, g); });
}

// Version 6: 政务公开 notices (services/notices/notice_store), kept beside the guides so one file,
// one sync and one transaction hold everything a kiosk shows. Dates are YYYY-MM-DD text, which
// compares in calendar order.
Result<void> to_v6(Database& db) {
  return db.exec(R"sql(
    CREATE TABLE notice_versions (
      notice_id      TEXT    NOT NULL,
      version        INTEGER NOT NULL CHECK (version >= 1),
      kind           TEXT    NOT NULL,
      category       TEXT    NOT NULL,
      date           TEXT    NOT NULL,
      effective_from TEXT,             -- NULL: in effect from its date of import
      expires_on     TEXT,             -- NULL: no expiry
      title          TEXT    NOT NULL,
      body           TEXT    NOT NULL, -- the notice's JSON as accepted
      content_hash   TEXT    NOT NULL, -- sha256 of body
      imported_at    INTEGER NOT NULL,
      PRIMARY KEY (notice_id, version)
    ) WITHOUT ROWID;
  )sql");
}

// Version 7: names read in context by segmentation (长寿 is chang shou in 百岁老人长寿补贴), and
// other readings of polyphones as terms of their own: every stored guide's terms again.
Result<void> to_v7(Database& db) {
  return to_v5(db);
}

// Version 8: a suspended guide's until-date, for the list row; filled from the stored bodies.
Result<void> to_v8(Database& db) {
  if (auto r = db.exec("ALTER TABLE guide_versions ADD COLUMN suspended_until TEXT NOT NULL DEFAULT ''"); !r) return r;
  auto update = db.prepare("UPDATE guide_versions SET suspended_until=?3 WHERE guide_id=?1 AND version=?2");
  if (!update) return std::unexpected(update.error());
  return for_each_stored_guide(db, [&](const Guide& g) -> Result<void> {
    if (!g.suspension) return {};
    update->reset();
    update->bind(1, g.id).bind(2, g.version).bind(3, g.suspension->until);
    return update->run();
  });
}

// Version 9: the trusted timestamp (services/sync, TUF's timestamp role): its version, which only
// rises, the identity of its signed bytes, and its ETag for the conditional poll.
Result<void> to_v9(Database& db) {
  return db.exec(R"sql(
    ALTER TABLE sync_state ADD COLUMN timestamp_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_state ADD COLUMN timestamp_hash    TEXT    NOT NULL DEFAULT '';
    ALTER TABLE sync_state ADD COLUMN timestamp_etag    TEXT    NOT NULL DEFAULT '';
  )sql");
}

// Version 10: the hall's 工作日 calendar (services/notices/calendar_store), beside the guides whose
// promised limits it turns into dates. One row: the calendar file as accepted, every year in it;
// an import replaces it whole, so what the kiosk counts with is always one file's years.
Result<void> to_v10(Database& db) {
  return db.exec(R"sql(
    CREATE TABLE working_calendar (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      body         TEXT    NOT NULL,  -- the hallkiosk.workdays/1 file as accepted
      content_hash TEXT    NOT NULL,  -- sha256 of body
      imported_at  INTEGER NOT NULL
    );
  )sql");
}

// Version 11: the bins of the trusted manifest (services/sync, hallkiosk.manifest/2), by their
// SHA-256, so a manifest that changes one bin costs one bin's fetch.
Result<void> to_v11(Database& db) {
  return db.exec("CREATE TABLE sync_bins (hash TEXT PRIMARY KEY, body TEXT NOT NULL)");
}

// Version 12: the day a guide's change note (README, "Changed guides") dates from, for the 调整
// badge on list rows without reading the bodies. A body stored before, whose unknown keys were
// kept, may already carry one.
Result<void> to_v12(Database& db) {
  return db.exec(R"sql(
    ALTER TABLE guide_versions ADD COLUMN change_since TEXT NOT NULL DEFAULT '';
    UPDATE guide_versions SET change_since = json_extract(body, '$.change.since')
      WHERE json_valid(body) AND json_type(body, '$.change.since') = 'text';
  )sql");
}

const std::vector<std::function<Result<void>(Database&)>>& steps() {
  static const std::vector<std::function<Result<void>(Database&)>> all = {to_v1, to_v2, to_v3, to_v4,  to_v5, to_v6,
                                                                          to_v7, to_v8, to_v9, to_v10, to_v11, to_v12};
  return all;
}

}  // namespace

Result<void> migrate_catalogue(Database& db, int target) {
  auto current = db.user_version();
  if (!current) return std::unexpected(current.error());
  const int newest = static_cast<int>(steps().size());
  if (*current > newest) {
    return fail(ErrorCode::conflict, db.path() + ": schema version " + std::to_string(*current) +
                                         " is newer than this program understands (" + std::to_string(newest) +
                                         "); install the newer hallkiosk");
  }
  for (int v = *current; v < target && v < newest; ++v) {
    auto tx = storage::Transaction::begin(db);
    if (!tx) return std::unexpected(tx.error());
    if (auto r = steps()[static_cast<std::size_t>(v)](db); !r) {
      return fail(r.error().code, db.path() + ": upgrading the schema to version " + std::to_string(v + 1) +
                                      " failed: " + r.error().message);
    }
    if (auto r = db.set_user_version(v + 1); !r) return r;
    if (auto r = tx->commit(); !r) return r;
  }
  return {};
}

}  // namespace hall::catalogue
