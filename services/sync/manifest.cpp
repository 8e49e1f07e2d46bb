// SPDX-License-Identifier: Apache-2.0
#include "sync/manifest.h"

#include <limits>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "sync/signed_fields.h"
#include "sync/signed_envelope.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;

bool is_guide_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

SyncResult<ManifestEntry> read_entry(const Json& g, const std::string& at) {
  if (!g.is_object()) return refuse(Refusal::malformed, at + ": expected an object");
  ManifestEntry e;
  if (!g.contains("id") || !g["id"].is_string() || !is_guide_id(g["id"].get<std::string>())) {
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

}  // namespace

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
  const auto guides = root.find("guides");
  if (guides == root.end() || !guides->is_array()) return refuse(Refusal::malformed, f + ".guides: expected an array");
  std::set<std::pair<std::string, int>> seen;
  m.guides.reserve(guides->size());
  for (std::size_t i = 0; i < guides->size(); ++i) {
    auto e = read_entry((*guides)[i], f + ".guides[" + std::to_string(i) + "]");
    if (!e) return std::unexpected(e.error());
    if (!seen.emplace(e->id, e->version).second) {
      return refuse(Refusal::malformed, f + ".guides[" + std::to_string(i) + "]: guide " + e->id + " version " +
                                            std::to_string(e->version) + " is listed twice");
    }
    m.guides.push_back(std::move(*e));
  }
  return m;
}

}  // namespace hall::sync
