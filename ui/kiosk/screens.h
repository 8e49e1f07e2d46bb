// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's screens, one file each. A screen draws from a read model and returns what the
// visitor asked for as an Intent; KioskApp acts on it after the frame. No screen does I/O.
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/guide.h"
#include "common/error.h"
#include "hall/hall_config.h"
#include "kiosk/catalogue_view.h"
#include "kiosk/read_aloud.h"
#include "kiosk/ticket_request.h"
#include "notices/notice.h"
#include "notices/notice_directory.h"
#include "slip/slip.h"
#include "widgets/badge.h"
#include "widgets/frame.h"
#include "widgets/touch_list.h"

namespace hall::ui {

struct Intent {
  enum class Kind {
    none,
    home,
    back,
    open,
    set_query,
    toggle_language,
    toggle_large_text,
    take_number,   // 取号 tapped: arg the guide (empty: a consultation); the priority question follows
    send_ticket,   // the question answered: arg the guide, value the priority class (empty: none)
    set_number,    // the re-activation keypad: arg the number typed so far
    reactivate,    // arg the number to put back in the queue
    ticket_done,   // 完成, or the ticket's countdown ran out: home, and the ticket forgotten
    read_aloud,    // 朗读 tapped: arg the guide
    stop_reading,  // 停止朗读 tapped
  };
  Kind kind = Kind::none;
  std::string arg{};     // the query, the guide to take a number for, the opened screen's subject
  std::string screen{};  // Kind::open: which screen (a name in kiosk_screens.cpp)
  std::string value{};   // Kind::send_ticket: the priority class
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
struct HomeModel {
  bool consult = false;     // 取号 is wired: "不知道办什么 / 咨询" takes a number for the default group
  bool reactivate = false;  // 过号重排 is wired: "过号了？" opens the keypad
};
Intent draw_home(Frame& f, const CatalogueView& view, const HomeModel& m, Area area, ScrollState& scroll);

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
// The rows inside a touch-scrolled region already open, from `top` below the cursor (content
// coordinates), `view_h` of it in view; returns their height. A tap sets `out`.
float guide_rows_in(Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides, float width, float top,
                    float view_h, Intent& out);

// ---- guide_screen.cpp
struct GuideModel {
  const Result<catalogue::Guide>* guide;                    // the loaded guide, why it could not be, or null: loading
  bool take_number_enabled = false;                         // a hub is wired; else the button says where to go
  bool sending = false;                                     // a 取号 request is on its way
  std::string_view name;                                    // the guide's name from the list, shown while it loads
  bool read_aloud_enabled = false;                          // the kiosk has a voice: 朗读 is offered
  ReadingState::Phase reading = ReadingState::Phase::idle;  // of this guide
  const WorkingCalendar* calendar = nullptr;                // null: no date is shown for the promised limit
  Date today{};                                             // the day a request made now is made
};
// `aside`: the right column's scroll in landscape.
Intent draw_guide(Frame& f, const CatalogueView& view, const GuideModel& m, Area area, ScrollState& scroll,
                  ScrollState& aside);

// What to bring of one material as badges (必要/容缺, 原件 n 份, 复印件 n 份): the guide and the
// ticket say it alike.
std::vector<BadgeSpec> material_badges(const Frame& f, const catalogue::Material& m);

// ---- priority_screen.cpp: the optional question before a ticket is sent.
struct PriorityModel {
  std::string_view guide_name;  // empty: a consultation ticket
  const std::vector<PriorityClass>* classes;
  bool sending = false;  // the answer was given: every button is disabled until the hub replies
};
Intent draw_priority(Frame& f, const PriorityModel& m, Area area);

// ---- ticket_screen.cpp: the number the hub issued (or put back in the queue).
struct TicketModel {
  const TicketState* state;
  const slip::QrBlock* qr;        // null: the status URL could not be encoded
  const catalogue::Guide* guide;  // what to bring; null for a consultation, or while it loads
  std::string group_name;         // "综合受理", or empty
  int seconds_left = 0;           // before the kiosk goes home by itself
};
Intent draw_ticket(Frame& f, const TicketModel& m, Area area, ScrollState& scroll);

// ---- ticket_failed_screen.cpp: no ticket, and why, in words.
struct TicketFailedModel {
  const TicketState* state;
  std::string_view hall_phone;
};
Intent draw_ticket_failed(Frame& f, const TicketFailedModel& m, Area area);

// ---- reactivate_screen.cpp: "过号了？": the number typed on a keypad of group letters and digits.
struct ReactivateModel {
  std::string_view number;           // typed so far: "A02"
  std::vector<std::string> letters;  // the hall's queue groups' letters, in hall.json order
  bool sending = false;
};
Intent draw_reactivate(Frame& f, const ReactivateModel& m, Area area);
// Whether `number` is complete enough to send: one of `letters` and three or four digits.
bool reactivation_number_complete(std::string_view number, const std::vector<std::string>& letters);

// ---- ticket_sending.cpp: over every screen while a request is out; it takes every tap.
void draw_ticket_sending(Frame& f, bool reactivation);

// ---- search_screen.cpp
// A search that works on this hall's catalogue, for the hint: a name with its initials and pinyin.
struct SearchExample {
  std::string name, name_en, initials, pinyin;
};

struct SearchModel {
  std::string_view query;
  const std::vector<std::size_t>* results;                   // for `query`, best first
  bool ready = true;                                         // false: the index is still being built
  const SearchExample* example = nullptr;                    // null: none could be made
  const std::vector<std::size_t>* notice_results = nullptr;  // indices into view.notices(), best first
};
Intent draw_search(Frame& f, const CatalogueView& view, const SearchModel& m, Area area, ScrollState& scroll);

// ---- 政务公开. A notice's words in the visitor's language: its English twin when it has one.
inline const std::string& shown(const Frame& f, const notices::Text& t) {
  return f.english && !t.en.empty() ? t.en : t.zh;
}

// ---- notice_rows.cpp: a notice as a row of the directory and of the search results, its title
// wrapped whole. `marked`: a 政务公开 badge sets it apart from the guides around it (search).
float notice_row_height(const Frame& f, const notices::DirectoryRow& r, float width, bool marked);
// At the cursor, `width` wide; the target is "notice:<id>". True when tapped.
bool draw_notice_row(Frame& f, const notices::DirectoryRow& r, float width, bool marked);
// The row of a notice found by search (the directory's rows come ready made).
notices::DirectoryRow notice_row_of(const notices::Notice& n, Date today);

// ---- notice_directory_screen.cpp: drafts open for comment first, then the 五公开 with counts.
Intent draw_notice_directory(Frame& f, const CatalogueView& view, Area area, ScrollState& scroll);

// ---- notice_page.cpp: a notice's screens share a page: the reading column, and the QR code to
// read it on a phone (beside it in landscape, under it in portrait).
struct NoticeModel {
  const notices::Notice* notice;
  const notices::Notice* interpretation = nullptr;  // a policy's 解读, when one is in effect
  const notices::Notice* policy = nullptr;          // the policy an interpretation explains
  Date today{};
  const slip::QrBlock* qr = nullptr;  // the phone address as modules; null: none could be made
  std::string_view address;           // what the code says, printed under it; empty: none known
  bool comments_on_phone = false;     // a draft's code leads to the central store's comment page
  // The guides it links to that are in effect, with the names to show: a visitor who reads about
  // a service goes on to its 办事指南 in one tap.
  struct GuideLink {
    std::string id, name;
  };
  std::vector<GuideLink> guides{};
};
// Opens the reading column (a touch-scrolled region); end_notice_page draws the code and closes it.
void begin_notice_page(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll);
void end_notice_page(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll);
// Issuer, 文号 and date under a notice's title.
void notice_heading(Frame& f, const notices::Notice& n, float width);

// ---- notice_screen.cpp ("notice:<id>")
Intent draw_notice(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll);
// ---- adoption_screen.cpp ("adoption:<id>"): what became of a closed draft's comments.
Intent draw_adoption(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll);
// ---- notice_parts_view.cpp: what only a meeting, a measure, a reply or a list of powers has.
void notice_parts(Frame& f, const notices::Notice& n, float width);
// A section title with the bar the guide's sections have.
void notice_section(Frame& f, std::string_view title, float width);
// ---- notice_body.cpp: headings, paragraphs, lists and tables laid out to `width` at the cursor.
void notice_body(Frame& f, const std::vector<notices::Block>& body, float width);

// ---- problem_screen.cpp: the catalogue could not be loaded.
Intent draw_problem(Frame& f, const CatalogueView& view, Area area);

}  // namespace hall::ui
