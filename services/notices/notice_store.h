// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's notices, kept in the catalogue database (schema version 6) beside the guides: every
// version of every published notice (the directory a visitor browses is notice_directory.h). Imports are all or
// nothing, with the guides' version rules.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/working_calendar.h"
#include "notices/notice.h"
#include "notices/notice_directory.h"
#include "notices/notice_file.h"
#include "storage/sqlite.h"

namespace hall::notices {

struct NoticeImportReport {
  int added = 0, updated = 0, unchanged = 0;
};

class NoticeStore {
 public:
  // `db` is a CatalogueStore's database, already migrated; it must outlive the store.
  NoticeStore(storage::Database& db, const Clock& clock) : db_(&db), clock_(&clock) {}

  // Refuses, changing nothing, a notice that is not 主动公开 (it never leaves the central store),
  // a version below the stored one, and the same version with other content.
  Result<NoticeImportReport> import(const NoticeFile& file);

  // For each id the highest version in effect on `today` (the hall's local date): effective_from
  // come (or none), expires_on not yet reached (or none). Their source_json is left empty: the
  // stored body is the database's.
  Result<std::vector<Notice>> current(Date today) const;

 private:
  storage::Database* db_;
  const Clock* clock_;
};

// For a sync's one transaction, opened by the caller (no transaction of their own): the (id,
// version) of every stored notice version; and making the stored notices exactly `wanted`,
// inserting `fresh` (published, 主动公开 notices) and deleting every other version. Returns the
// numbers inserted and deleted.
using NoticeVersion = std::pair<std::string, int>;
Result<std::set<NoticeVersion>> stored_notice_versions(storage::Database& db);
Result<std::pair<int, int>> replace_notices(storage::Database& db, const std::set<NoticeVersion>& wanted,
                                            const std::vector<Notice>& fresh, Instant now);

}  // namespace hall::notices
