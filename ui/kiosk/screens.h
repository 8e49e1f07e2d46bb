// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's screens, one file each. A screen draws from a read model and returns what the
// visitor asked for as an Intent; KioskApp acts on it after the frame. No screen does I/O.
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/guide.h"
#include "common/error.h"
#include "kiosk/catalogue_view.h"
#include "widgets/frame.h"
#include "widgets/touch_list.h"

namespace hall::ui {

struct Intent {
  enum class Kind { none, home, back, open, set_query, toggle_language, toggle_large_text, take_number };
  Kind kind = Kind::none;
  std::string arg{};     // the query, the guide to take a number for, the opened screen's subject
  std::string screen{};  // Kind::open: which screen (a name in kiosk_screens.cpp)
  explicit operator bool() const { return kind != Kind::none; }
  static Intent open(std::string_view screen, std::string arg = {}) {
    return {Kind::open, std::move(arg), std::string(screen)};
  }
};

// The part of the window a screen may fill (between the top bar and the notices).
struct Area {
  ImVec2 pos, size;
};

// ---- chrome.cpp: the bar on every screen, and the notices at the bottom.
struct TopBarModel {
  bool inner = true;  // 返回 and 首页 on the left; else the hall's name and the time
  std::string_view hall_name;
  std::string_view date_time;
  std::string_view date_time_short;  // when the long one does not fit
};
float top_bar_height(const Frame& f);
Intent draw_top_bar(Frame& f, const TopBarModel& m);
float notices_height(const Frame& f, const std::vector<std::string>& notices, float width);
void draw_notices(Frame& f, const std::vector<std::string>& notices, Area area);
// A page heading with an optional second line; returns nothing, advances the cursor.
void page_heading(Frame& f, std::string_view title, std::string_view subtitle);

// ---- home_screen.cpp
Intent draw_home(Frame& f, const CatalogueView& view, Area area, ScrollState& scroll);

// ---- topic_list_screen.cpp: a topic, the 一次办好 list, and search results share the rows.
struct GuideListModel {
  std::string title, subtitle;
  const std::vector<std::size_t>* guides;  // indices into view.guides()
};
Intent draw_guide_list(Frame& f, const CatalogueView& view, const GuideListModel& m, Area area, ScrollState& scroll);
// Just the rows, in a touch-scrolled region filling `size` at the cursor.
Intent guide_rows(Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides, ImVec2 size,
                  ScrollState& scroll);
float guide_row_height(const Frame& f);

// ---- guide_screen.cpp
struct GuideModel {
  const Result<catalogue::Guide>* guide;  // the loaded guide, why it could not be, or null: loading
  bool take_number_enabled = false;       // a hub is wired; else the button says where to go
  bool sending = false;                   // a 取号 request is on its way
  std::string_view name;                  // the guide's name from the list, shown while it loads
};
// `aside`: the right column's scroll in landscape.
Intent draw_guide(Frame& f, const CatalogueView& view, const GuideModel& m, Area area, ScrollState& scroll,
                  ScrollState& aside);

// ---- search_screen.cpp
// A search that works on this hall's catalogue, for the hint: a name with its initials and pinyin.
struct SearchExample {
  std::string name, name_en, initials, pinyin;
};

struct SearchModel {
  std::string_view query;
  const std::vector<std::size_t>* results;  // for `query`, best first
  bool ready = true;                        // false: the index is still being built
  const SearchExample* example = nullptr;   // null: none could be made
};
Intent draw_search(Frame& f, const CatalogueView& view, const SearchModel& m, Area area, ScrollState& scroll);

// ---- problem_screen.cpp: the catalogue could not be loaded.
Intent draw_problem(Frame& f, const CatalogueView& view, Area area);

}  // namespace hall::ui
