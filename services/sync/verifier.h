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

// Checks in the protocol's order: envelope, signatures by `keys`, payload shape, the key set it
// names, version (rollback / replay), then expiry against `now` (expired: frozen).
SyncResult<VerifiedManifest> verify_manifest(std::string_view bytes, const KeySet& keys,
                                             const TrustedCatalogue& trusted, Instant now);

// A fetched object: exact length, SHA-256, a valid guide whose id, version and effective_from
// are those of the manifest entry.
SyncResult<catalogue::Guide> verify_object(const ManifestEntry& entry, std::string_view bytes);

}  // namespace hall::sync
