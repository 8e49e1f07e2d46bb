// SPDX-License-Identifier: Apache-2.0
// Opening and creating the central store, and its small key-value state (catalogue version, key
// set version, the exact bytes last signed). The other concerns each have a file of their own:
// admin_registry, drafts, publisher, published_folder, timestamp_role, fleet, audit_log.
#include "central/central_store.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "central/central_schema.h"
#include "central/central_store_detail.h"

namespace hall::central {

using namespace detail;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

bool detail::valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

std::string detail::key_set_payload(std::int64_t version, const PublicKey& key, const PublicKey& timestamp) {
  return Json{{"version", version},
              {"threshold", 1},
              {"keys", Json::array({{{"key_id", key.key_id()}, {"public", key.hex}}})},
              {"timestamp_keys", Json::array({{{"key_id", timestamp.key_id()}, {"public", timestamp.hex}}})}}
      .dump();
}

const char* to_string(Role r) {
  switch (r) {
    case Role::author: return "author";
    case Role::reviewer: return "reviewer";
    case Role::publisher: return "publisher";
  }
  return "?";
}

std::optional<Role> role_from(std::string_view name) {
  for (const auto r : {Role::author, Role::reviewer, Role::publisher}) {
    if (name == to_string(r)) return r;
  }
  return std::nullopt;
}

bool Admin::has(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

const char* to_string(DraftState s) {
  switch (s) {
    case DraftState::pending: return "pending";
    case DraftState::approved: return "approved";
    case DraftState::rejected: return "rejected";
    case DraftState::published: return "published";
  }
  return "?";
}

Result<void> CentralStore::init(const std::string& data_dir, const KeyPair& publisher_key, const Clock& clock) {
  std::error_code ec;
  if (fs::exists(data_dir + "/central.db", ec)) {
    return fail(ErrorCode::conflict, data_dir + ": already holds a central store (central.db)");
  }
  for (const auto* sub : {"/signing", "/publish/objects", "/publish/bins", "/publish/keys"}) {
    fs::create_directories(data_dir + sub, ec);
    if (ec) return fail(ErrorCode::io, data_dir + sub + ": " + ec.message());
  }
  if (auto r = write_key_files(data_dir + "/signing/1.key", publisher_key); !r) return r;
  const KeyPair timestamp = generate_key_pair();
  if (auto r = write_key_files(data_dir + "/signing/timestamp.key", timestamp); !r) return r;
  auto store = open(data_dir, clock);
  if (!store) return std::unexpected(store.error());
  // Key set 1 signs itself: a kiosk pins it on first install (trusted_keys.json).
  const std::string envelope = make_envelope(
      keys_format, key_set_payload(1, publisher_key.public_key, timestamp.public_key), {publisher_key});
  auto tx = storage::Transaction::begin(*store->db_);
  if (!tx) return std::unexpected(tx.error());
  for (const auto& [k, v] : std::map<std::string, std::string>{
           {"catalogue_version", "0"}, {"keys_version", "1"}, {"keys", envelope}}) {
    if (auto r = store->set_state(k, v); !r) return r;
  }
  if (auto r = store->audit("operator", "init", data_dir, "ok", "publisher key " + publisher_key.public_key.key_id());
      !r) {
    return r;
  }
  if (auto r = tx->commit(); !r) return r;
  return write_key_set(store->publish_dir(), 1, envelope);
}

Result<CentralStore> CentralStore::open(const std::string& data_dir, const Clock& clock, CentralConfig config) {
  auto db = storage::Database::open(data_dir + "/central.db");
  if (!db) return std::unexpected(db.error());
  auto owned = std::make_unique<storage::Database>(std::move(*db));
  if (auto r = migrate_central(*owned, schema_version); !r) return std::unexpected(r.error());
  return CentralStore(data_dir, std::move(owned), clock, config);
}

Result<std::string> CentralStore::state(const std::string& key) {
  auto st = db_->prepare("SELECT value FROM state WHERE key = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, key);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, db_->path() + ": no " + key + " recorded (was `central init` run?)");
  return st->text(0);
}

Result<void> CentralStore::set_state(const std::string& key, const std::string& value) {
  auto st = db_->prepare("INSERT INTO state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, key).bind(2, value).run();
}

Result<std::int64_t> CentralStore::catalogue_version() {
  auto v = state("catalogue_version");
  if (!v) return std::unexpected(v.error());
  return std::stoll(*v);
}

Result<std::int64_t> CentralStore::keys_version() {
  auto v = state("keys_version");
  if (!v) return std::unexpected(v.error());
  return std::stoll(*v);
}

Result<KeyPair> CentralStore::signing_key(std::int64_t version) {
  return read_secret_key_file(dir_ + "/signing/" + std::to_string(version) + ".key");
}

}  // namespace hall::central
