// SPDX-License-Identifier: Apache-2.0
#include "sync/manifest.h"

#include <limits>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "common/sha256.h"
#include "sync/signed_fields.h"
#include "sync/signed_envelope.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;

SyncResult<ManifestEntry> read_entry(const Json& g, const std::string& at) {
  if (!g.is_object()) return refuse(Refusal::malformed, at + ": expected an object");
  ManifestEntry e;
  if (!g.contains("id") || !g["id"].is_string() || !is_entry_id(g["id"].get<std::string>())) {
    return refuse(Refusal::malformed, at + ".id: expected 1–64 of [A-Za-z0-9._-]");
  }
  e.id = g["id"].get<std::string>();
  const auto version = integer_at(g, "version", 1, 1'000'000'000);
  if (!version) return refuse(Refusal::malformed, at + ".version: guide " + e.id + ": expected an integer ≥ 1");
  e.version = static_cast<int>(*version);
  const auto from = g.find("effective_from");
  if (from != g.end() && !from->is_null()) {
    e.effective_from = time_at(g, "effective_from");
    if (!e.effective_from) {
      return refuse(Refusal::malformed, at + ".effective_from: guide " + e.id + ": expected an RFC 3339 time or null");
    }
  }
  if (!g.contains("hash") || !g["hash"].is_string() || !is_hash(g["hash"].get<std::string>())) {
    return refuse(Refusal::malformed, at + ".hash: guide " + e.id + ": expected 64 lower-case hex digits");
  }
  e.hash = g["hash"].get<std::string>();
  const auto length = integer_at(g, "length", 1, static_cast<std::int64_t>(max_object_bytes));
  if (!length) {
    return refuse(Refusal::malformed,
                  at + ".length: guide " + e.id + ": expected 1 to " + std::to_string(max_object_bytes) + " bytes");
  }
  e.length = static_cast<std::size_t>(*length);
  return e;
}

SyncResult<BinRef> read_bin_ref(const Json& b, const std::string& at) {
  if (!b.is_object()) return refuse(Refusal::malformed, at + ": expected an object");
  BinRef ref;
  const auto bin = integer_at(b, "bin", 0, bin_count - 1);
  if (!bin) return refuse(Refusal::malformed, at + ".bin: expected an integer 0 to " + std::to_string(bin_count - 1));
  ref.bin = static_cast<int>(*bin);
  if (!b.contains("hash") || !b["hash"].is_string() || !is_hash(b["hash"].get<std::string>())) {
    return refuse(Refusal::malformed, at + ".hash: bin " + std::to_string(ref.bin) + ": expected 64 lower-case hex digits");
  }
  ref.hash = b["hash"].get<std::string>();
  const auto length = integer_at(b, "length", 1, static_cast<std::int64_t>(max_bin_bytes));
  if (!length) {
    return refuse(Refusal::malformed, at + ".length: bin " + std::to_string(ref.bin) + ": expected 1 to " +
                                          std::to_string(max_bin_bytes) + " bytes");
  }
  ref.length = static_cast<std::size_t>(*length);
  return ref;
}

}  // namespace

int bin_of(std::string_view guide_id) {
  const std::string h = sha256_hex(guide_id);
  const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  return nibble(h[0]) * 16 + nibble(h[1]);
}

std::string bin_file(const BinRef& bin) {
  return "bins/" + bin.hash + ".json";
}

SyncResult<Manifest> parse_manifest(std::string_view payload, std::string_view file) {
  const std::string f = std::string(file) + ": $.signed";
  auto parsed = parse_untrusted(payload, manifest_payload_limits, f);
  if (!parsed) return std::unexpected(parsed.error());
  const Json& root = *parsed;
  if (!root.is_object()) return refuse(Refusal::malformed, f + ": expected a JSON object");
  Manifest m;
  const auto version = integer_at(root, "catalogue_version", 1, std::numeric_limits<std::int64_t>::max());
  if (!version) return refuse(Refusal::malformed, f + ".catalogue_version: expected an integer ≥ 1");
  m.catalogue_version = *version;
  const auto issued = time_at(root, "issued_at");
  const auto expires = time_at(root, "expires_at");
  if (!issued) return refuse(Refusal::malformed, f + ".issued_at: expected an RFC 3339 time");
  if (!expires) return refuse(Refusal::malformed, f + ".expires_at: expected an RFC 3339 time");
  if (*expires <= *issued) return refuse(Refusal::malformed, f + ".expires_at: not after issued_at");
  m.issued_at = *issued;
  m.expires_at = *expires;
  const auto keys = integer_at(root, "keys_version", 1, 1'000'000);
  if (!keys) return refuse(Refusal::malformed, f + ".keys_version: expected an integer ≥ 1");
  m.keys_version = static_cast<int>(*keys);
  const auto bins = root.find("bins");
  if (bins == root.end() || !bins->is_array()) return refuse(Refusal::malformed, f + ".bins: expected an array");
  m.bins.reserve(bins->size());
  for (std::size_t i = 0; i < bins->size(); ++i) {
    const std::string at = f + ".bins[" + std::to_string(i) + "]";
    auto ref = read_bin_ref((*bins)[i], at);
    if (!ref) return std::unexpected(ref.error());
    if (!m.bins.empty() && ref->bin <= m.bins.back().bin) {
      return refuse(Refusal::malformed, at + ".bin: " + std::to_string(ref->bin) + " after bin " +
                                            std::to_string(m.bins.back().bin) + " (bins are listed once, in order)");
    }
    m.bins.push_back(std::move(*ref));
  }
  auto notices = read_document_ref(root, "notices", 16u << 20, f);
  if (!notices) return std::unexpected(notices.error());
  m.notices = std::move(*notices);
  auto workdays = read_document_ref(root, "workdays", 1u << 20, f);
  if (!workdays) return std::unexpected(workdays.error());
  m.workdays = std::move(*workdays);
  return m;
}

SyncResult<std::vector<ManifestEntry>> parse_bin(const BinRef& bin, std::string_view bytes) {
  const std::string f = bin_file(bin) + " (bin " + std::to_string(bin.bin) + ")";
  auto parsed = parse_untrusted(bytes, bin_limits, f);
  if (!parsed) return std::unexpected(parsed.error());
  const Json& root = *parsed;
  if (!root.is_object()) return refuse(Refusal::malformed, f + ": expected a JSON object");
  if (const auto fmt = root.find("format"); fmt == root.end() || !fmt->is_string() || *fmt != bin_format) {
    return refuse(Refusal::wrong_format, f + ": $.format: expected \"" + std::string(bin_format) + "\"");
  }
  if (const auto n = integer_at(root, "bin", 0, bin_count - 1); !n || *n != bin.bin) {
    return refuse(Refusal::bin_mismatch, f + ": $.bin: not " + std::to_string(bin.bin) + ", the bin the manifest names");
  }
  const auto guides = root.find("guides");
  if (guides == root.end() || !guides->is_array()) return refuse(Refusal::malformed, f + ": $.guides: expected an array");
  std::vector<ManifestEntry> out;
  out.reserve(guides->size());
  std::set<std::pair<std::string, int>> seen;
  for (std::size_t i = 0; i < guides->size(); ++i) {
    const std::string at = f + ": $.guides[" + std::to_string(i) + "]";
    auto e = read_entry((*guides)[i], at);
    if (!e) return std::unexpected(e.error());
    if (const int b = bin_of(e->id); b != bin.bin) {
      return refuse(Refusal::bin_mismatch, at + ": guide " + e->id + " belongs in bin " + std::to_string(b) +
                                               ", not in bin " + std::to_string(bin.bin));
    }
    if (!seen.emplace(e->id, e->version).second) {
      return refuse(Refusal::malformed,
                    at + ": guide " + e->id + " version " + std::to_string(e->version) + " is listed twice");
    }
    out.push_back(std::move(*e));
  }
  if (out.empty()) return refuse(Refusal::malformed, f + ": $.guides: empty (an empty bin is not listed)");
  return out;
}

}  // namespace hall::sync
