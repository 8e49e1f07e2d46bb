// SPDX-License-Identifier: Apache-2.0
#pragma once
// The visitor kiosk (role `kiosk`): browse and search the guides, read one, take a number. One
// implementation of ui::App; the host hands it read models and answers its requests through the
// run queue, so nothing here waits on a disk, a network or a printer.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/clock.h"
#include "common/time_zone.h"
#include "kiosk/kiosk_catalogue.h"
#include "kiosk/read_aloud.h"
#include "kiosk/ticket_request.h"

namespace hall::ui {

struct KioskSettings {
  std::string language = "zh-CN";         // "zh-CN" or "en"
  bool large_text = false;                // 长辈模式 at start and after each idle reset
  std::chrono::seconds idle_timeout{90};  // no touch for this long: back to home, input cleared
};

class KioskApp final : public App {
 public:
  // `strings_zh` / `strings_en`: the contents of assets/i18n/zh-CN.json and en.json.
  KioskApp(std::shared_ptr<const KioskCatalogue> catalogue, std::string strings_zh, std::string strings_en,
           KioskSettings settings, const Clock& wall_clock, TimeZone zone);
  ~KioskApp() override;
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  void set_catalogue(std::shared_ptr<const KioskCatalogue> catalogue);
  // The search index of the current catalogue, when it was built after the catalogue was shown.
  void set_search_index(std::shared_ptr<const search::SearchIndex> index);
  // The notices' search index, built after the catalogue was shown (pinyin, off the UI thread).
  void set_notice_index(std::shared_ptr<const notices::NoticeSearch> index);
  // Where the hub answers (http://host:port), for the phone address of a notice when hall.json
  // gives no public_base_url.
  void set_hub_address(std::string url);
  // The one rule for a notice's phone page: `<hall.json public_base_url, else the hub's
  // address>/n/<id>`; empty while neither is known (the screen then says it has no code).
  std::string notice_address(std::string_view notice_id) const;
  // What the QR code on the notice screen shown says (empty: none), for tests.
  std::string notice_qr_payload() const;
  // Characters the screens may come to draw that the catalogue did not list (guide bodies read
  // after the first frame); fonts_dirty() says when the atlas must grow.
  void add_glyphs(std::string_view text);
  // 取号: the hub's port. Without one the guide's button says where to take a number instead, and
  // home offers no consultation ticket. The priority question lists catalogue->hall's
  // `priority_classes` (none: the ticket is asked for at once).
  void on_take_number(TakeNumber handler);
  // 过号重排 by the number on the slip: the hub's port. Without one home has no "过号了？".
  void on_reactivate_number(ReactivateNumber handler);
  // 朗读: the kiosk's voice. Without one the guide has no 朗读 button. A reading stops when the
  // visitor leaves its guide (返回, 首页, another guide, the idle reset) or changes language.
  void on_read_aloud(ReadAloud port);

  // ui::App. Screen specs: "home", "one-visit", "topic:<name>", "guide:<id>", "search:<query>",
  // "priority[:<guide id>]" (the question before a ticket), "reactivate" (the keypad); and, for
  // pictures of the ticket screens without a hub, sample states marked as samples on screen:
  // "ticket[:<guide id>]", "reactivated", "sending[:<guide id>]",
  // "ticket-failed[:unreachable|closed|refused|not_found]"; the sample ticket with its slip
  // printing or unprintable: "ticket-printing[:<guide id>]", "ticket-unprintable[:<guide id>]"; and
  // 朗读's states on a guide (shown only when the kiosk has a voice): "reading:<guide id>",
  // "no-sound:<guide id>"; 政务公开: "notices" (the directory), "notice:<id>", "adoption:<id>" (a
  // closed draft's adoption report).
  bool open(std::string_view spec) override;
  bool build_fonts(ImFontAtlas& atlas, const FontFile& font) override;
  bool fonts_dirty() const override;
  void draw(SteadyTime now) override;
  bool animating() const override;
  SteadyTime next_wake(SteadyTime now) const override;
  std::string glyph_text() const override;
  std::string current_screen() const override;
  // Targets by id: "nav:back", "nav:home", "topic:<name>", "guide:<id>", "home:search",
  // "home:one_visit", "key:a", "key:backspace", "key:clear", "corner:language",
  // "corner:large_text", "guide:take_number", "home:consult", "home:reactivate",
  // "home:notices", "notice:<id>", "notice:interpretation", "notice:policy", "notice:adoption",
  // "guide:read_aloud", "priority:<class id>", "priority:none", "ticket:done", "ticket_failed:back", "pad:A", "pad:0",
  // "pad:backspace", "pad:clear", "pad:ok".
  const std::vector<TouchTarget>& touch_targets() const override;
  const std::string& missing_glyphs() const override;

  // The visitor's current choices (they return to the settings after an idle reset).
  const std::string& language() const;
  bool large_text() const;
  const std::string& search_query() const;
  // The last 取号 or re-activation request's state, for the ticket screen and tests.
  const TicketState& ticket() const;
  // The last 朗读's state: reading, and which guide; no_sound after a device failed.
  const ReadingState& reading() const;
  // The print queue's news of ticket `id`'s slip; ignored unless that ticket is the one shown.
  void set_slip_phase(const std::string& ticket_id, SlipPhase phase);
  // How long the ticket screen stays before it goes home by itself (each touch restarts it).
  static constexpr std::chrono::seconds ticket_screen_time{60};

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hall::ui
