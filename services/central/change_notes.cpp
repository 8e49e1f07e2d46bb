// SPDX-License-Identifier: Apache-2.0
// The plan's rule for changed services: a changed guide is published with a note of what changed
// and from when, within 1 working day of its approval. The note is written here at publish; the
// store's working-day calendar counts the days, and a late publication is warned and audited.
#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "catalogue/change_summary.h"
#include "catalogue/guide_parser.h"
#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "notices/calendar_file.h"

namespace hall::central {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;


Result<catalogue::Guide> guide_of(const Json& node, const std::string& subject) {
  catalogue::Problems problems;
  auto g = catalogue::parse_guide(node, subject, problems);
  if (g) return std::move(*g);
  std::string all;
  for (const auto& m : problems.messages()) all += (all.empty() ? "" : "\n") + m;
  return fail(ErrorCode::invalid_input, all);
}

// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
int working_days_between(const WorkingCalendar& calendar, Date from, Date to) {
  int n = 0;
  // Bounded: a draft approved ten years ago is simply very late.
  for (auto d = std::chrono::sys_days(from) + std::chrono::days(1), end = std::chrono::sys_days(to);
       d <= end && n < 3660; d += std::chrono::days(1)) {
    if (calendar.is_working_day(Date{d})) ++n;
  }
  return n;
}

PublicationDue due_of(const Draft& d, const WorkingCalendar& calendar, Date today, int offset_seconds) {
  const Date approved = date_at(*d.reviewed_at, offset_seconds);
  PublicationDue due;
  due.draft = d.id;
  due.guide = d.guide_id + "@" + std::to_string(d.version);
  due.approved_on = format_iso_date(approved);
  const auto on = calendar.add_working_days(approved, 1);
  due.due_on = on ? format_iso_date(on->date) : due.approved_on;
  const int passed = working_days_between(calendar, approved, today);
  due.working_days_late = std::max(0, passed - 1);
  due.due_today = passed == 1;
  due.weekdays_only = calendar.years().empty();
  return due;
}

}  // namespace

Result<std::vector<int>> CentralStore::import_workdays(std::string_view file_bytes, const std::string& actor) {
  const auto imported = [&]() -> Result<std::vector<int>> {
    auto calendar = notices::parse_calendar_file(file_bytes);
    if (!calendar) return std::unexpected(calendar.error());
    if (auto r = set_state("workdays", std::string(file_bytes)); !r) return std::unexpected(r.error());
    std::vector<int> years;
    std::string list;
    for (const auto& y : calendar->years()) {
      years.push_back(y.year);
      list += " " + std::to_string(y.year);
    }
    if (auto r = audit(actor, "workdays-import", "working-day calendar", "ok", "years" + list); !r) {
      return std::unexpected(r.error());
    }
    return years;
  }();
  return audit_refusal(imported, actor, "workdays-import", "working-day calendar");
}

Result<std::optional<WorkingCalendar>> CentralStore::workdays() {
  auto bytes = state("workdays");
  if (!bytes) {
    if (bytes.error().code == ErrorCode::not_found) return std::optional<WorkingCalendar>{};
    return std::unexpected(bytes.error());
  }
  auto calendar = notices::parse_calendar_file(*bytes);
  if (!calendar) return std::unexpected(calendar.error());
  return std::optional<WorkingCalendar>(std::move(*calendar));
}

Result<std::string> CentralStore::with_change_note(const Draft& d, const std::string& body, int offset_seconds) {
  Json guide = Json::parse(body);
  // The store writes the note from the two published versions; one a draft brings is not kept.
  const bool brought = guide.is_object() && guide.contains("change");
  if (brought) guide.erase("change");
  auto published = published_version(d.guide_id);
  if (!published) return std::unexpected(published.error());
  bool noted = false;
  if (*published) {
    auto before_body = published_body(d.guide_id, **published);
    if (!before_body) return std::unexpected(before_body.error());
    auto before = guide_of(Json::parse(*before_body), "guide " + d.guide_id);
    auto after = guide_of(guide, "draft " + std::to_string(d.id));
    if (!before) return std::unexpected(before.error());
    if (!after) return std::unexpected(after.error());
    const auto summary = catalogue::summarize_change(*before, *after);
    if (!summary.empty()) {
      // From the day it takes effect, or from today when it does at once.
      const Instant since = after->effective_from ? *after->effective_from : clock_->now();
      guide["change"] = {{"since", format_iso_date(date_at(since, offset_seconds))},
                         {"summary", summary.zh},
                         {"summary_en", summary.en}};
      noted = true;
    }
  }
  if (!noted && !brought) return body;  // the bytes as submitted
  auto checked = guide_of(guide, "draft " + std::to_string(d.id));
  if (!checked) return std::unexpected(checked.error());
  return checked->source_json;
}

Result<std::vector<PublicationDue>> CentralStore::late_publications(const std::vector<Draft>& chosen,
                                                                    int offset_seconds, const std::string& publisher) {
  auto calendar = workdays();
  if (!calendar) return std::unexpected(calendar.error());
  const WorkingCalendar counting = *calendar ? **calendar : *WorkingCalendar::from_years({});
  const Date today = date_at(clock_->now(), offset_seconds);
  std::vector<PublicationDue> late;
  for (const auto& d : chosen) {
    if (!d.reviewed_at) continue;
    auto due = due_of(d, counting, today, offset_seconds);
    if (due.working_days_late == 0) continue;
    const std::string detail = due.guide + " approved " + due.approved_on + ", due " + due.due_on + ", published " +
                               format_iso_date(today) + ": " + std::to_string(due.working_days_late) +
                               " working day(s) late" +
                               (due.weekdays_only ? " (no calendar: Monday–Friday counted)" : "");
    if (auto r = audit(publisher, "publish-late", "draft " + std::to_string(d.id), "late", detail); !r) {
      return std::unexpected(r.error());
    }
    late.push_back(std::move(due));
  }
  return late;
}

Result<std::vector<PublicationDue>> CentralStore::publication_due(int offset_seconds) {
  auto approved = query_drafts("WHERE d.state = 'approved'", 0);
  if (!approved) return std::unexpected(approved.error());
  auto calendar = workdays();
  if (!calendar) return std::unexpected(calendar.error());
  const WorkingCalendar counting = *calendar ? **calendar : *WorkingCalendar::from_years({});
  const Date today = date_at(clock_->now(), offset_seconds);
  std::vector<PublicationDue> out;
  for (const auto& d : *approved) {
    if (d.reviewed_at) out.push_back(due_of(d, counting, today, offset_seconds));
  }
  std::sort(out.begin(), out.end(), [](const PublicationDue& a, const PublicationDue& b) {
    return std::tie(a.approved_on, a.draft) < std::tie(b.approved_on, b.draft);
  });
  return out;
}

}  // namespace hall::central
