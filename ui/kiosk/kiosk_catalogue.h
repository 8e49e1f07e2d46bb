// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the kiosk's screens show, as the host hands it over: a read model, no store. When the
// catalogue changes (sync, an effective_from passing) the host builds a new one off the UI thread
// and the app swaps it in between frames: screens never read a database.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/guide.h"
#include "catalogue/guide_summary.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/working_calendar.h"
#include "hall/hall_config.h"
#include "hall/open_counts.h"
#include "notices/notice.h"
#include "notices/notice_directory.h"
#include "notices/notice_search.h"
#include "search/search_index.h"

namespace hall::ui {

// Answers on the UI thread, later: through the host's run queue, or at once in tests.
template <class T>
using Reply = std::function<void(Result<T>)>;

// Loads one guide in full off the UI thread and replies with it.
using GuideLoader = std::function<void(const std::string& id, Reply<catalogue::Guide> reply)>;

struct KioskCatalogue {
  HallConfig hall;
  std::vector<catalogue::GuideSummary> guides;  // in effect now, sorted by the names' pinyin
  // Built after the first frame on large catalogues: null until then (search says it is getting
  // ready), see KioskApp::set_search_index.
  std::shared_ptr<const search::SearchIndex> index;
  GuideLoader load_guide;
  // Every character the guides' full texts use (each once), for the glyph atlas.
  std::string guide_characters;
  std::optional<Instant> last_verified;  // when the data was last confirmed current (sync); may be empty
  bool stale = false;                    // sync says the data may be out of date
  std::string problem;                   // non-empty: the catalogue could not be loaded (a designed state)
  // How often each guide was opened at this kiosk, read with the catalogue: the 常办 order when
  // hall.json lists no 常办事项. Taken once per load, so no list reorders under a visitor's finger.
  OpenCounts open_counts;

  // 政务公开: the notices in effect on `notices_today` (the hall's local date when read; the host
  // reads them again at midnight), newest first, and their directory as of that day.
  std::vector<notices::Notice> notices;
  notices::Directory notice_directory;
  Date notices_today{};
  // Built after the first frame like `index` (pinyin): null until then, see KioskApp::set_notice_index.
  std::shared_ptr<const notices::NoticeSearch> notice_index;

  // 工作日: the hall's calendar (services/notices/calendar_store), for the date a promised limit
  // comes to. Empty: none was imported, and no screen shows such a date.
  std::optional<WorkingCalendar> calendar;
};

}  // namespace hall::ui
