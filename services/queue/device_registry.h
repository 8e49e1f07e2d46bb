// SPDX-License-Identifier: Apache-2.0
#pragma once
// Kiosks and boards that may talk to the hub. A device's token is shown once, when it is added;
// only its SHA-256 is stored, so a copy of queue.db lets nobody act as a device.
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "queue/queue_error.h"
#include "queue/random_source.h"
#include "storage/sqlite.h"

namespace hall::queue {

enum class DeviceRole { kiosk, board };
const char* to_string(DeviceRole r);
std::optional<DeviceRole> device_role_of(const std::string& name);

struct Device {
  std::string id;
  DeviceRole role = DeviceRole::kiosk;
  Instant created_at;
  std::optional<Instant> revoked_at;
};

struct NewDevice {
  Device device;
  std::string token;  // 256-bit random, hex; shown once
};

class DeviceRegistry {
 public:
  DeviceRegistry(storage::Database& db, const Clock& clock, RandomSource& random)
      : db_(&db), clock_(&clock), random_(&random) {}

  QueueResult<NewDevice> add(const std::string& id, DeviceRole role);
  QueueResult<std::vector<Device>> list();
  QueueResult<void> revoke(const std::string& id);
  // The device a bearer token stands for: unauthenticated when unknown or revoked.
  QueueResult<Device> authenticate(const std::string& token);

 private:
  storage::Database* db_;
  const Clock* clock_;
  RandomSource* random_;
};

}  // namespace hall::queue
