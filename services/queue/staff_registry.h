// SPDX-License-Identifier: Apache-2.0
#pragma once
// Clerks and managers: argon2id PINs (libsodium crypto_pwhash_str), five wrong PINs lock a staff id
// for five minutes, and a sign-in opens a session bound to one window, with an expiry. Session
// tokens are shown once and stored only as their SHA-256.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "hall/hall_config.h"
#include "queue/queue_error.h"
#include "queue/random_source.h"
#include "storage/sqlite.h"

namespace hall::queue {

enum class StaffRole { clerk, manager };
const char* to_string(StaffRole r);
std::optional<StaffRole> staff_role_of(const std::string& name);

inline constexpr int max_wrong_pins = 5;
inline constexpr std::chrono::minutes pin_lockout{5};
inline constexpr std::chrono::hours session_lifetime{12};

// The argon2id cost; tests use the smallest libsodium allows so a table of wrong PINs runs fast.
struct PinCost {
  unsigned long long ops;
  std::size_t mem;
  static PinCost interactive();
  static PinCost minimal();
};

struct StaffMember {
  std::string id, name;
  StaffRole role = StaffRole::clerk;
  bool disabled = false;
  int failed_pins = 0;
  std::optional<Instant> locked_until;
};

struct Session {
  std::string token;  // only when just signed in; empty when looked up
  std::string staff_id;
  StaffRole role = StaffRole::clerk;
  std::string window;
  Instant expires_at;
};

class StaffRegistry {
 public:
  StaffRegistry(storage::Database& db, const HallConfig& hall, const Clock& clock, RandomSource& random,
                PinCost cost = PinCost::interactive())
      : db_(&db), hall_(&hall), clock_(&clock), random_(&random), cost_(cost) {}

  QueueResult<void> add(const std::string& id, const std::string& name, StaffRole role, const std::string& pin);
  QueueResult<std::vector<StaffMember>> list();
  QueueResult<void> disable(const std::string& id);
  // A new PIN; it also lifts a lock and forgets wrong PINs.
  QueueResult<void> reset_pin(const std::string& id, const std::string& pin);

  QueueResult<Session> sign_in(const std::string& id, const std::string& pin, const std::string& window);
  // The session a token stands for: unauthenticated when unknown, ended, expired or disabled since.
  QueueResult<Session> session(const std::string& token);
  QueueResult<void> sign_out(const std::string& token);
  // When a locked staff id may try again (for Retry-After).
  QueueResult<std::optional<Instant>> locked_until(const std::string& id);

 private:
  QueueResult<std::string> hash_pin(const std::string& pin) const;
  QueueResult<Session> refuse_sign_in(const std::string& id, const std::string& window, Refusal reason,
                                      const std::string& message);

  storage::Database* db_;
  const HallConfig* hall_;
  const Clock* clock_;
  RandomSource* random_;
  PinCost cost_;
};

}  // namespace hall::queue
