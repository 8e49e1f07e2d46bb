// SPDX-License-Identifier: Apache-2.0
// The audit log (every action, one row each), refusals of unauthenticated callers counted per
// minute, source and reason, and the replay memory of signed requests.
#include "central/central_store.h"
#include "central/central_store_detail.h"

namespace hall::central {

using namespace detail;

namespace {

constexpr std::int64_t replay_window_seconds = 600;

AuditEntry audit_entry_of(const storage::Statement& row) {
  return {row.integer(0), instant_of(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)};
}

}  // namespace

Result<void> CentralStore::audit(const std::string& actor, const std::string& action, const std::string& target,
                                 const std::string& outcome, const std::string& detail) {
  auto st = db_->prepare("INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, seconds_of(clock_->now())).bind(2, actor).bind(3, action).bind(4, target).bind(5, outcome)
      .bind(6, detail)
      .run();
}

Result<std::vector<AuditEntry>> CentralStore::audit_log(int limit) {
  auto st = db_->prepare("SELECT seq, at, actor, action, target, outcome, detail FROM audit ORDER BY seq DESC LIMIT ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, limit);
  std::vector<AuditEntry> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back(audit_entry_of(row));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<std::vector<AuditEntry>> CentralStore::audit_page(std::int64_t before, int limit) {
  auto st = db_->prepare(
      "SELECT seq, at, actor, action, target, outcome, detail FROM audit WHERE ?1 = 0 OR seq < ?1 "
      "ORDER BY seq DESC LIMIT ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, before).bind(2, limit);
  std::vector<AuditEntry> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back(audit_entry_of(row));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<void> CentralStore::count_refusal(const std::string& source, const std::string& reason) {
  const std::int64_t now = seconds_of(clock_->now());
  auto st = db_->prepare(
      "INSERT INTO refusal_counts (minute, source, reason, count) VALUES (?1, ?2, ?3, 1) "
      "ON CONFLICT (minute, source, reason) DO UPDATE SET count = count + 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, now - now % 60).bind(2, source.substr(0, 64)).bind(3, reason);
  return st->run();
}

Result<std::vector<RefusalCount>> CentralStore::refusal_counts(int limit) {
  auto st = db_->prepare(
      "SELECT minute, source, reason, count FROM refusal_counts ORDER BY minute DESC, source, reason LIMIT ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, limit);
  std::vector<RefusalCount> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({instant_of(row.integer(0)), row.text(1), row.text(2), row.integer(3)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<bool> CentralStore::remember_request(const std::string& signature) {
  const auto now = seconds_of(clock_->now());
  auto purge = db_->prepare("DELETE FROM seen_requests WHERE at < ?1");
  if (!purge) return std::unexpected(purge.error());
  if (auto r = purge->bind(1, now - replay_window_seconds).run(); !r) return std::unexpected(r.error());
  auto st = db_->prepare("INSERT OR IGNORE INTO seen_requests (signature, at) VALUES (?1, ?2)");
  if (!st) return std::unexpected(st.error());
  if (auto r = st->bind(1, signature).bind(2, now).run(); !r) return std::unexpected(r.error());
  return db_->changes() == 1;
}

}  // namespace hall::central
