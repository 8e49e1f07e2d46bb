// SPDX-License-Identifier: Apache-2.0
#include "sync/verifier.h"

#include "catalogue/catalogue_file.h"
#include "catalogue/guide_parser.h"
#include "common/rfc3339.h"
#include "common/sha256.h"

namespace hall::sync {
namespace {

constexpr std::string_view manifest_file = "manifest.json";

std::string object_name(const ManifestEntry& e) {
  return "objects/" + e.hash + ".json (guide " + e.id + " version " + std::to_string(e.version) + ")";
}

std::string time_text(const std::optional<Instant>& t) {
  return t ? format_rfc3339_utc(*t) : "null";
}

SyncResult<void> check_bounds(const Manifest& m, const TrustedCatalogue& trusted, Instant now,
                              const ManifestBounds& bounds, bool reset) {
  if (m.issued_at > now + bounds.max_clock_skew) {
    return refuse(Refusal::issued_in_future, "manifest.json: $.signed.issued_at: " + format_rfc3339_utc(m.issued_at) +
                                                 " is more than " + std::to_string(bounds.max_clock_skew.count()) +
                                                 " s ahead of this kiosk's clock (now " + format_rfc3339_utc(now) +
                                                 ")");
  }
  if (m.expires_at - m.issued_at > bounds.max_validity) {
    return refuse(Refusal::validity_too_long,
                  "manifest.json: $.signed.expires_at: " + format_rfc3339_utc(m.expires_at) + " is valid for " +
                      std::to_string((m.expires_at - m.issued_at).count() / 86400) + " days, more than the " +
                      std::to_string(bounds.max_validity.count() / 86400) + " days this kiosk accepts");
  }
  const std::int64_t base = reset ? 0 : trusted.version;
  if (m.catalogue_version > base && m.catalogue_version - base > bounds.max_version_jump) {
    return refuse(Refusal::version_jump,
                  "manifest.json: $.signed.catalogue_version: " + std::to_string(m.catalogue_version) +
                      " is more than " + std::to_string(bounds.max_version_jump) + " above the trusted version " +
                      std::to_string(base));
  }
  return {};
}

// Rollback and replay against the trusted manifest.
SyncResult<void> check_version(const Manifest& m, const std::string& hash, const TrustedCatalogue& trusted) {
  if (m.catalogue_version < trusted.version) {
    return refuse(Refusal::rollback,
                  "manifest.json: $.signed.catalogue_version: " + std::to_string(m.catalogue_version) +
                      " is lower than the trusted version " + std::to_string(trusted.version));
  }
  if (m.catalogue_version == trusted.version) {
    if (hash == trusted.manifest_hash) return {};
    return refuse(Refusal::replay, "manifest.json: catalogue version " + std::to_string(m.catalogue_version) +
                                       " is already trusted with other content (sha256 " +
                                       trusted.manifest_hash.substr(0, 16) + "…, offered " + hash.substr(0, 16) +
                                       "…): an old or conflicting manifest");
  }
  if (trusted.issued_at && m.issued_at < *trusted.issued_at) {
    return refuse(Refusal::replay, "manifest.json: $.signed.issued_at: " + format_rfc3339_utc(m.issued_at) +
                                       " is earlier than the trusted manifest's " +
                                       format_rfc3339_utc(*trusted.issued_at));
  }
  return {};
}

}  // namespace

SyncResult<VerifiedManifest> verify_manifest(std::string_view bytes, const KeySet& keys,
                                             const TrustedCatalogue& trusted, Instant now,
                                             const ManifestBounds& bounds, const Vouch* vouch) {
  auto env = parse_envelope(bytes, manifest_format, manifest_file);
  if (!env) return std::unexpected(env.error());
  if (auto r = check_signatures(*env, keys, manifest_file); !r) return std::unexpected(r.error());
  auto manifest = parse_manifest(env->signed_payload, manifest_file);
  if (!manifest) return std::unexpected(manifest.error());
  if (manifest->keys_version != keys.version) {
    return refuse(Refusal::unknown_key, "manifest.json: $.signed.keys_version: names key set " +
                                            std::to_string(manifest->keys_version) +
                                            ", but it was verified with key set " + std::to_string(keys.version));
  }
  // Identity is the signed bytes alone: a re-encoded envelope (another signature entry, a BOM,
  // other whitespace) is the same manifest and can never change what is trusted.
  VerifiedManifest out{std::move(*manifest), sha256_hex(env->signed_payload), ManifestNews::newer};
  const Manifest& m = out.manifest;
  // A manifest verified by a later key set than the trusted one starts the version checks afresh:
  // after a fast-forward signed with a stolen key, the operators rotate and publish again.
  const bool reset = trusted.keys_version > 0 && keys.version > trusted.keys_version;
  if (vouch && (vouch->manifest_sha256 != out.hash || vouch->catalogue_version != m.catalogue_version)) {
    return refuse(Refusal::timestamp_mismatch,
                  "manifest.json: catalogue version " + std::to_string(m.catalogue_version) + " (sha256 " +
                      out.hash.substr(0, 16) + "…) is not the manifest timestamp.json names (version " +
                      std::to_string(vouch->catalogue_version) + ", sha256 " + vouch->manifest_sha256.substr(0, 16) +
                      "…)");
  }
  if (auto r = check_bounds(m, trusted, now, bounds, reset); !r) return std::unexpected(r.error());
  if (!reset) {
    if (auto r = check_version(m, out.hash, trusted); !r) return std::unexpected(r.error());
    if (m.catalogue_version == trusted.version) out.news = ManifestNews::same;
  }
  if (!vouch && m.expires_at <= now) {
    return refuse(Refusal::expired, "manifest.json: $.signed.expires_at: catalogue version " +
                                        std::to_string(m.catalogue_version) + " expired at " +
                                        format_rfc3339_utc(m.expires_at) + " (now " + format_rfc3339_utc(now) +
                                        "); keeping the last good catalogue");
  }
  return out;
}

SyncResult<std::vector<ManifestEntry>> verify_bin(const BinRef& bin, std::string_view bytes) {
  const std::string name = bin_file(bin) + " (bin " + std::to_string(bin.bin) + ")";
  if (bytes.size() > bin.length) {
    return refuse(Refusal::too_long, name + ": more than the " + std::to_string(bin.length) + " bytes the manifest states");
  }
  if (bytes.size() < bin.length) {
    return refuse(Refusal::truncated, name + ": " + std::to_string(bytes.size()) + " bytes, the manifest states " +
                                          std::to_string(bin.length));
  }
  if (const auto h = sha256_hex(bytes); h != bin.hash) {
    return refuse(Refusal::hash_mismatch, name + ": SHA-256 is " + h + ", the manifest states " + bin.hash);
  }
  return parse_bin(bin, bytes);
}

SyncResult<catalogue::Guide> verify_object(const ManifestEntry& entry, std::string_view bytes) {
  const std::string name = object_name(entry);
  if (bytes.size() > entry.length) {
    return refuse(Refusal::too_long,
                  name + ": more than the " + std::to_string(entry.length) + " bytes the manifest states");
  }
  if (bytes.size() < entry.length) {
    return refuse(Refusal::truncated, name + ": " + std::to_string(bytes.size()) + " bytes, the manifest states " +
                                          std::to_string(entry.length));
  }
  if (const auto h = sha256_hex(bytes); h != entry.hash) {
    return refuse(Refusal::hash_mismatch, name + ": SHA-256 is " + h + ", the manifest states " + entry.hash);
  }
  auto parsed = parse_untrusted_json(bytes, {entry.length, catalogue::max_nesting}, name);
  if (!parsed) return refuse(Refusal::invalid_guide, parsed.error().error.message);
  catalogue::Json node = std::move(*parsed);
  if (!node.is_object()) return refuse(Refusal::invalid_guide, name + ": not a JSON object");
  if (const auto f = node.find("format"); f != node.end() && f->is_string() && *f == "hallkiosk.guide/1") {
    node.erase("format");  // a stand-alone guide file's envelope is not part of the guide
  }
  catalogue::Problems problems;
  auto guide = catalogue::parse_guide(node, name, problems);
  if (!guide) {
    std::string all;
    for (const auto& p : problems.messages()) all += (all.empty() ? "" : "\n") + p;
    return refuse(Refusal::invalid_guide, all);
  }
  if (guide->id != entry.id || guide->version != entry.version) {
    return refuse(Refusal::guide_mismatch,
                  name + ": holds guide " + guide->id + " version " + std::to_string(guide->version));
  }
  if (guide->effective_from != entry.effective_from) {
    return refuse(Refusal::guide_mismatch, name + ": $.effective_from is " + time_text(guide->effective_from) +
                                               ", the manifest states " + time_text(entry.effective_from));
  }
  return std::move(*guide);
}

}  // namespace hall::sync
