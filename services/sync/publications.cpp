// SPDX-License-Identifier: Apache-2.0
// The manifest's 政务公开 documents: the notice index and the working-day calendar, each named by
// SHA-256 and length in the signed payload and checked against it before it is parsed.
#include <set>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "sync/manifest.h"
#include "sync/signed_envelope.h"
#include "sync/signed_fields.h"

namespace hall::sync {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

SyncResult<std::optional<DocumentRef>> read_document_ref(const Json& root, const char* key, std::size_t max_length,
                                                         const std::string& at) {
  const auto it = root.find(key);
  if (it == root.end()) return std::optional<DocumentRef>();
  const std::string where = at + "." + key;
  if (!it->is_object()) return refuse(Refusal::malformed, where + ": expected {hash, length}");
  if (!it->contains("hash") || !(*it)["hash"].is_string() || !is_hash((*it)["hash"].get<std::string>())) {
    return refuse(Refusal::malformed, where + ".hash: expected 64 lower-case hex digits");
  }
  const auto length = integer_at(*it, "length", 1, static_cast<std::int64_t>(max_length));
  if (!length) {
    return refuse(Refusal::malformed, where + ".length: expected 1 to " + std::to_string(max_length) + " bytes");
  }
  return std::optional<DocumentRef>(DocumentRef{(*it)["hash"].get<std::string>(), static_cast<std::size_t>(*length)});
}

SyncResult<void> verify_document(const DocumentRef& ref, std::string_view bytes, const std::string& name) {
  if (bytes.size() > ref.length) {
    return refuse(Refusal::too_long, name + ": more than the " + std::to_string(ref.length) + " bytes the manifest states");
  }
  if (bytes.size() < ref.length) {
    return refuse(Refusal::truncated,
                  name + ": " + std::to_string(bytes.size()) + " bytes, the manifest states " + std::to_string(ref.length));
  }
  if (const auto h = sha256_hex(bytes); h != ref.hash) {
    return refuse(Refusal::hash_mismatch, name + ": SHA-256 is " + h + ", the manifest states " + ref.hash);
  }
  return {};
}

SyncResult<std::vector<NoticeEntry>> parse_notice_index(std::string_view bytes, const std::string& name) {
  auto parsed = parse_untrusted(bytes, notice_index_limits, name);
  if (!parsed) return std::unexpected(parsed.error());
  const Json& root = *parsed;
  if (!root.is_object()) return refuse(Refusal::malformed, name + ": expected a JSON object");
  if (const auto f = root.find("format"); f == root.end() || !f->is_string() || *f != "hallkiosk.notice-index/1") {
    return refuse(Refusal::wrong_format, name + ": $.format: expected \"hallkiosk.notice-index/1\"");
  }
  const auto list = root.find("notices");
  if (list == root.end() || !list->is_array()) return refuse(Refusal::malformed, name + ": $.notices: expected an array");
  std::vector<NoticeEntry> out;
  out.reserve(list->size());
  std::set<std::pair<std::string, int>> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& e = (*list)[i];
    const std::string at = name + ": $.notices[" + std::to_string(i) + "]";
    if (!e.is_object()) return refuse(Refusal::malformed, at + ": expected an object");
    if (!e.contains("id") || !e["id"].is_string() || !is_entry_id(e["id"].get<std::string>())) {
      return refuse(Refusal::malformed, at + ".id: expected 1–64 of [A-Za-z0-9._-]");
    }
    NoticeEntry n;
    n.id = e["id"].get<std::string>();
    const auto version = integer_at(e, "version", 1, 1'000'000'000);
    if (!version) return refuse(Refusal::malformed, at + ".version: notice " + n.id + ": expected an integer ≥ 1");
    n.version = static_cast<int>(*version);
    if (!e.contains("hash") || !e["hash"].is_string() || !is_hash(e["hash"].get<std::string>())) {
      return refuse(Refusal::malformed, at + ".hash: notice " + n.id + ": expected 64 lower-case hex digits");
    }
    n.hash = e["hash"].get<std::string>();
    const auto length = integer_at(e, "length", 1, static_cast<std::int64_t>(max_object_bytes));
    if (!length) return refuse(Refusal::malformed, at + ".length: notice " + n.id + ": expected 1 to 64 MiB");
    n.length = static_cast<std::size_t>(*length);
    if (!seen.emplace(n.id, n.version).second) {
      return refuse(Refusal::malformed, at + ": notice " + n.id + " version " + std::to_string(n.version) + " is listed twice");
    }
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace hall::sync
