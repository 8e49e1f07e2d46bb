// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_store.h"

#include "common/sha256.h"
#include "notices/notice_labels.h"
#include "notices/notice_parser.h"

namespace hall::notices {
namespace {

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(format_iso_date(*d)) : std::nullopt;
}

void bind_optional(storage::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind_null(index);
  }
}

Result<void> insert(storage::Database& db, const Notice& n, const std::string& hash, Instant now) {
  auto st = db.prepare(
      "INSERT INTO notice_versions (notice_id, version, kind, category, date, effective_from, expires_on, title, "
      "body, content_hash, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, n.id).bind(2, n.version).bind(3, term(n.kind).code).bind(4, term(n.category).code);
  st->bind(5, format_iso_date(n.date));
  bind_optional(*st, 6, iso(n.effective_from));
  bind_optional(*st, 7, iso(n.expires_on));
  st->bind(8, n.title.zh).bind(9, n.source_json).bind(10, hash).bind(11, now.time_since_epoch().count());
  return st->run();
}

}  // namespace

Result<NoticeImportReport> NoticeStore::import(const NoticeFile& file) {
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto stored = db_->prepare(
      "SELECT version, content_hash FROM notice_versions WHERE notice_id = ?1 "
      "ORDER BY version DESC LIMIT 1");
  auto same = db_->prepare("SELECT content_hash FROM notice_versions WHERE notice_id = ?1 AND version = ?2");
  if (!stored) return std::unexpected(stored.error());
  if (!same) return std::unexpected(same.error());
  NoticeImportReport report;
  std::string refusals;
  const auto refuse = [&](const std::string& m) { refusals += (refusals.empty() ? "" : "\n") + m; };
  for (const auto& n : file.notices) {
    if (n.disclosure != Disclosure::active) {
      refuse("notice " + n.id + ": $.disclosure: only 主动公开 notices are kept on a kiosk, got " +
             term(n.disclosure).code);
      continue;
    }
    const auto hash = sha256_hex(n.source_json);
    same->reset();
    same->bind(1, n.id).bind(2, n.version);
    auto exists = same->step();
    if (!exists) return std::unexpected(exists.error());
    if (*exists) {
      if (same->text(0) == hash) {
        ++report.unchanged;
      } else {
        refuse("notice " + n.id + ": $.version: version " + std::to_string(n.version) +
               " is already stored with other content; give the change a higher version");
      }
      continue;
    }
    stored->reset();
    stored->bind(1, n.id);
    auto row = stored->step();
    if (!row) return std::unexpected(row.error());
    if (*row && stored->integer(0) > n.version) {
      refuse("notice " + n.id + ": $.version: version " + std::to_string(n.version) +
             " is lower than the stored version " + std::to_string(stored->integer(0)));
      continue;
    }
    (*row ? report.updated : report.added) += 1;
    if (auto r = insert(*db_, n, hash, clock_->now()); !r) return std::unexpected(r.error());
  }
  if (!refusals.empty()) return fail(ErrorCode::conflict, refusals);  // the transaction rolls back
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return report;
}

Result<std::vector<Notice>> NoticeStore::current(Date today) const {
  auto st = db_->prepare(R"sql(
    SELECT v.notice_id, v.version, v.body FROM notice_versions v
    WHERE v.version = (SELECT MAX(w.version) FROM notice_versions w
                       WHERE w.notice_id = v.notice_id AND (w.effective_from IS NULL OR w.effective_from <= ?1))
      AND (v.expires_on IS NULL OR v.expires_on > ?1)
    ORDER BY v.date DESC, v.notice_id
  )sql");
  if (!st) return std::unexpected(st.error());
  st->bind(1, format_iso_date(today));
  std::vector<Notice> out;
  auto r = st->each([&](const storage::Statement& row) -> Result<void> {
    const auto subject = "stored notice " + row.text(0) + " version " + std::to_string(row.integer(1));
    Json node;
    try {
      node = Json::parse(row.text(2));
    } catch (const Json::exception&) {
      return fail(ErrorCode::corrupt, subject + ": body is not JSON");
    }
    Problems problems;
    auto n = parse_notice(node, subject, Destination::published, problems);
    if (!n) return fail(ErrorCode::corrupt, subject + " is no longer valid: " + problems.messages().front());
    // The notices in effect are for showing: the object as received stays in the database, not
    // once more in each notice (with 2,000 notices it was the largest part of what they cost).
    std::string().swap(n->source_json);
    out.push_back(std::move(*n));
    return {};
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

}  // namespace hall::notices

namespace hall::notices {

Result<std::set<NoticeVersion>> stored_notice_versions(storage::Database& db) {
  auto st = db.prepare("SELECT notice_id, version FROM notice_versions");
  if (!st) return std::unexpected(st.error());
  std::set<NoticeVersion> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.emplace(row.text(0), static_cast<int>(row.integer(1)));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<std::pair<int, int>> replace_notices(storage::Database& db, const std::set<NoticeVersion>& wanted,
                                            const std::vector<Notice>& fresh, Instant now) {
  auto held = stored_notice_versions(db);
  if (!held) return std::unexpected(held.error());
  std::pair<int, int> counts{0, 0};
  auto drop = db.prepare("DELETE FROM notice_versions WHERE notice_id = ?1 AND version = ?2");
  if (!drop) return std::unexpected(drop.error());
  for (const auto& [id, version] : *held) {
    if (wanted.contains({id, version})) continue;
    drop->reset();
    drop->bind(1, id).bind(2, version);
    if (auto r = drop->run(); !r) return std::unexpected(r.error());
    ++counts.second;
  }
  for (const auto& n : fresh) {
    if (held->contains({n.id, n.version})) continue;
    if (n.disclosure != Disclosure::active) {
      return fail(ErrorCode::invalid_input, "notice " + n.id + ": only 主动公开 notices are kept on a kiosk");
    }
    if (auto r = insert(db, n, sha256_hex(n.source_json), now); !r) return std::unexpected(r.error());
    ++counts.first;
  }
  return counts;
}

}  // namespace hall::notices
