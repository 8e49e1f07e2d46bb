// SPDX-License-Identifier: Apache-2.0
#include "queue/device_registry.h"

#include "common/sha256.h"
#include "queue/audit_log.h"

namespace hall::queue {
namespace {


Device device_of(const storage::Statement& row) {
  Device d{row.text(0), device_role_of(row.text(1)).value_or(DeviceRole::board), instant_of(row.integer(2)),
           std::nullopt};
  if (const auto t = row.optional_integer(3)) d.revoked_at = instant_of(*t);
  return d;
}

}  // namespace

const char* to_string(DeviceRole r) {
  return r == DeviceRole::kiosk ? "kiosk" : "board";
}

std::optional<DeviceRole> device_role_of(const std::string& name) {
  if (name == "kiosk") return DeviceRole::kiosk;
  if (name == "board") return DeviceRole::board;
  return std::nullopt;
}

QueueResult<NewDevice> DeviceRegistry::add(const std::string& id, DeviceRole role) {
  if (id.empty() || id.size() > 32) return refuse(Refusal::invalid_input, "a device id is 1 to 32 characters");
  const Instant now = clock_->now();
  NewDevice out{Device{id, role, now, std::nullopt}, random_hex(*random_, 32)};
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  auto st = db_->prepare("INSERT INTO devices (id, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)");
  if (!st) return refuse(st.error());
  st->bind(1, id).bind(2, to_string(role)).bind(3, sha256_hex(out.token)).bind(4, now.time_since_epoch().count());
  if (auto r = st->run(); !r) {
    if (r.error().code == ErrorCode::conflict)
      return refuse(Refusal::invalid_input, "device " + id + " already exists");
    return refuse(r.error());
  }
  if (auto a = audit(*db_, {0, now, "hallctl", "", "device_add", "ok", id}); !a) return refuse(a.error());
  if (auto c = tx->commit(); !c) return refuse(c.error());
  return out;
}

QueueResult<std::vector<Device>> DeviceRegistry::list() {
  auto st = db_->prepare("SELECT id, role, created_at, revoked_at FROM devices ORDER BY id");
  if (!st) return refuse(st.error());
  std::vector<Device> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back(device_of(row));
        return {};
      });
      !r) {
    return refuse(r.error());
  }
  return out;
}

QueueResult<void> DeviceRegistry::revoke(const std::string& id) {
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  const Instant now = clock_->now();
  auto st = db_->prepare("UPDATE devices SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL");
  if (!st) return refuse(st.error());
  if (auto r = st->bind(1, id).bind(2, now.time_since_epoch().count()).run(); !r) return refuse(r.error());
  if (db_->changes() == 0) return refuse(Refusal::not_found, "no device " + id + " that is not revoked already");
  if (auto a = audit(*db_, {0, now, "hallctl", "", "device_revoke", "ok", id}); !a) return refuse(a.error());
  if (auto c = tx->commit(); !c) return refuse(c.error());
  return {};
}

QueueResult<Device> DeviceRegistry::authenticate(const std::string& token) {
  auto st = db_->prepare("SELECT id, role, created_at, revoked_at FROM devices WHERE token_hash = ?1");
  if (!st) return refuse(st.error());
  auto row = st->bind(1, sha256_hex(token)).step();
  if (!row) return refuse(row.error());
  if (!*row) return refuse(Refusal::unauthenticated, "unknown device token");
  Device d = device_of(*st);
  if (d.revoked_at) return refuse(Refusal::unauthenticated, "device " + d.id + " was revoked");
  return d;
}

}  // namespace hall::queue
