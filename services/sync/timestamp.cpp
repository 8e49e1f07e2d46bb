// SPDX-License-Identifier: Apache-2.0
#include "sync/timestamp.h"

#include <limits>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "sync/signed_fields.h"
#include "common/sha256.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;
constexpr std::string_view file = "timestamp.json";

SyncResult<Timestamp> parse_timestamp(std::string_view payload) {
  auto root = parse_untrusted(payload, timestamp_payload_limits, "timestamp.json: $.signed");
  if (!root) return std::unexpected(root.error());
  if (!root->is_object()) return refuse(Refusal::malformed, "timestamp.json: $.signed: expected a JSON object");
  Timestamp t;
  const auto bad = [](const char* what) { return refuse(Refusal::malformed, std::string("timestamp.json: $.signed.") + what); };
  const auto version = integer_at(*root, "version", 1, std::numeric_limits<std::int64_t>::max());
  if (!version) return bad("version: expected an integer ≥ 1");
  const auto catalogue = integer_at(*root, "catalogue_version", 1, std::numeric_limits<std::int64_t>::max());
  if (!catalogue) return bad("catalogue_version: expected an integer ≥ 1");
  const auto keys = integer_at(*root, "keys_version", 1, 1'000'000);
  if (!keys) return bad("keys_version: expected an integer ≥ 1");
  const auto hash = root->find("manifest_sha256");
  if (hash == root->end() || !hash->is_string() || !is_hash(hash->get<std::string>())) {
    return bad("manifest_sha256: expected 64 lower-case hex digits");
  }
  const auto issued = time_at(*root, "issued_at");
  if (!issued) return bad("issued_at: expected an RFC 3339 time with an offset");
  const auto expires = time_at(*root, "expires_at");
  if (!expires) return bad("expires_at: expected an RFC 3339 time with an offset");
  t.version = *version;
  t.catalogue_version = *catalogue;
  t.keys_version = static_cast<int>(*keys);
  t.manifest_sha256 = hash->get<std::string>();
  t.issued_at = *issued;
  t.expires_at = *expires;
  return t;
}

SyncResult<void> check_bounds(const Timestamp& t, Instant now, const ManifestBounds& bounds) {
  if (t.issued_at > now + bounds.max_clock_skew) {
    return refuse(Refusal::issued_in_future, "timestamp.json: $.signed.issued_at: " + format_rfc3339_utc(t.issued_at) +
                                                 " is more than " + std::to_string(bounds.max_clock_skew.count()) +
                                                 " s ahead of this kiosk's clock (now " + format_rfc3339_utc(now) + ")");
  }
  if (t.expires_at - t.issued_at > bounds.max_timestamp_validity) {
    return refuse(Refusal::validity_too_long,
                  "timestamp.json: $.signed.expires_at: " + format_rfc3339_utc(t.expires_at) + " is valid for " +
                      std::to_string((t.expires_at - t.issued_at).count() / 3600) + " hours, more than the " +
                      std::to_string(bounds.max_timestamp_validity.count() / 3600) + " hours this kiosk accepts");
  }
  return {};
}

SyncResult<void> check_version(const Timestamp& t, const std::string& hash, const TrustedTimestamp& trusted) {
  if (t.version < trusted.version) {
    return refuse(Refusal::rollback, "timestamp.json: $.signed.version: " + std::to_string(t.version) +
                                         " is lower than the trusted timestamp version " +
                                         std::to_string(trusted.version));
  }
  if (t.version == trusted.version && hash != trusted.hash) {
    return refuse(Refusal::replay, "timestamp.json: version " + std::to_string(t.version) +
                                       " is already trusted with other content: an old or conflicting timestamp");
  }
  if (t.catalogue_version < trusted.catalogue_version) {
    return refuse(Refusal::rollback, "timestamp.json: $.signed.catalogue_version: names catalogue version " +
                                         std::to_string(t.catalogue_version) + ", lower than the trusted " +
                                         std::to_string(trusted.catalogue_version));
  }
  return {};
}

}  // namespace

SyncResult<VerifiedTimestamp> verify_timestamp(std::string_view bytes, const KeySet& keys,
                                               const TrustedTimestamp& trusted, Instant now,
                                               const ManifestBounds& bounds) {
  auto env = parse_envelope(bytes, timestamp_format, file);
  if (!env) return std::unexpected(env.error());
  if (keys.timestamp_keys.empty()) {
    return refuse(Refusal::unknown_key, "timestamp.json: key set " + std::to_string(keys.version) +
                                            " authorises no timestamp key");
  }
  // Only the timestamp keys count: the publisher key signs content, never freshness.
  if (auto r = check_signatures(*env, timestamp_signers(keys), file); !r) return std::unexpected(r.error());
  auto t = parse_timestamp(env->signed_payload);
  if (!t) return std::unexpected(t.error());
  if (t->keys_version != keys.version) {
    return refuse(Refusal::unknown_key, "timestamp.json: $.signed.keys_version: names key set " +
                                            std::to_string(t->keys_version) + ", but it was verified with key set " +
                                            std::to_string(keys.version));
  }
  VerifiedTimestamp out{std::move(*t), sha256_hex(env->signed_payload), false};
  if (auto r = check_bounds(out.timestamp, now, bounds); !r) return std::unexpected(r.error());
  const bool reset = trusted.keys_version > 0 && keys.version > trusted.keys_version;
  if (!reset) {
    if (auto r = check_version(out.timestamp, out.hash, trusted); !r) return std::unexpected(r.error());
    out.same = out.timestamp.version == trusted.version;
  }
  if (out.timestamp.expires_at <= now) {
    return refuse(Refusal::expired, "timestamp.json: $.signed.expires_at: timestamp version " +
                                        std::to_string(out.timestamp.version) + " expired at " +
                                        format_rfc3339_utc(out.timestamp.expires_at) + " (now " +
                                        format_rfc3339_utc(now) + "); keeping the last good catalogue");
  }
  return out;
}

std::string timestamp_payload(const Timestamp& t) {
  return Json{{"version", t.version},
              {"catalogue_version", t.catalogue_version},
              {"manifest_sha256", t.manifest_sha256},
              {"issued_at", format_rfc3339_utc(t.issued_at)},
              {"expires_at", format_rfc3339_utc(t.expires_at)},
              {"keys_version", t.keys_version}}
      .dump();
}

}  // namespace hall::sync
