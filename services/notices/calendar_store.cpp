// SPDX-License-Identifier: Apache-2.0
#include "notices/calendar_store.h"

#include <algorithm>

#include "common/sha256.h"
#include "notices/calendar_file.h"

namespace hall::notices {
namespace {

// What a year says, in one comparable string: its days off and its 调休 working days.
std::string year_days(const CalendarYear& y) {
  std::string out;
  for (const auto& h : y.holidays)
    out += h.name + "|" + h.name_en + "|" + format_iso_date(h.from) + "|" + format_iso_date(h.to) + ";";
  out += "/";
  for (const auto& w : y.working_weekends) out += format_iso_date(w) + ";";
  return out;
}

const CalendarYear* find_year(const WorkingCalendar& c, int year) {
  const auto& ys = c.years();
  const auto it = std::find_if(ys.begin(), ys.end(), [&](const CalendarYear& y) { return y.year == year; });
  return it == ys.end() ? nullptr : &*it;
}

}  // namespace

Result<CalendarImportReport> CalendarStore::import(std::string_view bytes) {
  auto incoming = parse_calendar_file(bytes);
  if (!incoming) return std::unexpected(incoming.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto stored = load();
  if (!stored) return std::unexpected(stored.error());
  CalendarImportReport report;
  std::string missing;
  if (*stored) {
    for (const auto& y : (*stored)->years()) {
      if (!incoming->knows(y.year)) missing += (missing.empty() ? "" : ", ") + std::to_string(y.year);
    }
  }
  if (!missing.empty()) {
    return fail(ErrorCode::conflict, "calendar: the hall's calendar holds " + missing +
                                         ", which this file leaves out; a calendar file carries every year the "
                                         "hall holds (nothing was changed)");
  }
  for (const auto& y : incoming->years()) {
    const CalendarYear* before = *stored ? find_year(**stored, y.year) : nullptr;
    if (!before) {
      report.added.push_back(y.year);
    } else if (year_days(*before) == year_days(y) && before->source == y.source) {
      report.unchanged.push_back(y.year);
    } else {
      report.changed.push_back(y.year);
    }
  }
  if (auto r = write(*db_, bytes, clock_->now()); !r) return std::unexpected(r.error());
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return report;
}

Result<void> CalendarStore::write(storage::Database& db, std::string_view bytes, Instant now) {
  auto st = db.prepare(
      "INSERT INTO working_calendar (id, body, content_hash, imported_at) VALUES (1, ?1, ?2, ?3) "
      "ON CONFLICT (id) DO UPDATE SET body = excluded.body, content_hash = excluded.content_hash, "
      "imported_at = excluded.imported_at");
  if (!st) return std::unexpected(st.error());
  st->bind(1, bytes).bind(2, sha256_hex(bytes)).bind(3, seconds_of(now));
  return st->run();
}

Result<std::optional<std::string>> CalendarStore::stored_hash(storage::Database& db) {
  auto st = db.prepare("SELECT content_hash FROM working_calendar WHERE id = 1");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(st->text(0));
}

Result<std::optional<WorkingCalendar>> CalendarStore::load() const {
  auto st = db_->prepare("SELECT body FROM working_calendar WHERE id = 1");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<WorkingCalendar>{};
  auto c = parse_calendar_file(st->text(0));
  if (!c) return fail(ErrorCode::corrupt, "the stored working-day calendar is no longer valid: " + c.error().message);
  return std::optional<WorkingCalendar>(std::move(*c));
}

}  // namespace hall::notices
