// SPDX-License-Identifier: Apache-2.0
#pragma once
// timestamp.json (TUF's timestamp role): a short-lived statement, signed by an online key that can
// sign nothing else, that a given manifest is still the current one. It lets the central store
// keep every hall fresh through a quiet week without the publisher key, which can stay offline.
// Pure: bytes, a key set and a time in, a verified value or a named refusal out.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "sync/signed_envelope.h"
#include "sync/verifier.h"

namespace hall::sync {

struct Timestamp {
  std::int64_t version = 0;  // rises by one at every renewal: an older timestamp is a rollback
  std::int64_t catalogue_version = 0;
  std::string manifest_sha256;  // the named manifest's identity: SHA-256 of its signed payload
  Instant issued_at, expires_at;
  int keys_version = 1;  // the key set whose timestamp keys signed it
};

// The timestamp a hall last accepted.
struct TrustedTimestamp {
  std::int64_t version = 0;  // 0: none yet
  std::string hash;          // SHA-256 of its signed payload
  int keys_version = 0;      // the key set that verified it; a later one resets the version checks
  std::int64_t catalogue_version = 0;  // of the trusted manifest: a timestamp naming a lower one is a rollback
};

struct VerifiedTimestamp {
  Timestamp timestamp;
  std::string hash;
  bool same = false;  // the very timestamp already trusted
};

// Envelope hallkiosk.timestamp/1; a signature by one of `keys`'s timestamp keys (a publisher key's
// counts for nothing); payload shape; keys_version; bounds (issued_at skew, validity at most
// bounds.max_timestamp_validity); version (rollback, replay) and the catalogue version it names
// (rollback), unless a later key set resets them; then expiry (expired).
SyncResult<VerifiedTimestamp> verify_timestamp(std::string_view bytes, const KeySet& keys,
                                               const TrustedTimestamp& trusted, Instant now,
                                               const ManifestBounds& bounds = {});

// The payload the central store signs (the inverse of what verify_timestamp reads).
std::string timestamp_payload(const Timestamp& t);

}  // namespace hall::sync
