// SPDX-License-Identifier: Apache-2.0
#include "queue/print_log.h"

namespace hall::queue {
namespace {

Instant at_seconds(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

std::int64_t seconds_of(Instant t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

ReprintRequest request_of(const storage::Statement& row) {
  ReprintRequest r{row.integer(0), row.integer(1), row.text(2), row.text(3), at_seconds(row.integer(4)), {}};
  if (auto done = row.optional_integer(5)) r.done_at = at_seconds(*done);
  return r;
}

constexpr const char* request_columns = "SELECT id, ticket_id, device_id, by_staff, asked_at, done_at FROM reprint_requests ";

}  // namespace

bool is_print_result(const std::string& result) {
  return result == "printed" || result == "failed" || result == "reprinted";
}

Result<std::int64_t> record_print(storage::Database& db, const PrintRecord& r) {
  if (!is_print_result(r.result)) return fail(ErrorCode::invalid_input, "print result \"" + r.result + "\" is unknown");
  auto tx = storage::Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  auto st = db.prepare(
      "INSERT INTO print_outcomes (ticket_id, at, device_id, result, reason, by_staff, job_id, request_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, r.ticket_id).bind(2, seconds_of(r.at)).bind(3, r.device).bind(4, r.result).bind(5, r.reason);
  st->bind(6, r.by).bind(7, r.job_id).bind(8, r.request_id);
  if (auto ok = st->run(); !ok) return std::unexpected(ok.error());
  const std::int64_t id = db.last_insert_id();
  if (r.result == "reprinted" && r.request_id) {
    auto done = db.prepare("UPDATE reprint_requests SET done_at = ?1 WHERE id = ?2 AND done_at IS NULL");
    if (!done) return std::unexpected(done.error());
    if (auto ok = done->bind(1, seconds_of(r.at)).bind(2, *r.request_id).run(); !ok) return std::unexpected(ok.error());
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return id;
}

Result<std::vector<PrintRecord>> print_records(storage::Database& db, std::int64_t ticket_id) {
  auto st = db.prepare(
      "SELECT id, ticket_id, at, device_id, result, reason, by_staff, job_id, request_id FROM print_outcomes "
      "WHERE ticket_id = ?1 ORDER BY id");
  if (!st) return std::unexpected(st.error());
  st->bind(1, ticket_id);
  std::vector<PrintRecord> out;
  auto ok = st->each([&](const storage::Statement& row) -> Result<void> {
    out.push_back({row.integer(0), row.integer(1), at_seconds(row.integer(2)), row.text(3), row.text(4), row.text(5),
                   row.text(6), static_cast<int>(row.integer(7)), row.optional_integer(8)});
    return {};
  });
  if (!ok) return std::unexpected(ok.error());
  return out;
}

Result<std::int64_t> add_reprint_request(storage::Database& db, const ReprintRequest& r) {
  auto st = db.prepare("INSERT INTO reprint_requests (ticket_id, device_id, by_staff, asked_at) VALUES (?1, ?2, ?3, ?4)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, r.ticket_id).bind(2, r.device).bind(3, r.by).bind(4, seconds_of(r.asked_at));
  if (auto ok = st->run(); !ok) return std::unexpected(ok.error());
  return db.last_insert_id();
}

Result<std::vector<ReprintRequest>> open_reprint_requests(storage::Database& db, const std::string& device) {
  auto st = db.prepare(std::string(request_columns) + "WHERE device_id = ?1 AND done_at IS NULL ORDER BY id LIMIT 50");
  if (!st) return std::unexpected(st.error());
  st->bind(1, device);
  std::vector<ReprintRequest> out;
  auto ok = st->each([&](const storage::Statement& row) -> Result<void> {
    out.push_back(request_of(row));
    return {};
  });
  if (!ok) return std::unexpected(ok.error());
  return out;
}

Result<std::optional<ReprintRequest>> reprint_request(storage::Database& db, std::int64_t id) {
  auto st = db.prepare(std::string(request_columns) + "WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<ReprintRequest>();
  return std::optional<ReprintRequest>(request_of(*st));
}

Result<std::string> issuing_device(storage::Database& db, std::int64_t ticket_id) {
  auto st = db.prepare("SELECT device_id FROM tickets WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, ticket_id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return *row ? st->text(0) : std::string();
}

}  // namespace hall::queue
