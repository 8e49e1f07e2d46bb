// SPDX-License-Identifier: Apache-2.0
// The administrator registry: who may act, in which roles (author, reviewer, publisher).
#include <algorithm>

#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "common/hex.h"

namespace hall::central {

using namespace detail;

namespace {

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (const Role r : roles) {
    if (!out.empty()) out += ',';
    out += to_string(r);
  }
  return out;
}

std::vector<Role> roles_from(const std::string& text) {
  std::vector<Role> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    if (auto r = role_from(std::string_view(text).substr(start, comma - start))) out.push_back(*r);
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<void> CentralStore::add_admin(const Admin& a, const std::string& actor) {
  const auto refuse = [&](const std::string& why) -> Result<void> {
    return audit_refusal<void>(fail(ErrorCode::invalid_input, why), actor, "add-admin", a.id);
  };
  if (!valid_id(a.id)) return refuse("admin id \"" + a.id + "\": expected 1-64 of [A-Za-z0-9._-]");
  if (a.name.empty()) return refuse("admin " + a.id + ": a name is required");
  if (a.roles.empty()) return refuse("admin " + a.id + ": at least one role (author, reviewer, publisher) is required");
  if (from_hex(a.key.hex).value_or("").size() != 32) return refuse("admin " + a.id + ": not an Ed25519 public key");
  const auto inserted = [&]() -> Result<void> {
    auto tx = storage::Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto st = db_->prepare("INSERT INTO admins (id, name, public_key, roles, added_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) return std::unexpected(st.error());
    st->bind(1, a.id).bind(2, a.name).bind(3, a.key.hex).bind(4, roles_text(a.roles));
    st->bind(5, seconds_of(clock_->now()));
    if (auto r = st->run(); !r) return fail(ErrorCode::conflict, "admin " + a.id + ": the id or the key is already registered");
    if (auto r = audit(actor, "add-admin", a.id, "ok", a.name + " (" + roles_text(a.roles) + ")"); !r) return r;
    return tx->commit();
  }();
  return audit_refusal(inserted, actor, "add-admin", a.id);
}

Result<Admin> CentralStore::admin(const std::string& id) {
  auto st = db_->prepare("SELECT id, name, public_key, roles FROM admins WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, "unknown administrator \"" + id + "\"");
  return Admin{st->text(0), st->text(1), PublicKey{st->text(2)}, roles_from(st->text(3))};
}

Result<std::vector<Admin>> CentralStore::admins() {
  auto st = db_->prepare("SELECT id, name, public_key, roles FROM admins ORDER BY id");
  if (!st) return std::unexpected(st.error());
  std::vector<Admin> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({row.text(0), row.text(1), PublicKey{row.text(2)}, roles_from(row.text(3))});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<void> CentralStore::require_role(const std::string& admin_id, Role role) {
  auto a = admin(admin_id);
  if (!a) return std::unexpected(a.error());
  if (!a->has(role)) {
    return fail(ErrorCode::conflict, "administrator " + admin_id + " does not hold the " + to_string(role) + " role");
  }
  return {};
}

}  // namespace hall::central
