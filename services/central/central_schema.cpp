// SPDX-License-Identifier: Apache-2.0
#include "central/central_schema.h"

namespace hall::central {
namespace {

// Version 1: the whole workflow. A review's primary key is its draft: one review per change (一事一审).
Result<void> to_v1(storage::Database& db) {
  return db.exec(R"sql(
    CREATE TABLE state (
      key   TEXT PRIMARY KEY,   -- catalogue_version, keys_version, manifest, keys
      value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE admins (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      public_key TEXT NOT NULL UNIQUE,
      roles      TEXT NOT NULL,   -- comma-separated: author, reviewer, publisher
      added_at   INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE drafts (
      id           INTEGER PRIMARY KEY,
      guide_id     TEXT    NOT NULL,
      version      INTEGER NOT NULL CHECK (version >= 1),
      author       TEXT    NOT NULL REFERENCES admins (id),
      submitted_at INTEGER NOT NULL,
      state        TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'published')),
      diff         TEXT    NOT NULL,   -- JSON array of [path, old, new]
      body         TEXT    NOT NULL,   -- the guide's JSON as validated
      published_in INTEGER
    );
    CREATE INDEX drafts_by_state ON drafts (state);
    CREATE TABLE reviews (
      draft_id             INTEGER PRIMARY KEY REFERENCES drafts (id),
      reviewer             TEXT    NOT NULL REFERENCES admins (id),
      reviewed_at          INTEGER NOT NULL,
      conclusion           TEXT    NOT NULL CHECK (conclusion IN ('approve', 'reject')),
      reason               TEXT    NOT NULL,
      confidentiality_note TEXT    NOT NULL
    );
    CREATE TABLE published (
      guide_id          TEXT    NOT NULL,
      version           INTEGER NOT NULL,
      effective_from    TEXT,              -- RFC 3339 as the guide states it
      hash              TEXT    NOT NULL,
      length            INTEGER NOT NULL,
      body              TEXT    NOT NULL,
      draft_id          INTEGER NOT NULL REFERENCES drafts (id),
      catalogue_version INTEGER NOT NULL,
      published_at      INTEGER NOT NULL,
      PRIMARY KEY (guide_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE audit (
      seq     INTEGER PRIMARY KEY,
      at      INTEGER NOT NULL,
      actor   TEXT    NOT NULL,
      action  TEXT    NOT NULL,
      target  TEXT    NOT NULL,
      outcome TEXT    NOT NULL,   -- ok | refused
      detail  TEXT    NOT NULL
    );
    CREATE TABLE kiosks (
      kiosk_id          TEXT PRIMARY KEY,
      catalogue_version INTEGER NOT NULL,
      last_good_sync    TEXT    NOT NULL,
      last_error        TEXT    NOT NULL,
      printer_state     TEXT    NOT NULL,
      last_seen         INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE seen_requests (
      signature TEXT PRIMARY KEY,
      at        INTEGER NOT NULL
    ) WITHOUT ROWID;
  )sql");
}

// Kiosks enrolled with a key of their own (their heartbeats are signed); refused heartbeats, and
// refusals of unauthenticated callers (per minute, source and reason), counted rather than
// written one by one, so anonymous noise never displaces an administrator's actions.
Result<void> to_v2(storage::Database& db) {
  return db.exec(R"sql(
    CREATE TABLE kiosk_keys (
      kiosk_id    TEXT PRIMARY KEY,
      name        TEXT    NOT NULL,
      public_key  TEXT    NOT NULL,
      enrolled_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE refused_heartbeats (
      reason TEXT PRIMARY KEY,
      count  INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE refusal_counts (
      minute INTEGER NOT NULL,   -- unix seconds of the minute's start
      source TEXT    NOT NULL,   -- the peer's address
      reason TEXT    NOT NULL,
      count  INTEGER NOT NULL,
      PRIMARY KEY (minute, source, reason)
    ) WITHOUT ROWID;
  )sql");
}


// 政务公开 notices through the same steps as guides: a draft keeps the author's file whole (the
// deputies of a proposal reply included) and the 去标识化 scan made at submit; its one review
// keeps each hit's decision; what is published is the reviewed, masked notice, never the draft.
Result<void> to_v3(storage::Database& db) {
  return db.exec(R"sql(
    CREATE TABLE notice_drafts (
      id           INTEGER PRIMARY KEY,
      notice_id    TEXT    NOT NULL,
      version      INTEGER NOT NULL CHECK (version >= 1),
      author       TEXT    NOT NULL REFERENCES admins (id),
      submitted_at INTEGER NOT NULL,
      state        TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'published')),
      body         TEXT    NOT NULL,   -- the notice's JSON as submitted (central form)
      hits         TEXT    NOT NULL,   -- JSON array: the 去标识化 scan at submit
      published_in INTEGER
    );
    CREATE INDEX notice_drafts_by_state ON notice_drafts (state);
    CREATE TABLE notice_reviews (
      draft_id             INTEGER PRIMARY KEY REFERENCES notice_drafts (id),
      reviewer             TEXT    NOT NULL REFERENCES admins (id),
      reviewed_at          INTEGER NOT NULL,
      conclusion           TEXT    NOT NULL CHECK (conclusion IN ('approve', 'reject')),
      reason               TEXT    NOT NULL,
      confidentiality_note TEXT    NOT NULL,
      decisions            TEXT    NOT NULL    -- JSON array: each hit with mask | keep and the reason
    );
    CREATE TABLE notice_published (
      notice_id         TEXT    NOT NULL,
      version           INTEGER NOT NULL,
      hash              TEXT    NOT NULL,
      length            INTEGER NOT NULL,
      body              TEXT    NOT NULL,   -- the published form: masked, without the deputies
      draft_id          INTEGER NOT NULL REFERENCES notice_drafts (id),
      catalogue_version INTEGER NOT NULL,
      published_at      INTEGER NOT NULL,
      PRIMARY KEY (notice_id, version)
    ) WITHOUT ROWID;
  )sql");
}

// Opinions on a draft open for comment (重大决策预公开), from the public phone page. The contact
// is never published; `source` (the peer's address) is for the rate limit only.
Result<void> to_v4(storage::Database& db) {
  return db.exec(R"sql(
    CREATE TABLE notice_comments (
      id          INTEGER PRIMARY KEY,
      notice_id   TEXT    NOT NULL,
      version     INTEGER NOT NULL,   -- the published version the visitor read
      received_at INTEGER NOT NULL,
      receipt     TEXT    NOT NULL UNIQUE,
      source      TEXT    NOT NULL,
      text        TEXT    NOT NULL,
      contact     TEXT    NOT NULL
    );
    CREATE INDEX notice_comments_by_notice ON notice_comments (notice_id, received_at);
    CREATE INDEX notice_comments_by_source ON notice_comments (source, received_at);
  )sql");
}

}  // namespace

Result<void> migrate_central(storage::Database& db, int version) {
  auto current = db.user_version();
  if (!current) return std::unexpected(current.error());
  if (*current > version) {
    return fail(ErrorCode::corrupt, db.path() + ": schema version " + std::to_string(*current) +
                                        " is newer than this program (" + std::to_string(version) + ")");
  }
  if (*current == version) return {};
  auto tx = storage::Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  if (*current < 1) {
    if (auto r = to_v1(db); !r) return r;
  }
  if (*current < 2) {
    if (auto r = to_v2(db); !r) return r;
  }
  if (*current < 3) {
    if (auto r = to_v3(db); !r) return r;
  }
  if (*current < 4) {
    if (auto r = to_v4(db); !r) return r;
  }
  if (auto r = db.set_user_version(version); !r) return r;
  return tx->commit();
}

}  // namespace hall::central
