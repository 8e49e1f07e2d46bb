// SPDX-License-Identifier: Apache-2.0
// Publishing 政务公开 notices and the working-day calendar with the guides: reviewed notice drafts
// become published objects, and the manifest names one notice index (services/sync/PROTOCOL.md).
#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "common/sha256.h"
#include "common/working_calendar.h"

namespace hall::central {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;

Result<std::vector<NoticeDraft>> approved_notice_drafts(CentralStore& store) {
  auto all = store.notice_drafts();
  if (!all) return std::unexpected(all.error());
  std::vector<NoticeDraft> out;
  for (auto& d : *all) {
    if (d.state == DraftState::approved) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Result<std::vector<NoticeDraft>> CentralStore::notices_to_publish(const PublishRequest& request) {
  std::vector<NoticeDraft> chosen;
  if (request.drafts.empty() && request.notice_drafts.empty()) {
    auto approved = approved_notice_drafts(*this);
    if (!approved) return std::unexpected(approved.error());
    // A notice that is not 主动公开 was reviewed for the record; it never leaves the store.
    for (auto& d : *approved) {
      if (d.disclosure == "active") chosen.push_back(std::move(d));
    }
  } else {
    for (const auto id : request.notice_drafts) {
      auto d = notice_draft(id);
      if (!d) return std::unexpected(d.error());
      const std::string name = "notice draft " + std::to_string(id);
      if (d->state != DraftState::approved) {
        return fail(ErrorCode::conflict, name + " is " + to_string(d->state) +
                                             ", not approved: publishing needs a review by another administrator");
      }
      if (d->disclosure != "active") {
        return fail(ErrorCode::conflict, name + " (" + d->notice_id + ") is " + d->disclosure +
                                             ", not 主动公开: it stays in the central store");
      }
      chosen.push_back(std::move(*d));
    }
  }
  std::sort(chosen.begin(), chosen.end(), [](const NoticeDraft& a, const NoticeDraft& b) {
    return std::tie(a.notice_id, a.version) < std::tie(b.notice_id, b.version);
  });
  return chosen;
}

Result<void> CentralStore::publish_notices(const std::vector<NoticeDraft>& chosen, PublishReport& report, Instant now) {
  if (chosen.empty()) return {};
  auto latest = db_->prepare("SELECT max(version) FROM notice_published WHERE notice_id = ?1");
  auto ins = db_->prepare(
      "INSERT INTO notice_published (notice_id, version, hash, length, body, draft_id, catalogue_version, "
      "published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  auto upd = db_->prepare("UPDATE notice_drafts SET state = 'published', published_in = ?2 WHERE id = ?1");
  if (!latest) return std::unexpected(latest.error());
  if (!ins) return std::unexpected(ins.error());
  if (!upd) return std::unexpected(upd.error());
  for (const auto& d : chosen) {
    latest->reset();
    latest->bind(1, d.notice_id);
    if (auto row = latest->step(); !row) return std::unexpected(row.error());
    if (const auto published = latest->optional_integer(0); published && d.version <= *published) {
      return fail(ErrorCode::conflict, "notice draft " + std::to_string(d.id) + ": notice " + d.notice_id +
                                           " version " + std::to_string(d.version) +
                                           " is not above the published version " + std::to_string(*published));
    }
    auto body = notice_published_form(d);
    if (!body) return std::unexpected(body.error());
    const std::string hash = sha256_hex(*body);
    ins->reset();
    ins->bind(1, d.notice_id).bind(2, d.version).bind(3, hash).bind(4, static_cast<std::int64_t>(body->size()));
    ins->bind(5, *body).bind(6, d.id).bind(7, report.catalogue_version).bind(8, seconds_of(now));
    if (auto r = ins->run(); !r) return std::unexpected(r.error());
    upd->reset();
    upd->bind(1, d.id).bind(2, report.catalogue_version);
    if (auto r = upd->run(); !r) return std::unexpected(r.error());
    auto written = write_object(hash, *body);
    if (!written) return std::unexpected(written.error());
    if (*written) {
      ++report.objects_written;
      report.bytes_written += body->size();
    }
    report.notice_drafts.push_back(d.id);
    report.notices.push_back(d.notice_id + "@" + std::to_string(d.version));
  }
  return {};
}

Result<std::optional<std::string>> CentralStore::notice_index() {
  auto st = db_->prepare("SELECT notice_id, version, hash, length, body FROM notice_published ORDER BY notice_id, version DESC");
  if (!st) return std::unexpected(st.error());
  // The hall's date: a notice's effective_from is a date there (+08:00, as publish's default zone).
  const std::string today = format_iso_date(date_at(clock_->now(), 8 * 3600));
  Json entries = Json::array();
  std::string current_id;
  bool settled = false;  // a version of current_id already in effect was listed: older ones are not needed
  bool any = false;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        any = true;
        const std::string id = row.text(0);
        if (id != current_id) {
          current_id = id;
          settled = false;
        }
        if (settled) return {};
        const Json body = Json::parse(row.text(4), nullptr, false);
        const std::string from = body.is_object() ? body.value("effective_from", "") : "";
        settled = from.empty() || from <= today;
        entries.push_back({{"id", id}, {"version", row.integer(1)}, {"hash", row.text(2)}, {"length", row.integer(3)}});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  if (!any) return std::optional<std::string>();
  const Json index = {{"format", "hallkiosk.notice-index/1"}, {"notices", std::move(entries)}};
  return std::optional<std::string>(index.dump());
}

Result<bool> CentralStore::workdays_unpublished() {
  auto calendar = state("workdays");
  if (!calendar) {
    if (calendar.error().code == ErrorCode::not_found) return false;
    return std::unexpected(calendar.error());
  }
  auto published = state("workdays_published");
  if (!published) {
    if (published.error().code == ErrorCode::not_found) return true;
    return std::unexpected(published.error());
  }
  return *published != sha256_hex(*calendar);
}

}  // namespace hall::central
