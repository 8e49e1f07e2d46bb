// SPDX-License-Identifier: Apache-2.0
#pragma once
// The sync state a hall keeps in its catalogue database (table sync_state, schema versions 4 and 6):
// the pinned key set, the trusted catalogue version, manifest and timestamp, and how the last sync went.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/error.h"
#include "storage/sqlite.h"
#include "sync/sync_error.h"

namespace hall::sync {

struct SyncState {
  int keys_version = 0;  // 0: no key set pinned
  std::string keys_payload;
  std::int64_t catalogue_version = 0;
  std::string manifest, manifest_hash, manifest_etag;
  // expires_at is the trusted catalogue's effective expiry: the manifest's own, or, when the key set
  // names timestamp keys, that of the newest verified timestamp vouching for it.
  std::optional<Instant> issued_at, expires_at;
  std::optional<Instant> last_good_sync, last_attempt;
  std::string last_error, last_error_reason;
  std::int64_t timestamp_version = 0;  // 0: no timestamp trusted yet
  std::string timestamp_hash, timestamp_etag;
};

// What staff (hallctl sync --status, the counter screen) and, discreetly, visitors are told.
struct SyncStatus {
  std::int64_t catalogue_version = 0;
  int keys_version = 0;
  std::optional<Instant> last_good_sync;
  std::optional<Instant> issued_at, expires_at;
  std::optional<std::chrono::seconds> data_age;  // now - last_good_sync
  std::string last_error, last_error_reason;
  // The catalogue could not be confirmed current: the trusted manifest has expired, or it was not
  // confirmed (a verified manifest, or a 304 to its ETag) within the confirm window. A fact about
  // the trusted manifest and the clock, never about the last error. Visitors see
  // "信息最后核验于 <last_good_sync>".
  bool stale = false;
};

// Six polls of 5 minutes: a kiosk that heard nothing it could verify for longer says so.
inline constexpr std::chrono::seconds default_confirm_window{30 * 60};

Result<SyncState> load_sync_state(storage::Database& db);
// Writes every field; callers run it inside the transaction that applies the catalogue.
Result<void> save_sync_state(storage::Database& db, const SyncState& state);
// Records a refusal or failure (its own small write; the catalogue is untouched). It also forgets
// the manifest's and the timestamp's ETags: after any refusal only a verified manifest, never a bare 304, confirms
// the catalogue again (a mirror that showed something else cannot then vouch by "not modified").
Result<void> record_sync_failure(storage::Database& db, const SyncError& error, Instant now);

// The bins of the trusted manifest (table sync_bins, schema version 10), by hash: verified when
// they were accepted, so a later manifest naming the same hash needs no fetch.
Result<std::map<std::string, std::string>> load_trusted_bins(storage::Database& db);
// Makes `bins` (hash -> bytes) the trusted bins; run inside the transaction that applies them.
Result<void> save_trusted_bins(storage::Database& db, const std::map<std::string, std::string>& bins);

SyncStatus sync_status(const SyncState& state, Instant now,
                       std::chrono::seconds confirm_window = default_confirm_window);

}  // namespace hall::sync
