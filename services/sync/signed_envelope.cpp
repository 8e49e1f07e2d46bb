// SPDX-License-Identifier: Apache-2.0
#include "sync/signed_envelope.h"

#include <set>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;

std::string shown_text(std::string_view s) {
  constexpr std::size_t shown = 40;
  // Built by appending: g++ 12 -O3 warns falsely (-Wrestrict) on `"\"" + std::string(...)`.
  std::string out(1, '"');
  out.append(s.substr(0, shown));
  if (s.size() > shown) out.append("…");
  out.push_back('"');
  return out;
}

bool is_lower_hex(std::string_view s) {
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

SyncResult<Json> parse_untrusted(std::string_view bytes, const JsonLimits& limits, std::string_view file) {
  auto j = parse_untrusted_json(bytes, limits, file);
  if (j) return std::move(*j);
  switch (j.error().fault) {
    case JsonFault::too_large:
      return refuse(Refusal::too_long, j.error().error.message);
    case JsonFault::too_deep:
      return refuse(Refusal::too_deep, j.error().error.message);
    case JsonFault::not_json:
      break;
  }
  return refuse(Refusal::malformed, j.error().error.message);
}

std::string key_id_of(std::string_view public_key_bytes) {
  return sha256_hex(public_key_bytes).substr(0, 16);
}

SyncResult<Envelope> parse_envelope(std::string_view bytes, std::string_view format, std::string_view file) {
  const std::string f(file);
  auto root = parse_untrusted(bytes, envelope_limits, file);
  if (!root) return std::unexpected(root.error());
  if (!root->is_object()) return refuse(Refusal::malformed, f + ": $: expected an object");
  const auto fmt = root->find("format");
  if (fmt == root->end() || !fmt->is_string()) return refuse(Refusal::malformed, f + ": $.format: missing");
  if (fmt->get<std::string>() != format) {
    return refuse(Refusal::wrong_format, f + ": $.format: expected \"" + std::string(format) + "\", got " +
                                             shown_text(fmt->get<std::string>()));
  }
  const auto payload = root->find("signed");
  if (payload == root->end() || !payload->is_string()) {
    return refuse(Refusal::malformed, f + ": $.signed: expected the payload as a string");
  }
  const auto sigs = root->find("signatures");
  if (sigs == root->end() || !sigs->is_array()) {
    return refuse(Refusal::malformed, f + ": $.signatures: expected an array");
  }
  Envelope env{fmt->get<std::string>(), payload->get<std::string>(), {}};
  for (std::size_t i = 0; i < sigs->size(); ++i) {
    const Json& s = (*sigs)[i];
    const std::string at = f + ": $.signatures[" + std::to_string(i) + "]";
    if (!s.is_object() || !s.contains("key_id") || !s["key_id"].is_string() || !s.contains("sig") ||
        !s["sig"].is_string()) {
      return refuse(Refusal::malformed, at + ": expected {\"key_id\", \"sig\"}");
    }
    const auto key_id = s["key_id"].get<std::string>();
    if (key_id.size() != 16 || !is_lower_hex(key_id)) {
      return refuse(Refusal::malformed, at + ".key_id: expected 16 hex digits, got " + shown_text(key_id));
    }
    std::string raw;
    if (auto decoded = from_hex(s["sig"].get<std::string>())) raw = std::move(*decoded);
    if (raw.size() != crypto_sign_BYTES) {
      return refuse(Refusal::malformed, at + ".sig: expected 128 hex digits");
    }
    env.signatures.push_back({key_id, std::move(raw)});
  }
  return env;
}

SyncResult<void> check_signatures(const Envelope& envelope, const KeySet& keys, std::string_view file) {
  if (sodium_init() < 0) return refuse(Refusal::storage, "libsodium could not be initialised");
  std::set<std::string> valid;
  std::string bad_key;
  for (const auto& s : envelope.signatures) {
    const auto key = keys.keys.find(s.key_id);
    if (key == keys.keys.end()) continue;
    const auto* sig = reinterpret_cast<const unsigned char*>(s.sig.data());
    const auto* msg = reinterpret_cast<const unsigned char*>(envelope.signed_payload.data());
    const auto* pk = reinterpret_cast<const unsigned char*>(key->second.data());
    if (crypto_sign_verify_detached(sig, msg, envelope.signed_payload.size(), pk) == 0) {
      valid.insert(s.key_id);
    } else if (bad_key.empty()) {
      bad_key = s.key_id;
    }
  }
  if (static_cast<int>(valid.size()) >= keys.threshold) return {};
  const std::string have = std::to_string(valid.size()) + " of the " + std::to_string(keys.threshold) +
                           " valid signature(s) key set " + std::to_string(keys.version) + " requires";
  if (!bad_key.empty()) {
    return refuse(Refusal::bad_signature,
                  std::string(file) + ": the signature by key " + bad_key + " does not verify (" + have + ")");
  }
  std::string ids;
  for (const auto& s : envelope.signatures) ids += (ids.empty() ? "" : ", ") + s.key_id;
  return refuse(Refusal::unknown_key, std::string(file) + ": signed by key(s) [" + ids + "], none of which key set " +
                                          std::to_string(keys.version) + " trusts (" + have + ")");
}

namespace {

// [{key_id, public}] -> key_id -> raw public key; each id must be its key's.
SyncResult<std::map<std::string, std::string>> read_public_keys(const Json& list, const std::string& path) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& k = list[i];
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (!k.is_object() || !k.contains("public") || !k["public"].is_string() || !k.contains("key_id") ||
        !k["key_id"].is_string()) {
      return refuse(Refusal::malformed, at + ": expected {\"key_id\", \"public\"}");
    }
    std::string raw;
    if (auto decoded = from_hex(k["public"].get<std::string>())) raw = std::move(*decoded);
    if (raw.size() != crypto_sign_PUBLICKEYBYTES) {
      return refuse(Refusal::malformed, at + ".public: expected 64 hex digits");
    }
    const std::string id = key_id_of(raw);
    if (k["key_id"].get<std::string>() != id) {
      return refuse(Refusal::malformed, at + ".key_id: " + shown_text(k["key_id"].get<std::string>()) +
                                            " is not the id of its public key (" + id + ")");
    }
    out.emplace(id, std::move(raw));
  }
  return out;
}

}  // namespace

KeySet timestamp_signers(const KeySet& keys) {
  KeySet out;
  out.version = keys.version;
  out.threshold = 1;
  out.keys = keys.timestamp_keys;
  return out;
}

SyncResult<KeySet> parse_key_set(std::string_view payload, std::string_view file) {
  const std::string f(file);
  auto root = parse_untrusted(payload, key_set_payload_limits, f + ": $.signed");
  if (!root) return std::unexpected(root.error());
  if (!root->is_object()) return refuse(Refusal::malformed, f + ": $.signed: expected a JSON object");
  KeySet set;
  const auto version = root->find("version");
  const auto threshold = root->find("threshold");
  const auto keys = root->find("keys");
  if (version == root->end() || !version->is_number_integer() || version->get<std::int64_t>() < 1 ||
      version->get<std::int64_t>() > 1'000'000) {
    return refuse(Refusal::malformed, f + ": $.signed.version: expected an integer ≥ 1");
  }
  if (keys == root->end() || !keys->is_array() || keys->empty()) {
    return refuse(Refusal::malformed, f + ": $.signed.keys: expected a non-empty array");
  }
  if (threshold == root->end() || !threshold->is_number_integer() || threshold->get<std::int64_t>() < 1 ||
      threshold->get<std::int64_t>() > static_cast<std::int64_t>(keys->size())) {
    return refuse(Refusal::malformed, f + ": $.signed.threshold: expected an integer from 1 to the number of keys");
  }
  set.version = static_cast<int>(version->get<std::int64_t>());
  set.threshold = static_cast<int>(threshold->get<std::int64_t>());
  auto signing = read_public_keys(*keys, f + ": $.signed.keys");
  if (!signing) return std::unexpected(signing.error());
  set.keys = std::move(*signing);
  if (const auto ts = root->find("timestamp_keys"); ts != root->end()) {
    if (!ts->is_array()) return refuse(Refusal::malformed, f + ": $.signed.timestamp_keys: expected an array");
    auto online = read_public_keys(*ts, f + ": $.signed.timestamp_keys");
    if (!online) return std::unexpected(online.error());
    for (const auto& [id, key] : *online) {
      // One key in both roles would let the online key sign content: the split would be void.
      if (set.keys.contains(id)) {
        return refuse(Refusal::malformed, f + ": $.signed.timestamp_keys: key " + id + " is also a manifest key");
      }
    }
    set.timestamp_keys = std::move(*online);
  }
  set.payload = std::string(payload);
  return set;
}

SyncResult<KeySet> read_initial_key_set(std::string_view bytes, std::string_view file) {
  auto env = parse_envelope(bytes, keys_format, file);
  if (!env) return std::unexpected(env.error());
  auto set = parse_key_set(env->signed_payload, file);
  if (!set) return set;
  if (auto r = check_signatures(*env, *set, file); !r) return std::unexpected(r.error());
  return set;
}

SyncResult<KeySet> accept_key_rotation(std::string_view bytes, const KeySet& current, std::string_view file) {
  auto env = parse_envelope(bytes, keys_format, file);
  if (!env) return std::unexpected(env.error());
  if (auto r = check_signatures(*env, current, file); !r) {
    return refuse(Refusal::rotation_not_signed, "key rotation refused: " + r.error().error.message);
  }
  auto next = parse_key_set(env->signed_payload, file);
  if (!next) return next;
  if (next->version != current.version + 1) {
    return refuse(next->version <= current.version ? Refusal::rollback : Refusal::rotation_version,
                  std::string(file) + ": $.signed.version: key set " + std::to_string(next->version) +
                      " cannot follow the trusted key set " + std::to_string(current.version) + " (expected " +
                      std::to_string(current.version + 1) + ")");
  }
  return next;
}

SyncResult<int> peek_keys_version(const Envelope& envelope, std::string_view file) {
  // Unverified bytes: the same guard as the verified payload will meet.
  auto root = parse_untrusted(envelope.signed_payload, manifest_payload_limits, std::string(file) + ": $.signed");
  if (!root) return std::unexpected(root.error());
  if (!root->is_object()) return refuse(Refusal::malformed, std::string(file) + ": $.signed: not a JSON object");
  const auto v = root->find("keys_version");
  if (v == root->end() || !v->is_number_integer() || v->get<std::int64_t>() < 1 || v->get<std::int64_t>() > 1'000'000) {
    return refuse(Refusal::malformed, std::string(file) + ": $.signed.keys_version: expected an integer ≥ 1");
  }
  return static_cast<int>(v->get<std::int64_t>());
}

}  // namespace hall::sync
