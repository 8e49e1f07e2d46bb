// SPDX-License-Identifier: Apache-2.0
#pragma once
// A publisher for sync tests and benchmarks: Ed25519 keys made on the spot (libsodium), signed
// envelopes, manifests and content-addressed objects as PROTOCOL.md lays them out, held in memory
// (for FakeFetcher) or written to a folder (for DirectoryFetcher, hallctl and the crash test).
// It is a deliberately independent writer of the format, so the kiosk's reader is checked
// against something other than itself. Header-only: the benchmark links no test library.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "common/sha256.h"
#include "sync/signed_envelope.h"

namespace hall::test {

struct SigningKey {
  std::string public_key, secret_key;  // raw bytes: 32 and 64
  std::string key_id() const { return sync::key_id_of(public_key); }
};

inline SigningKey make_signing_key() {
  if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  return {std::string(reinterpret_cast<char*>(pk), sizeof pk), std::string(reinterpret_cast<char*>(sk), sizeof sk)};
}

inline std::string sign_hex(const SigningKey& key, const std::string& message) {
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  return to_hex(std::string(reinterpret_cast<char*>(sig), sizeof sig));
}

inline std::string envelope(const std::string& format, const std::string& payload,
                            const std::vector<SigningKey>& signers) {
  nlohmann::ordered_json env = {{"format", format}, {"signed", payload}, {"signatures", nlohmann::json::array()}};
  for (const auto& k : signers) env["signatures"].push_back({{"key_id", k.key_id()}, {"sig", sign_hex(k, payload)}});
  return env.dump(1) + "\n";
}

// `timestamp_keys` empty: a key set without the timestamp role (no "timestamp_keys" key at all).
inline std::string key_set_payload(int version, const std::vector<SigningKey>& keys, int threshold = 1,
                                   const std::vector<SigningKey>& timestamp_keys = {}) {
  nlohmann::ordered_json p = {{"version", version}, {"threshold", threshold}, {"keys", nlohmann::json::array()}};
  for (const auto& k : keys) p["keys"].push_back({{"key_id", k.key_id()}, {"public", to_hex(k.public_key)}});
  if (!timestamp_keys.empty()) {
    p["timestamp_keys"] = nlohmann::json::array();
    for (const auto& k : timestamp_keys) {
      p["timestamp_keys"].push_back({{"key_id", k.key_id()}, {"public", to_hex(k.public_key)}});
    }
  }
  return p.dump();
}

inline std::string key_set_envelope(int version, const std::vector<SigningKey>& keys,
                                    const std::vector<SigningKey>& signers,
                                    const std::vector<SigningKey>& timestamp_keys = {}) {
  return envelope(std::string(sync::keys_format), key_set_payload(version, keys, 1, timestamp_keys), signers);
}

inline Instant at(const char* rfc3339) {
  return *parse_rfc3339(rfc3339);
}

// The published directory as path -> bytes ("manifest.json", "bins/<hash>.json", "objects/<hash>.json",
// "keys/2.json").
struct Publication {
  std::map<std::string, std::string> files;
  std::int64_t catalogue_version = 0;
  int keys_version = 1;
  std::vector<SigningKey> signers;
  std::chrono::seconds lifetime{7 * 24 * 3600};
  // The timestamp role: when `timestamp_signers` is set, publish() also writes timestamp.json.
  std::vector<SigningKey> timestamp_keys;     // what the key sets authorise
  std::vector<SigningKey> timestamp_signers;  // who signs timestamp.json (a test may swap in another)
  std::int64_t timestamp_version = 0;
  std::chrono::seconds timestamp_lifetime{24 * 3600};

  // Applied to each guide's entry before it goes into its bin (a test playing a publisher that
  // signs a wrong entry); empty: none.
  std::function<void(nlohmann::ordered_json&)> edit_entry;
  // The files the last publish() wrote or replaced, for a caller that mirrors them to a folder.
  std::vector<std::string> last_written;

  // Writes an object per guide, a bin per non-empty bin (the first byte of SHA-256 of the guide
  // id) and a signed manifest naming exactly those bins; returns the manifest bytes. `version` 0
  // means the next catalogue version.
  std::string publish(const std::vector<nlohmann::ordered_json>& guides, Instant issued_at, std::int64_t version = 0) {
    catalogue_version = version ? version : catalogue_version + 1;
    last_written.clear();
    std::map<int, nlohmann::ordered_json> bins;
    for (const auto& g : guides) {
      const std::string body = g.dump();
      const std::string hash = sha256_hex(body);
      put("objects/" + hash + ".json", body);
      nlohmann::ordered_json e = {{"id", g["id"]},
                                  {"version", g["version"]},
                                  {"effective_from", nullptr},
                                  {"hash", hash},
                                  {"length", body.size()}};
      if (g.contains("effective_from")) e["effective_from"] = g["effective_from"];
      if (edit_entry) edit_entry(e);
      const int bin = std::stoi(sha256_hex(g["id"].get<std::string>()).substr(0, 2), nullptr, 16);
      bins.try_emplace(bin, nlohmann::json::array()).first->second.push_back(std::move(e));
    }
    nlohmann::ordered_json refs = nlohmann::json::array();
    for (auto& [bin, entries] : bins) {
      const nlohmann::ordered_json object = {{"format", "hallkiosk.bin/1"}, {"bin", bin}, {"guides", std::move(entries)}};
      const std::string body = object.dump();
      const std::string hash = sha256_hex(body);
      put("bins/" + hash + ".json", body);
      refs.push_back({{"bin", bin}, {"hash", hash}, {"length", body.size()}});
    }
    nlohmann::ordered_json payload = {{"catalogue_version", catalogue_version},
                                      {"issued_at", format_rfc3339_utc(issued_at)},
                                      {"expires_at", format_rfc3339_utc(issued_at + lifetime)},
                                      {"keys_version", keys_version},
                                      {"bins", std::move(refs)}};
    files["manifest.json"] = envelope(std::string(sync::manifest_format), payload.dump(), signers);
    last_written.push_back("manifest.json");
    if (!timestamp_signers.empty()) {
      stamp(issued_at);
      last_written.push_back("timestamp.json");
    }
    return files["manifest.json"];
  }

  // The bin file (bins/<hash>.json) holding guide `id`, as the manifest now held names it.
  std::string bin_holding(const std::string& id) const {
    const int bin = std::stoi(sha256_hex(id).substr(0, 2), nullptr, 16);
    const auto payload = nlohmann::json::parse(nlohmann::json::parse(files.at("manifest.json"))["signed"].get<std::string>());
    for (const auto& b : payload["bins"]) {
      if (b["bin"] == bin) return "bins/" + b["hash"].get<std::string>() + ".json";
    }
    throw std::runtime_error("no bin holds guide " + id);
  }

  // The entry of guide `id` in its bin.
  nlohmann::ordered_json entry_of(const std::string& id) const {
    const auto bin = nlohmann::ordered_json::parse(files.at(bin_holding(id)));
    for (const auto& e : bin["guides"]) {
      if (e["id"] == id) return e;
    }
    throw std::runtime_error("no entry for guide " + id);
  }

  // timestamp.json for the manifest.json now held: the next timestamp version (or `version`).
  std::string stamp(Instant issued_at, std::int64_t version = 0) {
    timestamp_version = version ? version : timestamp_version + 1;
    const auto env = nlohmann::json::parse(files.at("manifest.json"));
    const std::string signed_payload = env["signed"].get<std::string>();
    const auto manifest = nlohmann::json::parse(signed_payload);
    nlohmann::ordered_json payload = {{"version", timestamp_version},
                                      {"catalogue_version", manifest["catalogue_version"]},
                                      {"manifest_sha256", sha256_hex(signed_payload)},
                                      {"issued_at", format_rfc3339_utc(issued_at)},
                                      {"expires_at", format_rfc3339_utc(issued_at + timestamp_lifetime)},
                                      {"keys_version", keys_version}};
    files["timestamp.json"] = envelope(std::string(sync::timestamp_format), payload.dump(), timestamp_signers);
    return files["timestamp.json"];
  }

  // A new key set signed by the current signers; later manifests are signed by the new keys.
  void rotate(const std::vector<SigningKey>& new_keys) {
    const std::string env = key_set_envelope(keys_version + 1, new_keys, signers, timestamp_keys);
    ++keys_version;
    files["keys/" + std::to_string(keys_version) + ".json"] = env;
    files["keys.json"] = env;
    signers = new_keys;
  }

  void put(const std::string& name, const std::string& bytes) {
    auto [it, added] = files.try_emplace(name, bytes);
    if (added || it->second != bytes) {
      it->second = bytes;
      last_written.push_back(name);
    }
  }

  void write_to(const std::string& dir) const {
    for (const auto& [name, bytes] : files) {
      const std::filesystem::path p = std::filesystem::path(dir) / name;
      std::filesystem::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary | std::ios::trunc);
      out << bytes;
      if (!out) throw std::runtime_error("cannot write " + p.string());
    }
  }
};

// A new publisher with one key; its self-signed set 1 is what a kiosk pins (trusted_keys.json).
// With a `timestamp_key`, set 1 authorises it and every publish writes timestamp.json too.
inline Publication new_publication(const SigningKey& key, const std::optional<SigningKey>& timestamp_key = {}) {
  Publication p;
  p.signers = {key};
  if (timestamp_key) p.timestamp_keys = p.timestamp_signers = {*timestamp_key};
  p.files["keys/1.json"] = key_set_envelope(1, {key}, {key}, p.timestamp_keys);
  p.files["keys.json"] = p.files["keys/1.json"];
  return p;
}

}  // namespace hall::test
