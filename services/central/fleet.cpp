// SPDX-License-Identifier: Apache-2.0
// The fleet: enrolled kiosks, their signed heartbeats, and which of them are behind or silent.
#include "central/central_store.h"
#include "central/central_store_detail.h"

namespace hall::central {

using namespace detail;

Result<void> CentralStore::enrol_kiosk(const EnrolledKiosk& k, const std::string& actor) {
  if (!valid_id(k.id))
    return fail(ErrorCode::invalid_input, "kiosk id \"" + k.id + "\": expected 1-64 of [A-Za-z0-9._-]");
  auto st = db_->prepare(
      "INSERT INTO kiosk_keys (kiosk_id, name, public_key, enrolled_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (kiosk_id) DO UPDATE SET name = ?2, public_key = ?3, enrolled_at = ?4");
  if (!st) return std::unexpected(st.error());
  st->bind(1, k.id).bind(2, k.name).bind(3, k.key.hex).bind(4, seconds_of(clock_->now()));
  if (auto r = st->run(); !r) return r;
  return audit(actor, "enrol-kiosk", k.id, "ok", "key " + k.key.key_id());
}

Result<std::optional<EnrolledKiosk>> CentralStore::enrolled_kiosk(const std::string& kiosk_id) {
  auto st = db_->prepare("SELECT name, public_key FROM kiosk_keys WHERE kiosk_id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, kiosk_id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<EnrolledKiosk>{};
  return std::optional<EnrolledKiosk>{EnrolledKiosk{kiosk_id, st->text(0), PublicKey{st->text(1)}}};
}

Result<void> CentralStore::count_refused_heartbeat(const std::string& reason) {
  auto st = db_->prepare(
      "INSERT INTO refused_heartbeats (reason, count) VALUES (?1, 1) "
      "ON CONFLICT (reason) DO UPDATE SET count = count + 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, reason);
  return st->run();
}

Result<std::vector<std::pair<std::string, std::int64_t>>> CentralStore::refused_heartbeats() {
  auto st = db_->prepare("SELECT reason, count FROM refused_heartbeats ORDER BY reason");
  if (!st) return std::unexpected(st.error());
  std::vector<std::pair<std::string, std::int64_t>> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.emplace_back(row.text(0), row.integer(1));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<void> CentralStore::record_heartbeat(const Heartbeat& beat) {
  if (!valid_id(beat.kiosk_id)) return fail(ErrorCode::invalid_input, "heartbeat: kiosk_id: expected 1-64 of [A-Za-z0-9._-]");
  const auto too_long = [](const std::string& s) { return s.size() > 2000; };
  if (too_long(beat.last_error) || too_long(beat.printer_state) || too_long(beat.last_good_sync)) {
    return fail(ErrorCode::invalid_input, "heartbeat from " + beat.kiosk_id + ": a field is longer than 2000 bytes");
  }
  auto st = db_->prepare(
      "INSERT INTO kiosks (kiosk_id, catalogue_version, last_good_sync, last_error, printer_state, last_seen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kiosk_id) DO UPDATE SET catalogue_version = ?2, "
      "last_good_sync = ?3, last_error = ?4, printer_state = ?5, last_seen = ?6");
  if (!st) return std::unexpected(st.error());
  st->bind(1, beat.kiosk_id).bind(2, beat.catalogue_version).bind(3, beat.last_good_sync).bind(4, beat.last_error);
  st->bind(5, beat.printer_state).bind(6, seconds_of(clock_->now()));
  return st->run();
}

Result<std::vector<KioskStatus>> CentralStore::kiosks() {
  auto latest = catalogue_version();
  if (!latest) return std::unexpected(latest.error());
  auto st = db_->prepare(
      "SELECT kiosk_id, catalogue_version, last_good_sync, last_error, printer_state, last_seen FROM kiosks "
      "ORDER BY kiosk_id");
  if (!st) return std::unexpected(st.error());
  const auto now = clock_->now();
  std::vector<KioskStatus> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        KioskStatus k;
        k.last = {row.text(0), row.integer(1), row.text(2), row.text(3), row.text(4)};
        k.last_seen = instant_of(row.integer(5));
        k.behind = k.last.catalogue_version < *latest;
        k.silent = now - k.last_seen > config_.silent_after;
        out.push_back(std::move(k));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

}  // namespace hall::central
