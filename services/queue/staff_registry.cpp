// SPDX-License-Identifier: Apache-2.0
#include "queue/staff_registry.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "common/sha256.h"
#include "queue/audit_log.h"

namespace hall::queue {
namespace {


bool is_pin(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 12 &&
         std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

QueueResult<void> done(Result<void> r) {
  if (!r) return refuse(r.error());
  return {};
}

}  // namespace

const char* to_string(StaffRole r) {
  return r == StaffRole::manager ? "manager" : "clerk";
}

std::optional<StaffRole> staff_role_of(const std::string& name) {
  if (name == "clerk") return StaffRole::clerk;
  if (name == "manager") return StaffRole::manager;
  return std::nullopt;
}

PinCost PinCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PinCost PinCost::minimal() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

QueueResult<std::string> StaffRegistry::hash_pin(const std::string& pin) const {
  if (!is_pin(pin)) return refuse(Refusal::invalid_input, "a PIN is 4 to 12 digits");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), cost_.ops, cost_.mem) != 0) {
    return refuse(Refusal::storage, "not enough memory to hash the PIN");
  }
  return std::string(out);
}

QueueResult<void> StaffRegistry::add(const std::string& id, const std::string& name, StaffRole role,
                                     const std::string& pin) {
  if (id.empty() || id.size() > 32) return refuse(Refusal::invalid_input, "a staff id is 1 to 32 characters");
  if (name.empty() || name.size() > 100) return refuse(Refusal::invalid_input, "a staff name is 1 to 100 bytes");
  auto hash = hash_pin(pin);
  if (!hash) return std::unexpected(hash.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  auto st = db_->prepare("INSERT INTO staff (id, name, role, pin_hash) VALUES (?1, ?2, ?3, ?4)");
  if (!st) return refuse(st.error());
  if (auto r = st->bind(1, id).bind(2, name).bind(3, to_string(role)).bind(4, *hash).run(); !r) {
    if (r.error().code == ErrorCode::conflict) return refuse(Refusal::invalid_input, "staff " + id + " already exists");
    return refuse(r.error());
  }
  if (auto a = audit(*db_, {0, clock_->now(), "hallctl", "", "staff_add", "ok", id}); !a) return refuse(a.error());
  return done(tx->commit());
}

QueueResult<std::vector<StaffMember>> StaffRegistry::list() {
  auto st = db_->prepare("SELECT id, name, role, disabled, failed_pins, locked_until FROM staff ORDER BY id");
  if (!st) return refuse(st.error());
  std::vector<StaffMember> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        StaffMember m{row.text(0),
                      row.text(1),
                      staff_role_of(row.text(2)).value_or(StaffRole::clerk),
                      row.integer(3) != 0,
                      static_cast<int>(row.integer(4)),
                      std::nullopt};
        if (const auto t = row.optional_integer(5)) m.locked_until = instant_of(*t);
        out.push_back(std::move(m));
        return {};
      });
      !r) {
    return refuse(r.error());
  }
  return out;
}

QueueResult<void> StaffRegistry::disable(const std::string& id) {
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  auto st = db_->prepare("UPDATE staff SET disabled = 1 WHERE id = ?1");
  if (!st) return refuse(st.error());
  if (auto r = st->bind(1, id).run(); !r) return refuse(r.error());
  if (db_->changes() == 0) return refuse(Refusal::not_found, "no staff " + id);
  auto end = db_->prepare("UPDATE sessions SET ended_at = ?2 WHERE staff_id = ?1 AND ended_at IS NULL");
  if (!end) return refuse(end.error());
  if (auto r = end->bind(1, id).bind(2, seconds_of(clock_->now())).run(); !r) return refuse(r.error());
  if (auto a = audit(*db_, {0, clock_->now(), "hallctl", "", "staff_disable", "ok", id}); !a) return refuse(a.error());
  return done(tx->commit());
}

QueueResult<void> StaffRegistry::reset_pin(const std::string& id, const std::string& pin) {
  auto hash = hash_pin(pin);
  if (!hash) return std::unexpected(hash.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  auto st = db_->prepare("UPDATE staff SET pin_hash = ?2, failed_pins = 0, locked_until = NULL WHERE id = ?1");
  if (!st) return refuse(st.error());
  if (auto r = st->bind(1, id).bind(2, *hash).run(); !r) return refuse(r.error());
  if (db_->changes() == 0) return refuse(Refusal::not_found, "no staff " + id);
  if (auto a = audit(*db_, {0, clock_->now(), "hallctl", "", "staff_reset_pin", "ok", id}); !a) {
    return refuse(a.error());
  }
  return done(tx->commit());
}

QueueResult<Session> StaffRegistry::refuse_sign_in(const std::string& id, const std::string& window, Refusal reason,
                                                   const std::string& message) {
  auto tx = storage::Transaction::begin(*db_);
  if (tx && audit(*db_, {0, clock_->now(), id, window, "sign_in", to_string(reason), message})) (void)tx->commit();
  return refuse(reason, message);
}

QueueResult<Session> StaffRegistry::sign_in(const std::string& id, const std::string& pin, const std::string& window) {
  const Instant now = clock_->now();
  if (!hall_->window(window)) return refuse(Refusal::not_found, "window \"" + window + "\" is not in hall.json");
  auto st = db_->prepare("SELECT pin_hash, role, disabled, locked_until FROM staff WHERE id = ?1");
  if (!st) return refuse(st.error());
  auto row = st->bind(1, id).step();
  if (!row) return refuse(row.error());
  const std::string wrong = "staff id or PIN is wrong";
  if (!*row) return refuse_sign_in(id, window, Refusal::unauthenticated, wrong);
  const std::string hash = st->text(0);
  const StaffRole role = staff_role_of(st->text(1)).value_or(StaffRole::clerk);
  const bool disabled = st->integer(2) != 0;
  const auto until = st->optional_integer(3);
  // Done with the row: a statement left open holds its read snapshot through the slow hash, and
  // BEGIN IMMEDIATE on a snapshot another writer has moved past fails at once with "database is
  // locked" (SQLITE_BUSY_SNAPSHOT; no busy handler is tried).
  st->reset();
  if (disabled) return refuse_sign_in(id, window, Refusal::forbidden, "staff " + id + " is disabled");
  if (until && now < instant_of(*until)) {
    return refuse_sign_in(id, window, Refusal::locked,
                          "staff " + id + " is locked after wrong PINs; try again in " +
                              std::to_string((instant_of(*until) - now).count()) + " s");
  }
  // The slow hash runs outside the write lock, so a sign-in never holds up the queue.
  const bool right = crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  if (!right) {
    auto bump = db_->prepare(
        "UPDATE staff SET failed_pins = CASE WHEN failed_pins + 1 >= ?2 THEN 0 ELSE failed_pins + 1 END, "
        "locked_until = CASE WHEN failed_pins + 1 >= ?2 THEN ?3 ELSE locked_until END WHERE id = ?1 "
        "RETURNING locked_until");
    if (!bump) return refuse(bump.error());
    bump->bind(1, id).bind(2, max_wrong_pins).bind(3, seconds_of(now + pin_lockout));
    auto locked = bump->step();
    if (!locked) return refuse(locked.error());
    const bool now_locked = *locked && bump->optional_integer(0) && instant_of(*bump->optional_integer(0)) > now;
    if (auto r = bump->run(); !r) return refuse(r.error());
    const Refusal reason = now_locked ? Refusal::locked : Refusal::unauthenticated;
    const std::string message =
        now_locked ? "staff " + id + " is locked for 5 minutes after " + std::to_string(max_wrong_pins) + " wrong PINs"
                   : wrong;
    if (auto a = audit(*db_, {0, now, id, window, "sign_in", to_string(reason), message}); !a) return refuse(a.error());
    if (auto c = tx->commit(); !c) return refuse(c.error());
    return refuse(reason, message);
  }
  auto reset = db_->prepare("UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?1");
  if (!reset) return refuse(reset.error());
  if (auto r = reset->bind(1, id).run(); !r) return refuse(r.error());
  Session s{random_hex(*random_, 32), id, role, window, now + session_lifetime};
  auto add = db_->prepare(
      "INSERT INTO sessions (token_hash, staff_id, window_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!add) return refuse(add.error());
  add->bind(1, sha256_hex(s.token)).bind(2, id).bind(3, window).bind(4, seconds_of(now));
  if (auto r = add->bind(5, seconds_of(s.expires_at)).run(); !r) return refuse(r.error());
  if (auto a = audit(*db_, {0, now, id, window, "sign_in", "ok", ""}); !a) return refuse(a.error());
  if (auto c = tx->commit(); !c) return refuse(c.error());
  return s;
}

QueueResult<Session> StaffRegistry::session(const std::string& token) {
  auto st = db_->prepare(
      "SELECT s.staff_id, f.role, s.window_id, s.expires_at FROM sessions s JOIN staff f ON f.id = s.staff_id "
      "WHERE s.token_hash = ?1 AND s.ended_at IS NULL AND s.expires_at > ?2 AND f.disabled = 0");
  if (!st) return refuse(st.error());
  auto row = st->bind(1, sha256_hex(token)).bind(2, seconds_of(clock_->now())).step();
  if (!row) return refuse(row.error());
  if (!*row) return refuse(Refusal::unauthenticated, "the session is unknown, ended or expired; sign in again");
  return Session{"", st->text(0), staff_role_of(st->text(1)).value_or(StaffRole::clerk), st->text(2),
                 instant_of(st->integer(3))};
}

QueueResult<void> StaffRegistry::sign_out(const std::string& token) {
  auto current = session(token);
  if (!current) return std::unexpected(current.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return refuse(tx.error());
  auto st = db_->prepare("UPDATE sessions SET ended_at = ?2 WHERE token_hash = ?1");
  if (!st) return refuse(st.error());
  const Instant now = clock_->now();
  if (auto r = st->bind(1, sha256_hex(token)).bind(2, seconds_of(now)).run(); !r) return refuse(r.error());
  if (auto a = audit(*db_, {0, now, current->staff_id, current->window, "sign_out", "ok", ""}); !a) {
    return refuse(a.error());
  }
  return done(tx->commit());
}

QueueResult<std::optional<Instant>> StaffRegistry::locked_until(const std::string& id) {
  auto st = db_->prepare("SELECT locked_until FROM staff WHERE id = ?1");
  if (!st) return refuse(st.error());
  auto row = st->bind(1, id).step();
  if (!row) return refuse(row.error());
  if (!*row) return refuse(Refusal::not_found, "no staff " + id);
  const auto until = st->optional_integer(0);
  if (!until || instant_of(*until) <= clock_->now()) return std::optional<Instant>{};
  return std::optional<Instant>(instant_of(*until));
}

}  // namespace hall::queue
