// SPDX-License-Identifier: Apache-2.0
#pragma once
// The signed envelope of manifest.json and keys.json, and publisher key sets (PROTOCOL.md).
// Pure functions over bytes: no files, no network, no clock.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/hex.h"
#include "common/json_guard.h"
#include "sync/sync_error.h"

namespace hall::sync {

// /2: the manifest names bins (bins/<sha256>.json) instead of listing every guide. A kiosk and
// its central store are upgraded together; a /1 manifest is refused as wrong_format.
inline constexpr std::string_view manifest_format = "hallkiosk.manifest/2";
inline constexpr std::string_view bin_format = "hallkiosk.bin/1";
inline constexpr std::string_view keys_format = "hallkiosk.keys/1";
inline constexpr std::string_view timestamp_format = "hallkiosk.timestamp/1";

// What each untrusted document may be, checked before anything is built (common/json_guard).
// The envelope is a small object around one string: {format, signed, signatures: [{key_id, sig}]}.
inline constexpr std::size_t max_signatures = 64;
inline constexpr JsonLimits envelope_limits{std::size_t{16} << 20, 4, 2 + max_signatures};
// A manifest payload: {..., bins: [{bin, hash, length}], notices?: {hash, length}, workdays?: {hash,
// length}}, at most 256 bins (~25 KB).
inline constexpr JsonLimits manifest_payload_limits{std::size_t{1} << 20, 3, 4 + 256};
// The notice index: {format, notices: [{id, version, hash, length}]}.
inline constexpr JsonLimits notice_index_limits{std::size_t{16} << 20, 3, 2 + 200'000};
// A bin: {format, bin, guides: [{entry}]}; 200,000 entries in one bin is far above any hall's
// whole catalogue.
inline constexpr JsonLimits bin_limits{std::size_t{16} << 20, 3, 2 + 200'000};
// A key set payload: {version, threshold, keys: [{key_id, public}], timestamp_keys: [{key_id, public}]}.
inline constexpr JsonLimits key_set_payload_limits{std::size_t{64} << 10, 4, 3 + 256};
// A timestamp payload: one flat object.
inline constexpr JsonLimits timestamp_payload_limits{std::size_t{4} << 10, 1, 1};

// Parses untrusted bytes through the guard: too_long (size), too_deep (depth or container
// count) or malformed (not JSON), each message naming `file`.
SyncResult<nlohmann::ordered_json> parse_untrusted(std::string_view bytes, const JsonLimits& limits,
                                                   std::string_view file);

struct Signature {
  std::string key_id;  // 16 hex digits
  std::string sig;     // 64 raw bytes
};

struct Envelope {
  std::string format;
  std::string signed_payload;  // the exact bytes the signatures cover
  std::vector<Signature> signatures;
};

// A publisher key set: which keys may sign manifests and rotations, and how many of them must; and
// which online keys may sign timestamp.json (TUF's timestamp role) and nothing else.
struct KeySet {
  int version = 0;
  int threshold = 1;
  std::map<std::string, std::string> keys;  // key_id -> 32 raw bytes of the Ed25519 public key
  // Empty: the set authorises no timestamp, and the manifest's own expiry is its freshness.
  std::map<std::string, std::string> timestamp_keys;
  std::string payload;                      // the verified payload, as stored
};

// key_id = the first 8 bytes (16 hex digits) of SHA-256 of the 32-byte public key.
std::string key_id_of(std::string_view public_key_bytes);

// `file` names the document in every message ("manifest.json").
SyncResult<Envelope> parse_envelope(std::string_view bytes, std::string_view format, std::string_view file);

// The set whose only keys are `keys`'s timestamp keys (threshold 1), for check_signatures: a
// publisher key's signature on a timestamp then counts for nothing, as one of these on a manifest.
KeySet timestamp_signers(const KeySet& keys);

// At least `keys.threshold` valid signatures from distinct keys of the set. Signatures by keys
// outside the set are ignored; a trusted key with a wrong signature is bad_signature.
SyncResult<void> check_signatures(const Envelope& envelope, const KeySet& keys, std::string_view file);

// The payload of a key set envelope (not yet trusted: the caller checks the signatures).
SyncResult<KeySet> parse_key_set(std::string_view payload, std::string_view file);

// The first key set a hall trusts (trusted_keys.json): signed by itself.
SyncResult<KeySet> read_initial_key_set(std::string_view bytes, std::string_view file);

// A new key set, accepted only when signed by `current` and numbered current.version + 1.
SyncResult<KeySet> accept_key_rotation(std::string_view bytes, const KeySet& current, std::string_view file);

// Reads "keys_version" from an envelope's payload before its signatures are checked, so the
// caller knows which key set to fetch first. Nothing else of the payload is trusted here.
SyncResult<int> peek_keys_version(const Envelope& envelope, std::string_view file);


}  // namespace hall::sync
