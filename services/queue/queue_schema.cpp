// SPDX-License-Identifier: Apache-2.0
#include "queue/queue_schema.h"

#include <iterator>

namespace hall::queue {
namespace {

constexpr const char* v1 = R"sql(
CREATE TABLE service_day (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  day         TEXT    NOT NULL,  -- the local date numbers are counted for
  zone        TEXT    NOT NULL,  -- the zone that day began in
  ends_at     INTEGER NOT NULL   -- UTC seconds of its local midnight: the next day starts then
);
CREATE TABLE counters (
  day      TEXT    NOT NULL,
  group_id TEXT    NOT NULL,
  last     INTEGER NOT NULL,
  PRIMARY KEY (day, group_id)
);
CREATE TABLE tickets (
  id              INTEGER PRIMARY KEY,
  day             TEXT    NOT NULL,
  number          TEXT    NOT NULL,
  group_id        TEXT    NOT NULL,
  guide_id        TEXT    NOT NULL DEFAULT '',
  priority        TEXT,
  state           TEXT    NOT NULL CHECK (state IN ('waiting','called','serving','done','no_show','cancelled')),
  issued_at       INTEGER NOT NULL,
  called_at       INTEGER,
  first_called_at INTEGER,
  started_at      INTEGER,
  finished_at     INTEGER,
  no_show_at      INTEGER,
  window_id       TEXT    NOT NULL DEFAULT '',
  target_window   TEXT    NOT NULL DEFAULT '',
  recalls         INTEGER NOT NULL DEFAULT 0,
  token           TEXT    NOT NULL UNIQUE,
  place           REAL    NOT NULL,
  device_id       TEXT    NOT NULL DEFAULT '',
  rating          INTEGER,
  UNIQUE (day, number)
);
CREATE INDEX tickets_waiting ON tickets (state, group_id, place);
CREATE INDEX tickets_of_day ON tickets (day, place);
CREATE TABLE windows (
  id             TEXT    PRIMARY KEY,
  paused         INTEGER NOT NULL DEFAULT 0,
  current_ticket INTEGER REFERENCES tickets (id),
  priority_run   INTEGER NOT NULL DEFAULT 0  -- priority calls in a row, for the fairness rule
);
CREATE TABLE events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            INTEGER NOT NULL,
  kind          TEXT    NOT NULL,
  ticket_number TEXT    NOT NULL DEFAULT '',
  window_id     TEXT    NOT NULL DEFAULT '',
  payload       TEXT    NOT NULL
);
CREATE TABLE idempotency_keys (
  device_id TEXT    NOT NULL,
  key       TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  request   TEXT    NOT NULL,  -- SHA-256 of the request it first came with
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  PRIMARY KEY (device_id, key, day)
);
CREATE TABLE devices (
  id         TEXT    PRIMARY KEY,
  role       TEXT    NOT NULL CHECK (role IN ('kiosk','board')),
  token_hash TEXT    NOT NULL UNIQUE,  -- SHA-256 of the token; the token itself is shown once
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE staff (
  id           TEXT    PRIMARY KEY,
  name         TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('clerk','manager')),
  pin_hash     TEXT    NOT NULL,  -- argon2id (libsodium crypto_pwhash_str)
  disabled     INTEGER NOT NULL DEFAULT 0,
  failed_pins  INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
);
CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  staff_id   TEXT    NOT NULL REFERENCES staff (id),
  window_id  TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at   INTEGER
);
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        INTEGER NOT NULL,
  actor     TEXT    NOT NULL,  -- a staff id, a device id, or "hallctl"
  window_id TEXT    NOT NULL DEFAULT '',
  action    TEXT    NOT NULL,
  outcome   TEXT    NOT NULL,  -- "ok" or the refusal's reason
  detail    TEXT    NOT NULL DEFAULT ''
);
)sql";

// Issue 12: what became of each ticket's slip, and the reprints clerks asked for. A reprint is meant
// for the kiosk that issued the ticket (tickets.device_id); it is done once that kiosk reports the
// reprinted slip.
constexpr const char* v2 = R"sql(
CREATE TABLE print_outcomes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
  at         INTEGER NOT NULL,
  device_id  TEXT    NOT NULL,  -- the kiosk (or counter) that printed or tried to
  result     TEXT    NOT NULL CHECK (result IN ('printed','failed','reprinted')),
  reason     TEXT    NOT NULL DEFAULT '',  -- failed: why, naming the printer
  by_staff   TEXT    NOT NULL DEFAULT '',  -- reprinted: the clerk who asked
  job_id     INTEGER NOT NULL DEFAULT 0,   -- the print server's job, 0 when none was accepted
  request_id INTEGER                       -- reprinted: the request it answers
);
CREATE INDEX print_outcomes_of_ticket ON print_outcomes (ticket_id, id);
CREATE TABLE reprint_requests (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  device_id TEXT    NOT NULL,  -- the kiosk that is to print it
  by_staff  TEXT    NOT NULL,
  asked_at  INTEGER NOT NULL,
  done_at   INTEGER
);
CREATE INDEX reprint_requests_open ON reprint_requests (device_id, done_at);
)sql";

// One step per version, each in its own transaction; index i brings version i to i + 1.
constexpr const char* steps[] = {v1, v2};
static_assert(std::size(steps) == queue_schema_version);

}  // namespace

Result<storage::Database> open_queue_db(const std::string& path) {
  auto db = storage::Database::open(path);
  if (!db) return db;
  auto version = db->user_version();
  if (!version) return std::unexpected(version.error());
  if (*version > queue_schema_version) {
    return fail(ErrorCode::corrupt, path + ": queue schema version " + std::to_string(*version) +
                                        " is newer than this program knows (" + std::to_string(queue_schema_version) +
                                        "); update hallkiosk");
  }
  for (int step = *version; step < queue_schema_version; ++step) {
    auto tx = storage::Transaction::begin(*db);
    if (!tx) return std::unexpected(tx.error());
    // Read again under the write lock: another process may have taken this step meanwhile.
    auto locked = db->user_version();
    if (!locked) return std::unexpected(locked.error());
    if (*locked == step) {
      if (auto r = db->exec(steps[step]); !r) return std::unexpected(r.error());
      if (auto r = db->set_user_version(step + 1); !r) return std::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  }
  return db;
}

}  // namespace hall::queue
