// SPDX-License-Identifier: Apache-2.0
#include "sync/sync_state.h"

#include <set>
#include <vector>

namespace hall::sync {
namespace {

std::optional<Instant> instant_at(const storage::Statement& st, int column) {
  const auto v = st.optional_integer(column);
  if (!v) return std::nullopt;
  return Instant{std::chrono::seconds{*v}};
}

std::optional<std::int64_t> seconds_of(const std::optional<Instant>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

}  // namespace

Result<SyncState> load_sync_state(storage::Database& db) {
  auto st = db.prepare(
      "SELECT keys_version, keys_payload, catalogue_version, manifest, manifest_hash, manifest_etag, issued_at, "
      "expires_at, last_good_sync, last_attempt, last_error, last_error_reason, timestamp_version, timestamp_hash, "
      "timestamp_etag FROM sync_state WHERE id = 1");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::corrupt, db.path() + ": the sync_state row is missing");
  SyncState s;
  s.keys_version = static_cast<int>(st->integer(0));
  s.keys_payload = st->text(1);
  s.catalogue_version = st->integer(2);
  s.manifest = st->text(3);
  s.manifest_hash = st->text(4);
  s.manifest_etag = st->text(5);
  s.issued_at = instant_at(*st, 6);
  s.expires_at = instant_at(*st, 7);
  s.last_good_sync = instant_at(*st, 8);
  s.last_attempt = instant_at(*st, 9);
  s.last_error = st->text(10);
  s.last_error_reason = st->text(11);
  s.timestamp_version = st->integer(12);
  s.timestamp_hash = st->text(13);
  s.timestamp_etag = st->text(14);
  return s;
}

Result<void> save_sync_state(storage::Database& db, const SyncState& s) {
  auto st = db.prepare(
      "UPDATE sync_state SET keys_version = ?1, keys_payload = ?2, catalogue_version = ?3, manifest = ?4, "
      "manifest_hash = ?5, manifest_etag = ?6, issued_at = ?7, expires_at = ?8, last_good_sync = ?9, "
      "last_attempt = ?10, last_error = ?11, last_error_reason = ?12, timestamp_version = ?13, timestamp_hash = ?14, "
      "timestamp_etag = ?15 WHERE id = 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, s.keys_version).bind(2, s.keys_payload).bind(3, s.catalogue_version).bind(4, s.manifest);
  st->bind(5, s.manifest_hash).bind(6, s.manifest_etag).bind(7, seconds_of(s.issued_at));
  st->bind(8, seconds_of(s.expires_at)).bind(9, seconds_of(s.last_good_sync)).bind(10, seconds_of(s.last_attempt));
  st->bind(11, s.last_error).bind(12, s.last_error_reason);
  st->bind(13, s.timestamp_version).bind(14, s.timestamp_hash).bind(15, s.timestamp_etag);
  return st->run();
}

Result<void> record_sync_failure(storage::Database& db, const SyncError& error, Instant now) {
  auto st = db.prepare(
      "UPDATE sync_state SET last_attempt = ?1, last_error = ?2, last_error_reason = ?3, manifest_etag = '', "
      "timestamp_etag = '' "
      "WHERE id = 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, std::int64_t{now.time_since_epoch().count()})
      .bind(2, error.error.message)
      .bind(3, to_string(error.reason));
  return st->run();
}

Result<std::map<std::string, std::string>> load_trusted_bins(storage::Database& db) {
  auto st = db.prepare("SELECT hash, body FROM sync_bins");
  if (!st) return std::unexpected(st.error());
  std::map<std::string, std::string> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.emplace(row.text(0), row.text(1));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<void> save_trusted_bins(storage::Database& db, const std::map<std::string, std::string>& bins) {
  // Only what changed is written: a one-guide change replaces one row, not 256.
  auto held = db.prepare("SELECT hash FROM sync_bins");
  if (!held) return std::unexpected(held.error());
  std::vector<std::string> gone;
  std::set<std::string> have;
  if (auto r = held->each([&](const storage::Statement& row) -> Result<void> {
        std::string h = row.text(0);
        if (!bins.contains(h)) gone.push_back(h);
        have.insert(std::move(h));
        return {};
      });
      !r) {
    return r;
  }
  auto drop = db.prepare("DELETE FROM sync_bins WHERE hash = ?1");
  if (!drop) return std::unexpected(drop.error());
  for (const auto& h : gone) {
    drop->reset();
    drop->bind(1, h);
    if (auto r = drop->run(); !r) return r;
  }
  auto add = db.prepare("INSERT INTO sync_bins (hash, body) VALUES (?1, ?2)");
  if (!add) return std::unexpected(add.error());
  for (const auto& [hash, body] : bins) {
    if (have.contains(hash)) continue;
    add->reset();
    add->bind(1, hash).bind(2, body);
    if (auto r = add->run(); !r) return r;
  }
  return {};
}

SyncStatus sync_status(const SyncState& s, Instant now, std::chrono::seconds confirm_window) {
  SyncStatus out;
  out.catalogue_version = s.catalogue_version;
  out.keys_version = s.keys_version;
  out.last_good_sync = s.last_good_sync;
  out.issued_at = s.issued_at;
  out.expires_at = s.expires_at;
  if (s.last_good_sync) out.data_age = now - *s.last_good_sync;
  out.last_error = s.last_error;
  out.last_error_reason = s.last_error_reason;
  if (s.catalogue_version > 0) {  // nothing trusted yet: nothing to be stale about
    const bool expired = s.expires_at && *s.expires_at <= now;
    const bool unconfirmed = !s.last_good_sync || now - *s.last_good_sync > confirm_window;
    out.stale = expired || unconfirmed;
  }
  return out;
}

}  // namespace hall::sync
