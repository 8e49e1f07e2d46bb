// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where the kiosk's screens get their data: the hall's hall.json and catalogue.db, read into a
// ui::KioskCatalogue. Notices when another process (hallctl import, sync) changed the database
// and when a scheduled guide version comes into effect, so the kiosk follows without a restart.
// Any failure becomes KioskCatalogue::problem, a state the screens show: never a crash.
// Used by one thread at a time (the kiosk's store worker): it holds one SQLite connection.
#include <sys/types.h>
#include <memory>
#include <optional>
#include <string>

#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "data_dir.h"
#include "kiosk_app.h"

namespace hall::kiosk {

class CatalogueSource {
 public:
  CatalogueSource(app::DataDir dir, const Clock& clock);

  // Reads the hall and the guide list afresh (no search index and no body characters: see
  // build_search_index and guide_characters, both for after the first frame). The
  // catalogue's load_guide is left empty for the caller to wire to its worker.
  std::shared_ptr<ui::KioskCatalogue> load();
  // Every character the bodies of the guides in effect use, for the glyph atlas (reads them all).
  Result<std::string> guide_characters();
  // The search index of the guides in effect now; the slow part of a load on a large hall.
  Result<std::shared_ptr<const search::SearchIndex>> build_search_index();
  // The connection load() read from; null when the store could not be opened.
  std::shared_ptr<catalogue::CatalogueStore> store() const { return store_; }

  // True when the database changed since the last load(): another connection committed
  // (PRAGMA data_version), or the file was replaced.
  bool changed_on_disk();

  // When current() changes by itself (from the last load); empty when nothing is scheduled.
  std::optional<Instant> next_change() const { return next_change_; }
  // The hall's configuration from the last load (defaults when hall.json could not be read).
  const HallConfig& hall() const { return hall_; }

 private:
  struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
  };
  Result<void> open_store();
  void note_sync_state(ui::KioskCatalogue& catalogue);
  void read_notices(ui::KioskCatalogue& catalogue);
  void read_calendar(ui::KioskCatalogue& catalogue);
  std::optional<FileId> file_id() const;
  std::optional<long long> data_version();

  app::DataDir dir_;
  const Clock* clock_;
  std::shared_ptr<catalogue::CatalogueStore> store_;  // shared with the load_guide of every catalogue handed out
  std::optional<FileId> store_file_;
  std::optional<long long> seen_version_;
  std::optional<Instant> next_change_;
  HallConfig hall_;
};

}  // namespace hall::kiosk
