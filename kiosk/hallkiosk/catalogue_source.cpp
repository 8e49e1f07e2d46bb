// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/catalogue_source.h"

#include <iostream>

#include <sys/stat.h>

#include "hall/hall_config.h"
#include "hallkiosk/role_setup.h"
#include "notices/calendar_store.h"
#include "notices/notice_store.h"
#include "search/search_index.h"
#include "sync/sync_state.h"

namespace hall::kiosk {

CatalogueSource::CatalogueSource(app::DataDir dir, const Clock& clock) : dir_(std::move(dir)), clock_(&clock) {}

std::optional<CatalogueSource::FileId> CatalogueSource::file_id() const {
  struct stat st {};
  if (::stat(dir_.catalogue_db().c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

Result<void> CatalogueSource::open_store() {
  store_.reset();
  store_file_ = file_id();
  if (!store_file_) return std::unexpected(app::missing_catalogue(dir_));
  auto store = catalogue::CatalogueStore::open(dir_.catalogue_db(), *clock_);
  if (!store) return std::unexpected(store.error());
  store_ = std::make_shared<catalogue::CatalogueStore>(std::move(*store));
  return {};
}

std::optional<long long> CatalogueSource::data_version() {
  if (!store_) return std::nullopt;
  auto statement = store_->database().prepare("PRAGMA data_version");
  if (!statement) return std::nullopt;
  auto row = statement->step();
  if (!row || !*row) return std::nullopt;
  return statement->integer(0);
}

bool CatalogueSource::changed_on_disk() {
  const auto id = file_id();
  if (id != store_file_) return true;  // created, replaced or removed
  return data_version() != seen_version_;
}

// A hall that follows the central store tells visitors, discreetly, when its guides were last
// confirmed current once that can no longer be vouched for (信息最后核验于 …).
void CatalogueSource::note_sync_state(ui::KioskCatalogue& catalogue) {
  auto state = sync::load_sync_state(store_->database());
  if (!state || state->keys_version == 0) return;  // not synced: an imported catalogue, nothing to vouch for
  const auto status = sync::sync_status(*state, clock_->now());
  catalogue.last_verified = status.last_good_sync;
  catalogue.stale = status.stale;
  // The moment the trusted manifest expires, the screens must say so without any input.
  if (status.expires_at && *status.expires_at > clock_->now() &&
      (!next_change_ || *status.expires_at < *next_change_)) {
    next_change_ = status.expires_at;
  }
}

std::shared_ptr<ui::KioskCatalogue> CatalogueSource::load() {
  auto catalogue = std::make_shared<ui::KioskCatalogue>();
  next_change_.reset();
  if (auto hall = app::load_hall(dir_)) {
    hall_ = std::move(*hall);
  } else {
    hall_ = HallConfig{};
    catalogue->problem = hall.error().message;
  }
  catalogue->hall = hall_;
  // Damaged counts only lose the order they give: the kiosk starts counting again.
  if (auto counts = read_open_counts(dir_.open_counts())) {
    catalogue->open_counts = std::move(*counts);
  } else {
    std::cerr << "hallkiosk: " << counts.error().message << "; 常办 is ranked from new counts\n";
  }

  // Reopen only when the file itself changed; a commit by another process is seen through the
  // connection we have.
  if (!store_ || file_id() != store_file_) {
    if (auto opened = open_store(); !opened) {
      if (catalogue->problem.empty()) catalogue->problem = opened.error().message;
      seen_version_.reset();
      return catalogue;
    }
  }
  seen_version_ = data_version();
  auto guides = store_->current();
  if (!guides) {
    if (catalogue->problem.empty()) catalogue->problem = guides.error().message;
    return catalogue;
  }
  catalogue->guides = std::move(*guides);
  if (auto next = store_->next_change()) next_change_ = *next;
  note_sync_state(*catalogue);
  read_notices(*catalogue);
  read_calendar(*catalogue);
  return catalogue;
}

// 工作日: a calendar that cannot be read leaves the kiosk without dates, never with dates counted
// without the holidays; stderr says why.
void CatalogueSource::read_calendar(ui::KioskCatalogue& catalogue) {
  auto calendar = notices::CalendarStore(store_->database(), *clock_).load();
  if (!calendar) {
    std::cerr << "hallkiosk: no dates for promised limits: " << calendar.error().message << "\n";
    return;
  }
  catalogue.calendar = std::move(*calendar);
}

// 政务公开: what is in effect today, and its directory. Notices that cannot be read leave the
// guides shown (home then has no 政务公开 entry) and say why on stderr.
void CatalogueSource::read_notices(ui::KioskCatalogue& catalogue) {
  const TimeZone zone = hall_time_zone(hall_.time_zone);
  const Instant now = clock_->now();
  const Date today = zone.local_date(now);
  auto current = notices::NoticeStore(store_->database(), *clock_).current(today);
  if (!current) {
    std::cerr << "hallkiosk: the notices cannot be shown: " << current.error().message << "\n";
    return;
  }
  catalogue.notices = std::move(*current);
  catalogue.notice_directory = notices::build_directory(catalogue.notices, today);
  catalogue.notices_today = today;
  // Days left to comment and what is in effect change at midnight: read them again then.
  if (catalogue.notices.empty()) return;
  const Instant midnight = zone.next_midnight(now);
  if (!next_change_ || midnight < *next_change_) next_change_ = midnight;
}

Result<std::string> CatalogueSource::guide_characters() {
  if (!store_) return fail(ErrorCode::unavailable, dir_.catalogue_db() + ": the guide store is not open");
  return store_->current_characters();
}

Result<std::shared_ptr<const search::SearchIndex>> CatalogueSource::build_search_index() {
  if (!store_) return fail(ErrorCode::unavailable, dir_.catalogue_db() + ": the guide store is not open");
  auto index = store_->build_search_index();
  if (!index) return std::unexpected(index.error());
  return std::make_shared<const search::SearchIndex>(std::move(*index));
}

}  // namespace hall::kiosk
