// SPDX-License-Identifier: Apache-2.0
// The central store's timestamp role: timestamp.json, signed by the online timestamp key alone, says
// which manifest is current until when. It is renewed on a timer and at every publish, so a quiet
// week never freezes a hall, and the publisher key is read only to publish or rotate.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "central/central_store.h"
#include "common/sha256.h"
#include "sync/timestamp.h"

namespace hall::central {
namespace {

constexpr const char* timestamp_format = "hallkiosk.timestamp/1";

// The identity a kiosk gives the manifest: SHA-256 of its signed payload, never of the file.
Result<std::string> manifest_identity(const std::string& envelope) {
  const auto env = nlohmann::json::parse(envelope, nullptr, false);
  if (!env.is_object() || !env.contains("signed") || !env["signed"].is_string()) {
    return fail(ErrorCode::corrupt, "the stored manifest is not a signed envelope");
  }
  return sha256_hex(env["signed"].get<std::string>());
}

}  // namespace

Result<KeyPair> CentralStore::timestamp_key() {
  const std::string file = dir_ + "/signing/timestamp.key";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return fail(ErrorCode::not_found, file + ": no timestamp key (a store made before the timestamp role gains one "
                                             "at its next `hallctl central rotate-key`)");
  }
  return read_secret_key_file(file);
}

Result<KeyPair> CentralStore::timestamp_key_for_rotation() {
  auto key = timestamp_key();
  if (key || key.error().code != ErrorCode::not_found) return key;
  const KeyPair made = generate_key_pair();
  if (auto r = write_key_files(dir_ + "/signing/timestamp.key", made); !r) return std::unexpected(r.error());
  return made;
}

Result<std::int64_t> CentralStore::renew_timestamp(const std::string& actor) {
  auto renewed = audit_refusal(renew_timestamp_locked(), actor, "renew-timestamp", "timestamp");
  if (renewed) (void)audit(actor, "renew-timestamp", "timestamp " + std::to_string(*renewed), "ok");
  return renewed;
}

Result<std::int64_t> CentralStore::renew_timestamp_locked() {
  auto key = timestamp_key();
  if (!key) return std::unexpected(key.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto catalogue = catalogue_version();
  if (!catalogue) return std::unexpected(catalogue.error());
  if (*catalogue == 0) return fail(ErrorCode::not_found, "nothing is published yet: no manifest to vouch for");
  auto manifest = state("manifest");
  if (!manifest) return std::unexpected(manifest.error());
  auto identity = manifest_identity(*manifest);
  if (!identity) return std::unexpected(identity.error());
  auto keys = keys_version();
  if (!keys) return std::unexpected(keys.error());
  std::int64_t previous = 0;
  if (auto v = state("timestamp_version"); v) {
    previous = std::stoll(*v);
  } else if (v.error().code != ErrorCode::not_found) {
    return std::unexpected(v.error());
  }
  const auto now = clock_->now();
  sync::Timestamp t;
  t.version = previous + 1;
  t.catalogue_version = *catalogue;
  t.manifest_sha256 = *identity;
  t.issued_at = now;
  t.expires_at = now + config_.timestamp_validity;
  t.keys_version = static_cast<int>(*keys);
  const std::string envelope = make_envelope(timestamp_format, sync::timestamp_payload(t), {*key});
  if (auto r = set_state("timestamp", envelope); !r) return std::unexpected(r.error());
  if (auto r = set_state("timestamp_version", std::to_string(t.version)); !r) return std::unexpected(r.error());
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  if (auto r = write_published_file("timestamp.json", envelope); !r) return std::unexpected(r.error());
  return t.version;
}

}  // namespace hall::central
