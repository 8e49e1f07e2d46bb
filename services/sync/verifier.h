// SPDX-License-Identifier: Apache-2.0
#pragma once
// The verification engine: bytes and a time in, a verified value or a named refusal out. No I/O,
// so every attack is a table row (tests/services/sync_attack_test.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "catalogue/guide.h"
#include "common/clock.h"
#include "sync/manifest.h"
#include "sync/signed_envelope.h"

namespace hall::sync {

// What the kiosk last accepted.
struct TrustedCatalogue {
  std::int64_t version = 0;   // 0: nothing accepted yet
  std::string manifest_hash;  // SHA-256 of the accepted manifest's signed payload bytes
  std::optional<Instant> issued_at;
  // The key set that verified it (0: unknown). A manifest verified by a later key set resets the
  // version checks: the way back from a fast-forward (PROTOCOL.md, "Bounds and the way back").
  int keys_version = 0;
};

// Bounds on signed values, so one bad (or stolen-key) manifest cannot lock out every genuine one.
struct ManifestBounds {
  std::chrono::seconds max_clock_skew{5 * 60};        // issued_at at most this far ahead of now
  std::chrono::seconds max_validity{31 * 24 * 3600};  // expires_at - issued_at
  std::int64_t max_version_jump = 1'000'000;          // above the trusted catalogue_version
  // A timestamp is short-lived by design (the store signs 1 day); a longer one is what a stolen
  // timestamp key would sign to keep a frozen catalogue looking fresh.
  std::chrono::seconds max_timestamp_validity{7 * 24 * 3600};
};

enum class ManifestNews {
  newer,  // a higher catalogue version: fetch and apply
  same,   // the very manifest already trusted: nothing to do
};

struct VerifiedManifest {
  Manifest manifest;
  std::string hash;  // SHA-256 of the signed payload bytes (never of the envelope around them)
  ManifestNews news = ManifestNews::newer;
};

// What a verified timestamp vouches for (sync/timestamp.h): the manifest of this identity and
// version is current until `expires_at`.
struct Vouch {
  std::int64_t catalogue_version = 0;
  std::string manifest_sha256;
  Instant expires_at;
};

// Checks in the protocol's order: envelope, signatures by `keys`, payload shape, the key set it
// names, bounds (issued_at not ahead of now beyond the skew, validity, version jump), version
// (rollback / replay, unless a later key set resets them), then expiry against `now` (frozen).
// With a `vouch`, the manifest must be the one it names (timestamp_mismatch), and its freshness
// is the timestamp's: the manifest's own expires_at no longer freezes it.
SyncResult<VerifiedManifest> verify_manifest(std::string_view bytes, const KeySet& keys,
                                             const TrustedCatalogue& trusted, Instant now,
                                             const ManifestBounds& bounds = {}, const Vouch* vouch = nullptr);

// A fetched bin: exact length and SHA-256 as the verified manifest names it, checked before a
// byte is parsed; then its entries (parse_bin): each guide in this bin, none twice.
SyncResult<std::vector<ManifestEntry>> verify_bin(const BinRef& bin, std::string_view bytes);

// A fetched object: exact length, SHA-256, a valid guide whose id, version and effective_from
// are those of the manifest entry.
SyncResult<catalogue::Guide> verify_object(const ManifestEntry& entry, std::string_view bytes);

}  // namespace hall::sync
