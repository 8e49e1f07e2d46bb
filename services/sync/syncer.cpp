// SPDX-License-Identifier: Apache-2.0
#include "sync/syncer.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "catalogue/guide_search_terms.h"
#include "common/rfc3339.h"
#include "common/sha256.h"
#include "sync/signed_envelope.h"
#include "sync/timestamp.h"
#include "sync/verifier.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;

Refusal refusal_for_fetch(FetchFailure f) {
  switch (f) {
    case FetchFailure::too_long:
      return Refusal::too_long;
    case FetchFailure::truncated:
      return Refusal::truncated;
    case FetchFailure::unreachable:
    case FetchFailure::timed_out:
    case FetchFailure::bad_url:
      return Refusal::unreachable;
  }
  return Refusal::unreachable;
}

SyncResult<KeySet> trusted_keys(const SyncState& state) {
  if (state.keys_version == 0) {
    return refuse(
        Refusal::no_trusted_keys,
        "no publisher key set is pinned in this hall's data folder; run: hallctl sync --trust trusted_keys.json");
  }
  auto set = parse_key_set(state.keys_payload, "the pinned key set");
  if (!set) return set;
  if (set->version != state.keys_version) {
    return refuse(Refusal::storage, "the pinned key set says version " + std::to_string(set->version) +
                                        ", the sync state " + std::to_string(state.keys_version));
  }
  return set;
}

// The trusted manifest's identity: SHA-256 of its signed payload. Derived from the stored bytes
// (verified when they were accepted), so a hall that recorded the hash of the whole file before
// identity meant the payload keeps its manifest instead of refusing it as a replay.
std::string trusted_identity(const SyncState& state) {
  if (state.manifest.empty()) return state.manifest_hash;
  auto env = parse_envelope(state.manifest, manifest_format, "the trusted manifest");
  return env ? sha256_hex(env->signed_payload) : state.manifest_hash;
}

}  // namespace

const char* to_string(SyncOutcome o) {
  switch (o) {
    case SyncOutcome::not_modified:
      return "not_modified";
    case SyncOutcome::unchanged:
      return "unchanged";
    case SyncOutcome::applied:
      return "applied";
    case SyncOutcome::renewed:
      return "renewed";
  }
  return "unknown";
}

Syncer::Syncer(catalogue::CatalogueStore& store, Fetcher& fetcher, const Clock& clock, SyncOptions options)
    : store_(&store), fetcher_(&fetcher), clock_(&clock), options_(std::move(options)) {
  while (options_.base_url.ends_with('/')) options_.base_url.pop_back();
}

std::string Syncer::url_of(const std::string& name) const {
  return options_.base_url + "/" + name;
}

SyncResult<SyncReport> Syncer::sync_once() {
  const Instant now = clock_->now();
  auto report = attempt(now);
  if (!report)
    (void)record_sync_failure(store_->database(), report.error(), now);  // best effort: the refusal matters more
  return report;
}

SyncResult<FetchResponse> Syncer::fetch(const std::string& name, std::size_t max_bytes,
                                        std::chrono::milliseconds timeout, const std::string& if_none_match,
                                        SyncReport& report) {
  const auto left = deadline_ - clock_->now();
  if (left <= std::chrono::seconds::zero()) return refuse(Refusal::deadline, name + ": " + deadline_text());
  FetchRequest request;
  request.url = url_of(name);
  request.if_none_match = if_none_match;
  request.max_bytes = max_bytes;
  request.timeout = std::min(timeout, std::chrono::duration_cast<std::chrono::milliseconds>(left));
  ++report.requests;
  auto response = fetcher_->get(request);
  if (clock_->now() >= deadline_) {
    return refuse(Refusal::deadline,
                  name + ": " + deadline_text() + (response ? std::string() : " (" + response.error().error.message + ")"));
  }
  if (!response) {
    return refuse(refusal_for_fetch(response.error().kind), name + ": " + response.error().error.message);
  }
  report.bytes_fetched += response->body.size();
  return std::move(*response);
}

std::string Syncer::deadline_text() const {
  return "the sync attempt ran past its deadline of " + std::to_string(budget_.count()) + " s (" +
         std::to_string(options_.attempt_deadline.count()) + " s, plus 1 s per " +
         std::to_string(options_.deadline_rate) + " bytes to fetch); keeping the last good catalogue";
}

SyncResult<KeySet> Syncer::rotate_to(const KeySet& trusted, int target, SyncReport& report) {
  if (target - trusted.version > options_.max_rotations) {
    return refuse(Refusal::rotation_version, "manifest.json names key set " + std::to_string(target) + ", more than " +
                                                 std::to_string(options_.max_rotations) +
                                                 " rotations past the trusted set " + std::to_string(trusted.version));
  }
  KeySet current = trusted;
  while (current.version < target) {
    std::string name = "keys/" + std::to_string(current.version + 1) + ".json";
    auto r = fetch(name, options_.keys_max_bytes, options_.manifest_timeout, {}, report);
    if (r && r->status == 404 && current.version + 1 == target) {
      name = "keys.json";  // a server that keeps only the newest set
      r = fetch(name, options_.keys_max_bytes, options_.manifest_timeout, {}, report);
    }
    if (!r) return std::unexpected(r.error());
    if (r->status != 200) return refuse(Refusal::http_status, name + ": HTTP " + std::to_string(r->status));
    auto next = accept_key_rotation(r->body, current, name);
    if (!next) return next;
    current = std::move(*next);
    ++report.key_rotations;
  }
  return current;
}

SyncResult<SyncReport> Syncer::attempt(Instant now) {
  auto state = load_sync_state(store_->database());
  if (!state) return refuse(Refusal::storage, state.error());
  auto keys = trusted_keys(*state);
  if (!keys) return std::unexpected(keys.error());

  budget_ = options_.attempt_deadline;
  deadline_ = clock_->now() + budget_;
  SyncReport report;
  report.catalogue_version = state->catalogue_version;
  SyncState next = *state;
  next.last_attempt = now;
  next.last_error.clear();
  next.last_error_reason.clear();
  next.last_good_sync = now;
  // A key set that authorises timestamp keys makes timestamp.json the freshness: it is polled
  // first, and the manifest is fetched only when the timestamp names another one.
  if (!keys->timestamp_keys.empty()) return by_timestamp(now, *state, next, std::move(*keys), report);

  auto response = fetch("manifest.json", options_.manifest_max_bytes, options_.manifest_timeout,
                        state->catalogue_version > 0 ? state->manifest_etag : std::string(), report);
  if (!response) return std::unexpected(response.error());
  if (response->status == 304 && !state->manifest_etag.empty()) return confirm(now, *state, next, "manifest.json", report);
  if (auto r = expect_200(*response, "manifest.json"); !r) return std::unexpected(r.error());
  auto signer = keys_for(*response, manifest_format, "manifest.json", std::move(*keys), report);
  if (!signer) return std::unexpected(signer.error());
  if (!signer->timestamp_keys.empty()) {
    // A rotation just authorised a timestamp key: from now on only a timestamp vouches.
    return by_timestamp(now, *state, next, std::move(*signer), report);
  }
  next.manifest_etag = response->etag;
  return take_manifest(now, *state, next, *signer, response->body, nullptr, report);
}

SyncResult<SyncReport> Syncer::by_timestamp(Instant now, const SyncState& state, SyncState& next, KeySet keys,
                                            SyncReport& report) {
  auto response = fetch("timestamp.json", options_.timestamp_max_bytes, options_.manifest_timeout,
                        state.catalogue_version > 0 ? state.timestamp_etag : std::string(), report);
  if (!response) return std::unexpected(response.error());
  if (response->status == 304 && !state.timestamp_etag.empty()) {
    return confirm(now, state, next, "timestamp.json", report);
  }
  if (auto r = expect_200(*response, "timestamp.json"); !r) return std::unexpected(r.error());
  auto signer = keys_for(*response, timestamp_format, "timestamp.json", std::move(keys), report);
  if (!signer) return std::unexpected(signer.error());
  if (signer->timestamp_keys.empty()) {
    return refuse(Refusal::unknown_key, "timestamp.json: key set " + std::to_string(signer->version) +
                                            " authorises no timestamp key");
  }
  const TrustedTimestamp trusted{state.timestamp_version, state.timestamp_hash, state.keys_version,
                                 state.catalogue_version};
  auto ts = verify_timestamp(response->body, *signer, trusted, now, options_.bounds);
  if (!ts) return std::unexpected(ts.error());
  const Timestamp& t = ts->timestamp;
  next.timestamp_version = t.version;
  next.timestamp_hash = ts->hash;
  next.timestamp_etag = response->etag;
  next.expires_at = t.expires_at;
  const Vouch vouch{t.catalogue_version, t.manifest_sha256, t.expires_at};
  if (signer->version == state.keys_version && t.catalogue_version == state.catalogue_version &&
      t.manifest_sha256 == trusted_identity(state)) {
    // The trusted manifest is still the current one: only its freshness moves.
    report.outcome = ts->same ? SyncOutcome::unchanged : SyncOutcome::renewed;
    if (auto r = save_sync_state(store_->database(), next); !r) return refuse(Refusal::storage, r.error());
    return report;
  }
  auto manifest = fetch("manifest.json", options_.manifest_max_bytes, options_.manifest_timeout, {}, report);
  if (!manifest) return std::unexpected(manifest.error());
  if (auto r = expect_200(*manifest, "manifest.json"); !r) return std::unexpected(r.error());
  auto content = keys_for(*manifest, manifest_format, "manifest.json", std::move(*signer), report);
  if (!content) return std::unexpected(content.error());
  next.manifest_etag = manifest->etag;
  return take_manifest(now, state, next, *content, manifest->body, &vouch, report);
}

SyncResult<SyncReport> Syncer::confirm(Instant now, const SyncState& state, SyncState& next, const std::string& name,
                                       SyncReport& report) {
  if (state.expires_at && *state.expires_at <= now) {
    return refuse(Refusal::expired, name + ": unchanged (304), and the trusted catalogue version " +
                                        std::to_string(state.catalogue_version) + " expired at " +
                                        format_rfc3339_utc(*state.expires_at) + "; keeping it");
  }
  if (auto r = save_sync_state(store_->database(), next); !r) return refuse(Refusal::storage, r.error());
  return report;
}

SyncResult<void> Syncer::expect_200(const FetchResponse& response, const std::string& name) {
  if (response.status == 304) {
    return refuse(Refusal::http_status, name + ": HTTP 304 to a request without If-None-Match (after a refusal only a "
                                               "verified " + name + " confirms the catalogue)");
  }
  if (response.status != 200) return refuse(Refusal::http_status, name + ": HTTP " + std::to_string(response.status));
  return {};
}

SyncResult<KeySet> Syncer::keys_for(const FetchResponse& response, std::string_view format, const std::string& name,
                                    KeySet keys, SyncReport& report) {
  // Which key set signed it is read before the signature can be checked, only to know which
  // rotations to walk; each rotation is verified against the set before it.
  auto env = parse_envelope(response.body, format, name);
  if (!env) return std::unexpected(env.error());
  auto named = peek_keys_version(*env, name);
  if (!named) return std::unexpected(named.error());
  if (*named <= keys.version) return keys;
  return rotate_to(keys, *named, report);
}

SyncResult<SyncReport> Syncer::take_manifest(Instant now, const SyncState& state, SyncState& next, const KeySet& keys,
                                             const std::string& body, const Vouch* vouch, SyncReport& report) {
  const TrustedCatalogue trusted{state.catalogue_version, trusted_identity(state), state.issued_at,
                                 state.keys_version};
  auto verified = verify_manifest(body, keys, trusted, now, options_.bounds, vouch);
  if (!verified) return std::unexpected(verified.error());
  if (verified->news == ManifestNews::same) {
    report.outcome = SyncOutcome::unchanged;
    next.manifest_hash = verified->hash;  // a hall that stored the whole file's hash moves to the payload's
    if (auto r = save_sync_state(store_->database(), next); !r) return refuse(Refusal::storage, r.error());
    return report;
  }

  const Manifest& m = verified->manifest;
  auto held = load_trusted_bins(store_->database());
  if (!held) return refuse(Refusal::storage, held.error());
  // The notice index this hall trusts, if the manifest names it again (entries_of keeps only the guides' bins).
  std::optional<std::string> held_index;
  if (m.notices) {
    if (const auto it = held->find(m.notices->hash); it != held->end()) held_index = it->second;
  }
  std::map<std::string, std::string> bins = std::move(*held);
  auto listed = entries_of(m, bins, report);
  if (!listed) return std::unexpected(listed.error());
  const std::vector<ManifestEntry>& entries = *listed;

  auto stored = store_->stored_versions();
  if (!stored) return refuse(Refusal::storage, stored.error());
  std::set<std::tuple<std::string, int, std::string>> have;
  for (auto& v : *stored) have.emplace(std::move(v.guide_id), v.version, std::move(v.hash));

  std::uint64_t missing_bytes = 0;
  for (const auto& e : entries) {
    if (!have.contains({e.id, e.version, e.hash})) missing_bytes += e.length;
  }
  const std::chrono::seconds extra{missing_bytes / std::max<std::size_t>(options_.deadline_rate, 1)};
  budget_ += extra;
  deadline_ += extra;

  std::vector<catalogue::PublishedVersion> wanted;
  std::vector<const ManifestEntry*> missing;
  wanted.reserve(entries.size());
  for (const auto& e : entries) {
    wanted.push_back({e.id, e.version, e.hash});
    if (!have.contains({e.id, e.version, e.hash})) missing.push_back(&e);
  }
  auto fresh = fetch_objects(missing, report);
  if (!fresh) return std::unexpected(fresh.error());
  auto publications = fetch_publications(m, held_index, bins, report);
  if (!publications) return std::unexpected(publications.error());

  next.keys_version = keys.version;
  next.keys_payload = keys.payload;
  next.catalogue_version = m.catalogue_version;
  next.manifest = body;
  next.manifest_hash = verified->hash;
  next.issued_at = m.issued_at;
  next.expires_at = vouch ? vouch->expires_at : m.expires_at;
  auto applied = store_->replace_published(wanted, *fresh, [&](storage::Database& db) -> Result<void> {
    if (auto r = save_sync_state(db, next); !r) return r;
    if (auto r = apply_publications(db, *publications, report); !r) return r;
    return save_trusted_bins(db, bins);
  });
  if (!applied) return refuse(Refusal::storage, applied.error());
  report.outcome = SyncOutcome::applied;
  report.catalogue_version = m.catalogue_version;
  report.guides_inserted = applied->inserted;
  report.guides_removed = applied->removed;
  return report;
}

SyncResult<catalogue::PublishedGuide> Syncer::fetch_object(const ManifestEntry& e, SyncReport& report) {
  const std::string name = "objects/" + e.hash + ".json";
  auto object = fetch(name, e.length, options_.object_timeout, {}, report);
  if (!object) return std::unexpected(object.error());
  if (object->status != 200) {
    return refuse(Refusal::http_status, name + " (guide " + e.id + "): HTTP " + std::to_string(object->status));
  }
  ++report.objects_fetched;
  auto guide = verify_object(e, object->body);
  if (!guide) return std::unexpected(guide.error());
  // Its search terms (pinyin) here, on the fetch worker, rather than inside the apply transaction.
  auto terms = catalogue::search_terms_for(*guide);
  return catalogue::PublishedGuide{std::move(*guide), e.hash, std::move(terms)};
}

SyncResult<void> Syncer::for_each_fetch(std::size_t count,
                                        const std::function<SyncResult<void>(std::size_t, SyncReport&)>& one,
                                        SyncReport& report) {
  const auto workers = static_cast<std::size_t>(
      std::clamp(std::min(options_.parallel_fetches, fetcher_->max_parallel()), 1, 16));
  if (workers == 1 || count < 2) {
    for (std::size_t i = 0; i < count; ++i) {
      if (auto r = one(i, report); !r) return r;
    }
    return {};
  }
  // Each worker takes the next index; the first refusal stops the others (the attempt is refused
  // whole, so what they would fetch is wasted).
  std::vector<SyncReport> partial(workers);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex failure_mutex;
  std::optional<SyncError> failure;
  {
    std::vector<std::jthread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
      pool.emplace_back([&, w] {
        for (std::size_t i = next++; i < count && !stop; i = next++) {
          if (auto r = one(i, partial[w]); !r) {
            const std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::move(r.error());
            stop = true;
            return;
          }
        }
      });
    }
  }
  for (const auto& p : partial) {
    report.requests += p.requests;
    report.bytes_fetched += p.bytes_fetched;
    report.bins_fetched += p.bins_fetched;
    report.objects_fetched += p.objects_fetched;
  }
  if (failure) return std::unexpected(std::move(*failure));
  return {};
}

SyncResult<std::vector<catalogue::PublishedGuide>> Syncer::fetch_objects(const std::vector<const ManifestEntry*>& missing,
                                                                         SyncReport& report) {
  std::vector<std::optional<catalogue::PublishedGuide>> slots(missing.size());
  auto fetched = for_each_fetch(
      missing.size(),
      [&](std::size_t i, SyncReport& r) -> SyncResult<void> {
        auto one = fetch_object(*missing[i], r);
        if (!one) return std::unexpected(one.error());
        slots[i] = std::move(*one);
        return {};
      },
      report);
  if (!fetched) return std::unexpected(fetched.error());
  std::vector<catalogue::PublishedGuide> fresh;
  fresh.reserve(missing.size());
  for (auto& slot : slots) fresh.push_back(std::move(*slot));
  return fresh;
}

SyncResult<std::vector<ManifestEntry>> Syncer::entries_of(const Manifest& m, std::map<std::string, std::string>& bins,
                                                          SyncReport& report) {
  std::vector<const BinRef*> missing;
  std::uint64_t missing_bytes = 0;
  for (const auto& b : m.bins) {
    if (!bins.contains(b.hash)) {
      missing.push_back(&b);
      missing_bytes += b.length;
    }
  }
  const std::chrono::seconds extra{missing_bytes / std::max<std::size_t>(options_.deadline_rate, 1)};
  budget_ += extra;
  deadline_ += extra;
  // Each fetched bin is checked against the signed manifest (length, SHA-256) before it is parsed.
  std::vector<std::string> bodies(missing.size());
  std::vector<std::vector<ManifestEntry>> parsed(missing.size());
  auto fetched = for_each_fetch(
      missing.size(),
      [&](std::size_t i, SyncReport& r) -> SyncResult<void> {
        const BinRef& b = *missing[i];
        const std::string name = bin_file(b);
        auto got = fetch(name, b.length, options_.object_timeout, {}, r);
        if (!got) return std::unexpected(got.error());
        if (got->status != 200) {
          return refuse(Refusal::http_status, name + " (bin " + std::to_string(b.bin) + "): HTTP " +
                                                  std::to_string(got->status));
        }
        ++r.bins_fetched;
        auto v = verify_bin(b, got->body);
        if (!v) return std::unexpected(v.error());
        parsed[i] = std::move(*v);
        bodies[i] = std::move(got->body);
        return {};
      },
      report);
  if (!fetched) return std::unexpected(fetched.error());

  std::map<std::string, std::string> kept;
  std::map<std::string, std::size_t> fresh;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    kept.emplace(missing[i]->hash, std::move(bodies[i]));
    fresh.emplace(missing[i]->hash, i);
  }
  std::vector<ManifestEntry> entries;
  for (const auto& b : m.bins) {
    if (const auto f = fresh.find(b.hash); f != fresh.end()) {
      for (auto& e : parsed[f->second]) entries.push_back(std::move(e));
      continue;
    }
    auto& body = kept.emplace(b.hash, std::move(bins.at(b.hash))).first->second;
    auto one = parse_bin(b, body);
    if (!one) {
      return refuse(Refusal::storage, "the trusted " + bin_file(b) + " no longer reads: " + one.error().error.message);
    }
    for (auto& e : *one) entries.push_back(std::move(e));
  }
  bins = std::move(kept);  // what the hall trusts once this manifest is applied
  return entries;
}

Result<SyncStatus> Syncer::status() const {
  auto state = load_sync_state(store_->database());
  if (!state) return std::unexpected(state.error());
  return sync_status(*state, clock_->now());
}

Result<void> Syncer::send_heartbeat(const std::string& url, const std::string& kiosk_id,
                                    const std::string& printer_state, const SignBody& sign) {
  auto s = status();
  if (!s) return std::unexpected(s.error());
  FetchRequest request;
  request.url = url;
  request.max_bytes = 64u << 10;
  request.headers = {{"Content-Type", "application/json"}};
  const std::string body = heartbeat_body(*s, kiosk_id, printer_state);
  if (sign) {
    for (auto& h : sign(body)) request.headers.push_back(std::move(h));
  }
  auto response = fetcher_->post(request, body);
  if (!response) return std::unexpected(response.error().error);
  if (response->status < 200 || response->status >= 300) {
    return fail(ErrorCode::unavailable, url + ": heartbeat answered HTTP " + std::to_string(response->status));
  }
  return {};
}

Result<int> pin_trusted_keys(storage::Database& db, std::string_view bytes, const std::string& file) {
  auto set = read_initial_key_set(bytes, file);
  if (!set) return std::unexpected(set.error().error);
  auto state = load_sync_state(db);
  if (!state) return std::unexpected(state.error());
  if (state->keys_version != 0) {
    if (state->keys_payload == set->payload) return set->version;
    return fail(ErrorCode::conflict, file + ": this hall already trusts publisher key set " +
                                         std::to_string(state->keys_version) +
                                         "; a new key set is accepted only by a signed rotation during sync");
  }
  state->keys_version = set->version;
  state->keys_payload = set->payload;
  if (auto r = save_sync_state(db, *state); !r) return std::unexpected(r.error());
  return set->version;
}

Instant next_poll(Instant now, std::mt19937_64& rng, const PollPolicy& policy) {
  const auto j = policy.jitter.count();
  std::uniform_int_distribution<std::int64_t> spread(-j, j);
  auto wait = policy.interval + std::chrono::seconds{spread(rng)};
  if (wait < std::chrono::seconds{1}) wait = std::chrono::seconds{1};
  return now + wait;
}

std::string heartbeat_body(const SyncStatus& status, const std::string& kiosk_id, const std::string& printer_state) {
  Json body = {{"kiosk_id", kiosk_id},
               {"catalogue_version", status.catalogue_version},
               {"last_good_sync", nullptr},
               {"last_error", status.last_error},
               {"printer_state", printer_state}};
  if (status.last_good_sync) body["last_good_sync"] = format_rfc3339_utc(*status.last_good_sync);
  return body.dump();
}

}  // namespace hall::sync
