// SPDX-License-Identifier: Apache-2.0
#pragma once
// One poll of a published directory, end to end: manifest (If-None-Match), key rotations,
// verification, the bins and then the objects this hall lacks, and one transaction that applies it
// all together with the new trusted version and bins. Single-threaded; the poll loop lives in the composition root.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>

#include <optional>
#include <set>
#include <utility>

#include "catalogue/catalogue_store.h"
#include "notices/notice.h"
#include "common/clock.h"
#include "sync/fetcher.h"
#include "sync/signed_envelope.h"
#include "sync/sync_error.h"
#include "sync/sync_state.h"
#include "sync/verifier.h"

namespace hall::sync {

struct SyncOptions {
  std::string base_url;  // the published directory: "http://127.0.0.1:8080" or "file:///srv/publish"
  // A manifest of 256 bins is about 28 KB; the limit stays high so that a bomb served as the
  // manifest is refused by the JSON guard (too_deep) and named as such, not just as too long.
  std::size_t manifest_max_bytes = 8u << 20;
  std::size_t keys_max_bytes = 64u << 10;
  std::size_t timestamp_max_bytes = 16u << 10;
  std::chrono::milliseconds manifest_timeout{10'000};
  std::chrono::milliseconds object_timeout{30'000};
  // One deadline for the whole attempt (manifest, rotations, every bin and object), through the
  // Clock: a base, plus one second per `deadline_rate` bytes the verified manifest and its bins
  // say are missing, so
  // a trickling server cannot stretch one attempt object by object, and a slow link still
  // completes a first sync of 10,000 guides.
  std::chrono::seconds attempt_deadline{60};
  std::size_t deadline_rate = 64u << 10;  // bytes per second the deadline allows for beyond the base
  // Objects fetched and verified at once, when the Fetcher allows it (Fetcher::max_parallel): a
  // first sync of 10,000 small objects is bound by round trips and hashing, not by bandwidth.
  int parallel_fetches = 4;
  int max_rotations = 64;  // key sets walked in one poll when several rotations were missed
  ManifestBounds bounds{};  // issued_at skew, maximum validity, maximum version jump
};

enum class SyncOutcome {
  not_modified,  // 304: the trusted manifest is still the current one
  unchanged,     // the same manifest again (a server without ETags)
  applied,       // a newer catalogue is now in force
  renewed,       // a newer timestamp vouches for the trusted manifest: fresh again, nothing else changed
};

struct SyncReport {
  SyncOutcome outcome = SyncOutcome::not_modified;
  std::int64_t catalogue_version = 0;
  int requests = 0;
  std::size_t bytes_fetched = 0;  // response bodies
  int bins_fetched = 0;  // bins/<sha256>.json this hall did not hold
  int objects_fetched = 0;
  int guides_inserted = 0, guides_removed = 0;
  int key_rotations = 0;
  // 政务公开 (syncer_publications.cpp)
  int notices_inserted = 0, notices_removed = 0;
  bool workdays_updated = false;
};

const char* to_string(SyncOutcome o);

class Syncer {
 public:
  Syncer(catalogue::CatalogueStore& store, Fetcher& fetcher, const Clock& clock, SyncOptions options);

  // Every refusal is recorded as the last error and leaves catalogue and trusted version as they were.
  SyncResult<SyncReport> sync_once();
  Result<SyncStatus> status() const;
  // POST /api/heartbeat through the Fetcher (PROTOCOL.md); `url` is the whole endpoint. `sign`
  // gives the headers that sign the body with the kiosk's own key (the central store refuses
  // unsigned heartbeats); the key stays in the composition root.
  using SignBody = std::function<Headers(const std::string& body)>;
  Result<void> send_heartbeat(const std::string& url, const std::string& kiosk_id, const std::string& printer_state,
                              const SignBody& sign = {});

 private:
  SyncResult<SyncReport> attempt(Instant now);
  // The timestamp role's poll: timestamp.json, then manifest.json only when it names another one.
  SyncResult<SyncReport> by_timestamp(Instant now, const SyncState& state, SyncState& next, KeySet keys,
                                      SyncReport& report);
  // A 304 to the trusted document's ETag: current, unless the trusted catalogue has expired.
  SyncResult<SyncReport> confirm(Instant now, const SyncState& state, SyncState& next, const std::string& name,
                                 SyncReport& report);
  static SyncResult<void> expect_200(const FetchResponse& response, const std::string& name);
  // The key set a fetched envelope names, walking signed rotations from `keys` when it is later.
  SyncResult<KeySet> keys_for(const FetchResponse& response, std::string_view format, const std::string& name,
                              KeySet keys, SyncReport& report);
  // Verifies the manifest (as vouched for, when a timestamp does), fetches what is missing, applies.
  SyncResult<SyncReport> take_manifest(Instant now, const SyncState& state, SyncState& next, const KeySet& keys,
                                       const std::string& body, const Vouch* vouch, SyncReport& report);
  // Runs `one(i, report)` for i in [0, count) on up to parallel_fetches workers (as the Fetcher
  // allows); the first refusal stops the others and is returned.
  SyncResult<void> for_each_fetch(std::size_t count,
                                  const std::function<SyncResult<void>(std::size_t, SyncReport&)>& one,
                                  SyncReport& report);
  SyncResult<std::vector<catalogue::PublishedGuide>> fetch_objects(const std::vector<const ManifestEntry*>& missing,
                                                                   SyncReport& report);
  // The manifest's entries: its bins' entries, from the bins this hall trusts or fetched and verified.
  SyncResult<std::vector<ManifestEntry>> entries_of(const Manifest& m, std::map<std::string, std::string>& bins,
                                                    SyncReport& report);
  SyncResult<catalogue::PublishedGuide> fetch_object(const ManifestEntry& entry, SyncReport& report);
  // What the manifest names beside the guides (syncer_publications.cpp): its notice index (the
  // one this hall trusts, `held_index`, or fetched and verified; added to `bins` once read) with the
  // notice objects this hall lacks, and its calendar when it is not the one held.
  struct Publications {
    bool notices_named = false;
    std::set<std::pair<std::string, int>> notices_wanted;
    std::vector<notices::Notice> notices_fresh;
    std::optional<std::string> workdays;  // a calendar to store
  };
  SyncResult<Publications> fetch_publications(const Manifest& m, const std::optional<std::string>& held_index,
                                              std::map<std::string, std::string>& bins, SyncReport& report);
  SyncResult<notices::Notice> fetch_notice(const NoticeEntry& entry, SyncReport& report);
  Result<void> apply_publications(storage::Database& db, const Publications& p, SyncReport& report);
  SyncResult<FetchResponse> fetch(const std::string& name, std::size_t max_bytes, std::chrono::milliseconds timeout,
                                  const std::string& if_none_match, SyncReport& report);
  SyncResult<KeySet> rotate_to(const KeySet& trusted, int target, SyncReport& report);
  std::string url_of(const std::string& name) const;
  std::string deadline_text() const;

  catalogue::CatalogueStore* store_;
  Fetcher* fetcher_;
  const Clock* clock_;
  SyncOptions options_;
  Instant deadline_{};             // of the attempt under way
  std::chrono::seconds budget_{};  // how long that attempt was given, for messages
};

// Pins the first publisher key set (trusted_keys.json, self-signed) into a hall's database.
// Pinning the set already trusted again is a no-op; replacing a different one is refused (new
// sets arrive by signed rotation). Returns the pinned key set version.
Result<int> pin_trusted_keys(storage::Database& db, std::string_view bytes, const std::string& file);

struct PollPolicy {
  std::chrono::seconds interval{300};
  std::chrono::seconds jitter{60};  // ± so a hall's kiosks, started together, do not poll together
};
Instant next_poll(Instant now, std::mt19937_64& rng, const PollPolicy& policy = {});

// {"kiosk_id", "catalogue_version", "last_good_sync", "last_error", "printer_state"}
std::string heartbeat_body(const SyncStatus& status, const std::string& kiosk_id, const std::string& printer_state);

}  // namespace hall::sync
