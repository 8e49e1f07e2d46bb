// SPDX-License-Identifier: Apache-2.0
// The kiosk app: a navigator over the screen table (kiosk/kiosk_screens.cpp), the idle reset,
// the glyph set, and one frame = chrome + the current screen + notices. Screens return intents;
// they are applied after drawing. Slow work (a guide's body, 取号) is asked of the host's ports,
// whose replies arrive between frames.
#include "kiosk_app.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"
#include "i18n/strings.h"
#include "idle_timer.h"
#include "imgui.h"
#include "kiosk/catalogue_view.h"
#include "kiosk/format.h"
#include "kiosk/glyph_set.h"
#include "kiosk/idle_warning.h"
#include "kiosk/kiosk_screens.h"
#include "kiosk/notice_session.h"
#include "navigator.h"
#include "slip/qr_block.h"
#include "theme/fonts.h"
#include "theme/theme.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {

struct KioskApp::State {
  std::shared_ptr<const KioskCatalogue> catalogue;
  std::shared_ptr<const search::SearchIndex> index;
  std::unique_ptr<CatalogueView> view;
  Strings strings;
  KioskSettings settings;
  const Clock* clock;
  TimeZone zone;

  Navigator nav;
  KioskSession session;
  NoticeSession notice_session;
  IdleTimer idle;
  TakeNumber take_number;
  ReactivateNumber reactivate_number;
  ReadAloud read_aloud;
  ReadingState reading;
  std::uint64_t reading_request = 0;  // the reply of a reading stopped (or replaced) is dropped
  bool was_listening = false;         // a reading was on at the last frame: its end restarts the idle count
  TicketState ticket;
  std::optional<slip::QrBlock> ticket_qr;     // the issued ticket's status URL, encoded once
  std::optional<SteadyTime> ticket_deadline;  // the ticket screen goes home at this moment
  std::uint64_t ticket_request = 0;           // a reply to an older request (before a reset) is dropped
  std::uint64_t guide_request = 0;            // replies to an older request are dropped
  // Replies check it before touching the state: the app may be gone when one arrives.
  std::shared_ptr<int> alive = std::make_shared<int>(0);

  std::string language;
  bool large_text = false;
  Palette palette;
  FontSet fonts;
  ImVector<ImWchar> ranges_body, ranges_title;
  bool fonts_current = false;  // built for these glyphs and this text size
  GlyphSet glyphs;

  std::vector<TouchTarget> targets;
  std::string missing_glyphs;

  State(const Clock& c, TimeZone z, KioskSettings s)
      : settings(std::move(s)), clock(&c), zone(std::move(z)), idle(settings.idle_timeout) {}

  void set_catalogue(std::shared_ptr<const KioskCatalogue> c) {
    catalogue = std::move(c);
    index = catalogue ? catalogue->index : nullptr;
    notice_session.set_index(catalogue ? catalogue->notice_index : nullptr);
    view = std::make_unique<CatalogueView>(catalogue);
    const std::string titles = strings.all_text() + view->title_text() + fixed_glyphs();
    const std::string before = glyphs.body();
    glyphs.reset(titles, view->text());
    // A sync that brings no new characters keeps the atlas: no rebuild, no pause.
    if (glyphs.body() != before) fonts_current = false;
    make_search_example();
    run_query();
    // A screen whose subject went away falls back to home rather than showing nothing.
    nav.prune([&](const Route& r) {
      const KioskScreen* s = find_kiosk_screen(r.screen);
      return !s || !s->accepts(*view, r.arg);
    });
    session.guide_id.clear();
    enter_route();
  }

  void set_search_index(std::shared_ptr<const search::SearchIndex> i) {
    index = std::move(i);
    make_search_example();
    run_query();
  }

  // The hint's example comes from this hall: the first 一次办好 service with a short name (the
  // demo of another hall would name a service this one does not have).
  void make_search_example() {
    session.search_example.reset();
    if (!index || !view) return;
    const catalogue::GuideSummary* pick = nullptr;
    for (const std::size_t i : view->one_visit()) {
      const auto& g = view->guides()[i];
      if (!pick || utf8::length(g.name) < utf8::length(pick->name)) pick = &g;
    }
    if (!pick && !view->guides().empty()) pick = &view->guides().front();
    if (!pick) return;
    std::string pinyin = index->term_of(pick->id, search::TermKind::name_pinyin);
    std::erase(pinyin, ' ');
    const std::string initials = index->term_of(pick->id, search::TermKind::name_initials);
    if (pinyin.empty() || initials.empty()) return;
    session.search_example = SearchExample{pick->name, pick->name_en, initials, pinyin};
  }

  void run_query() {
    session.results.clear();
    session.search_ready = index != nullptr;
    if (!view) return;
    session.notice_results = notice_session.find(*view, session.query);
    if (session.query.empty()) {
      for (std::size_t i = 0; i < view->guides().size(); ++i) session.results.push_back(i);
      return;
    }
    if (!index) return;
    const auto* base = view->guides().data();
    for (const auto& hit : index->query(session.query)) {
      if (const auto* g = view->find(hit.guide_id)) session.results.push_back(static_cast<std::size_t>(g - base));
    }
  }

  // What a route needs when it becomes current: a guide's body, once per navigation (the ticket
  // screen lists its materials too).
  void enter_route() {
    const Route& r = nav.current();
    if (r.screen == "notice" || r.screen == "adoption") show_notice();
    const bool about_guide = r.screen == "guide" || r.screen == "priority" || r.screen == "ticket";
    if (!about_guide || r.arg.empty() || r.arg == session.guide_id) return;
    session.guide_id = r.arg;
    session.guide.reset();
    const std::uint64_t request = ++guide_request;
    if (!catalogue || !catalogue->load_guide) {
      session.guide = fail(ErrorCode::unavailable, "no guide loader");
      return;
    }
    catalogue->load_guide(r.arg, [this, request, life = std::weak_ptr<int>(alive)](Result<catalogue::Guide> g) {
      if (life.expired() || request != guide_request) return;
      if (g) {
        std::string text;
        append_guide_text(*g, text);
        if (glyphs.add(text)) fonts_current = false;
      }
      session.guide = std::move(g);
    });
  }

  // The code of the notice shown, for a phone: made when its screen opens or the address changes.
  void show_notice() {
    const Route& r = nav.current();
    if (r.screen != "notice" && r.screen != "adoption") return;
    notice_session.show(*view, r.arg);
    session.notice_address = notice_session.shown_address();
    session.notice_qr = notice_session.qr();
  }

  void go(Route r) {
    nav.push(std::move(r));
    enter_route();
  }

  void go_home() {
    nav.home();
    session.query.clear();
    run_query();
  }

  bool open_route(const std::string& screen, const std::string& arg) {
    const KioskScreen* s = find_kiosk_screen(screen);
    if (!s || !s->accepts(*view, arg)) return false;
    go_home();
    forget_ticket();
    if (screen == "home") return true;
    if (screen == "search") {
      go({"search", {}, {}, {}});
      set_query(arg);
    } else {
      go({screen, arg, {}, {}});
    }
    return true;
  }

  void set_query(std::string q) {
    session.query = std::move(q);
    run_query();
    nav.current().scroll = {};
  }

  // How long before an idle reset the visitor is asked whether they are still there.
  std::chrono::seconds warning_span() const { return std::min(std::chrono::seconds(15), settings.idle_timeout / 3); }

  // The warning shows on any screen but home, in the last seconds before the reset; the ticket
  // screen has its own, shorter countdown.
  std::optional<SteadyTime> warning_from() const {
    const auto deadline = idle.deadline();
    const std::string& screen = nav.current().screen;
    if (!deadline || pristine() || listening() || screen == "home" || screen == "ticket") return std::nullopt;
    return *deadline - warning_span();
  }

  bool pristine() const {
    return nav.at_root() && session.query.empty() && large_text == settings.large_text &&
           language == settings.language && nav.current().scroll.scroll == 0.0f;
  }

  void idle_reset() {
    go_home();
    if (large_text != settings.large_text) fonts_current = false;
    large_text = settings.large_text;
    language = settings.language;
    forget_ticket();
  }

  // The next visitor sees nothing of this one's ticket; a reply still on its way is dropped.
  void forget_ticket() {
    ticket = {};
    ticket_qr.reset();
    ticket_deadline.reset();
    session.reactivate_number.clear();
    ++ticket_request;
  }

  bool sending() const { return ticket.phase == TicketState::Phase::sending; }
  bool listening() const { return reading.phase == ReadingState::Phase::reading; }

  // 朗读 tapped on the guide shown: its loaded body goes to the voice.
  void start_reading(const std::string& guide_id) {
    if (!read_aloud || reading.phase == ReadingState::Phase::reading) return;
    if (session.guide_id != guide_id || !session.guide || !*session.guide) return;
    reading = {ReadingState::Phase::reading, guide_id};
    const std::uint64_t request = ++reading_request;
    // The change note is read while the screen marks the guide as changed, and not after.
    catalogue::Guide heard = **session.guide;
    if (heard.change && !change_is_recent(heard.change->since, session.today, view->changed_mark_days())) {
      heard.change.reset();
    }
    read_aloud.start(heard, language, [this, request, life = std::weak_ptr<int>(alive)](ReadingEnd end) {
      if (life.expired() || request != reading_request) return;
      using P = ReadingState::Phase;
      reading.phase = end == ReadingEnd::no_sound ? P::no_sound : end == ReadingEnd::failed ? P::failed : P::idle;
    });
  }

  // The voice is told to stop at once; the screen does not wait for it to say so.
  void stop_reading() {
    if (reading.phase == ReadingState::Phase::reading && read_aloud) read_aloud.stop();
    ++reading_request;
    reading = {};
  }

  // A reading belongs to its guide's screen: leaving it, by any way, stops the voice and clears
  // what it said (本机暂时无法播放声音 is about that tap, not the next visitor's).
  void follow_reading() {
    if (reading.guide_id.empty()) return;
    const Route& r = nav.current();
    if (r.screen != "guide" || r.arg != reading.guide_id) stop_reading();
  }

  // 取号 tapped: the priority question first when the hall has priority classes, else the request.
  void ask_for_ticket(const std::string& guide_id) {
    if (!take_number || sending()) return;
    if (catalogue && !catalogue->hall.priority_classes.empty()) {
      go({"priority", guide_id, {}, {}});
      return;
    }
    send_ticket(guide_id, {});
  }

  void send_ticket(const std::string& guide_id, const std::string& priority) {
    if (!take_number || sending()) return;
    forget_ticket();
    ticket.phase = TicketState::Phase::sending;
    ticket.request = {guide_id, priority};
    take_number(ticket.request, ticket_reply());
  }

  void send_reactivation(const std::string& number) {
    if (!reactivate_number || sending()) return;
    forget_ticket();
    ticket.phase = TicketState::Phase::sending;
    ticket.purpose = TicketState::Purpose::reactivate;
    ticket.number = number;
    reactivate_number(number, ticket_reply());
  }

  TicketReply ticket_reply() {
    return [this, request = ticket_request, life = std::weak_ptr<int>(alive)](TicketResult t) {
      if (life.expired() || request != ticket_request || !sending()) return;
      answered(std::move(t));
    };
  }

  // The hub answered: the ticket screen takes the place of the question (or keypad), so 返回 from
  // it does not ask again; a refusal goes on top of it, so 返回 tries again.
  void answered(TicketResult t) {
    const std::string& here = nav.current().screen;
    if (t) {
      ticket.phase = TicketState::Phase::issued;
      ticket.ticket = std::move(*t);
      if (auto qr = slip::make_qr_block(ticket.ticket->status_url, 0.0)) ticket_qr = std::move(*qr);
      if (here == "priority" || here == "reactivate") nav.back();
      go({"ticket", ticket.request.guide_id, {}, {}});
    } else {
      ticket.phase = TicketState::Phase::failed;
      ticket.problem = t.error().message;
      ticket.refusal = std::move(t.error());
      go({"ticket-failed", {}, {}, {}});
    }
  }

  // A ticket the hub did not issue, for pictures of the screens ("--screen ticket"): marked as a
  // sample on screen, and forgotten like any other at the idle reset.
  bool open_sample(RouteSpec r) {
    // "ticket-printing" and "ticket-unprintable" are the sample ticket with its slip on the way, or
    // with the printer unable to print it.
    SlipPhase slip = SlipPhase::none;
    if (r.screen == "ticket-printing" || r.screen == "ticket-unprintable") {
      slip = r.screen == "ticket-printing" ? SlipPhase::printing : SlipPhase::cannot_print;
      r.screen = "ticket";
    }
    const bool take = r.screen == "ticket" || r.screen == "sending" || r.screen == "ticket-failed";
    if (!take && r.screen != "reactivated") return false;
    if (!r.arg.empty() && r.screen != "ticket-failed" && !view->find(r.arg)) return false;
    go_home();
    forget_ticket();
    ticket.sample = true;
    if (r.screen == "reactivated") {
      ticket.purpose = TicketState::Purpose::reactivate;
      ticket.number = "A023";
      go({"reactivate", {}, {}, {}});
    } else {
      // "ticket-failed:<kind>" names the refusal, the others the guide.
      const std::string guide = r.screen == "ticket-failed" ? std::string() : r.arg;
      ticket.request.guide_id = guide;
      if (!guide.empty()) go({"guide", guide, {}, {}});
      if (catalogue && !catalogue->hall.priority_classes.empty()) go({"priority", guide, {}, {}});
    }
    ticket.phase = TicketState::Phase::sending;
    if (r.screen == "sending") return true;
    if (r.screen == "ticket-failed") {
      answered(std::unexpected(sample_refusal(r.arg)));
      return true;
    }
    const std::string base = catalogue && !catalogue->hall.public_base_url.empty() ? catalogue->hall.public_base_url
                                                                                   : "http://127.0.0.1:8470";
    IssuedTicket sample{"A023", "A", base + "/t/0f3c9a5e7b2d4c1f8e6a9b0c3d5e7f21", 3, 540};
    sample.slip = slip;
    answered(std::move(sample));
    return true;
  }

  // 朗读's states for pictures ("--screen reading:<guide id>", "no-sound:<guide id>"): the guide
  // with the state set, nothing said. A tap on 停止朗读 there ends the sample like a reading.
  bool open_reading_sample(const RouteSpec& r) {
    const bool reading_now = r.screen == "reading";
    if ((!reading_now && r.screen != "no-sound") || !view->find(r.arg)) return false;
    if (!open_route("guide", r.arg)) return false;
    reading = {reading_now ? ReadingState::Phase::reading : ReadingState::Phase::no_sound, r.arg};
    ++reading_request;
    return true;
  }

  // What a hub or its port might say, in both languages as the hub gives them.
  TicketRefusal sample_refusal(const std::string& kind) {
    using R = TicketRefusal::Reason;
    const auto [reason, key] = kind == "closed"      ? std::pair{R::closed, K("sample.closed")}
                               : kind == "refused"   ? std::pair{R::refused, K("sample.refused")}
                               : kind == "not_found" ? std::pair{R::not_found, K("sample.not_found")}
                                                     : std::pair{R::unreachable, K("sample.unreachable")};
    const std::string shown = strings.language();
    strings.set_language("en");
    const std::string en = strings.tr(key);
    strings.set_language("zh-CN");
    const std::string zh = strings.tr(key);
    strings.set_language(shown);
    return {reason, zh, en};
  }

  // The ticket screen's countdown: it starts when the screen shows and restarts on each touch.
  void follow_ticket_countdown(SteadyTime now, bool touched) {
    if (nav.current().screen != "ticket") {
      ticket_deadline.reset();
      return;
    }
    if (!ticket_deadline || touched) ticket_deadline = now + KioskApp::ticket_screen_time;
    if (now >= *ticket_deadline) {
      go_home();
      forget_ticket();
    }
  }

  int ticket_seconds_left(SteadyTime now) const {
    if (!ticket_deadline) return static_cast<int>(KioskApp::ticket_screen_time.count());
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(*ticket_deadline - now).count());
  }

  std::vector<std::string> notices(const Frame& f) const {
    std::vector<std::string> out;
    if (fonts.body && !fonts.cjk) out.push_back(f.tr("notice.no_cjk_font"));
    if (catalogue && catalogue->problem.empty() && catalogue->stale) {
      if (catalogue->last_verified) {
        out.push_back(f.trf("notice.last_verified",
                            {{"when", format_stamp(strings, civil_time(*catalogue->last_verified, zone))}}));
      } else {
        out.push_back(f.tr("notice.stale"));
      }
    }
    return out;
  }

  Intent draw_screen(Frame& f, Area area) {
    if (!view->usable()) return draw_problem(f, *view, area);
    const KioskScreen* screen = find_kiosk_screen(nav.current().screen);
    if (!screen) return {Intent::Kind::home};
    // What the screens need of 取号, derived afresh each frame rather than kept in step.
    session.take_number_enabled = static_cast<bool>(take_number);
    session.reactivate_enabled = static_cast<bool>(reactivate_number);
    session.sending_ticket = sending();
    session.ticket = &ticket;
    session.ticket_qr = ticket_qr ? &*ticket_qr : nullptr;
    session.read_aloud_enabled = static_cast<bool>(read_aloud);
    session.reading = &reading;
    ScreenContext c{f, *view, session, nav.current(), area};
    return screen->draw(c);
  }

  void apply(const Intent& in) {
    switch (in.kind) {
      case Intent::Kind::none:
        break;
      case Intent::Kind::home:
        go_home();
        break;
      case Intent::Kind::back:
        nav.back();
        enter_route();
        break;
      case Intent::Kind::open:
        if (in.screen == "search") {
          session.query.clear();
          run_query();
        }
        go({in.screen, in.arg, {}, {}});
        break;
      case Intent::Kind::set_query:
        set_query(in.arg);
        break;
      case Intent::Kind::toggle_language:
        language = language == "en" ? "zh-CN" : "en";
        stop_reading();  // it spoke the other language
        break;
      case Intent::Kind::toggle_large_text:
        large_text = !large_text;
        fonts_current = false;
        break;
      case Intent::Kind::take_number:
        ask_for_ticket(in.arg);
        break;
      case Intent::Kind::send_ticket:
        // The question's screen knows the answer; its route knows the guide.
        send_ticket(nav.current().arg, in.value);
        break;
      case Intent::Kind::set_number:
        session.reactivate_number = in.arg;
        break;
      case Intent::Kind::reactivate:
        send_reactivation(in.arg);
        break;
      case Intent::Kind::ticket_done:
        go_home();
        forget_ticket();
        break;
      case Intent::Kind::read_aloud:
        start_reading(in.arg);
        break;
      case Intent::Kind::stop_reading:
        stop_reading();
        break;
    }
  }

  // Any finger or key activity this frame restarts the idle timer.
  static bool input_this_frame(const ImGuiIO& io) {
    const bool moved = io.MousePos.x > -1e30f && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f);
    return io.MouseDown[0] || io.MouseReleased[0] || moved || io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty();
  }

  void typed_characters(const ImGuiIO& io) {
    if (nav.current().screen != "search" || io.InputQueueCharacters.empty()) return;
    std::string q = session.query;
    for (ImWchar c : io.InputQueueCharacters) {
      if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)) && q.size() < 32)
        q += static_cast<char>(std::tolower(c));
    }
    if (q != session.query) apply({Intent::Kind::set_query, q});
  }
};

KioskApp::KioskApp(std::shared_ptr<const KioskCatalogue> catalogue, std::string strings_zh, std::string strings_en,
                   KioskSettings settings, const Clock& wall_clock, TimeZone zone)
    : state_(std::make_unique<State>(wall_clock, std::move(zone), std::move(settings))) {
  state_->strings = Strings(strings_zh, strings_en);
  state_->language = state_->settings.language;
  state_->large_text = state_->settings.large_text;
  state_->set_catalogue(std::move(catalogue));
}

KioskApp::~KioskApp() = default;

void KioskApp::set_catalogue(std::shared_ptr<const KioskCatalogue> catalogue) {
  state_->set_catalogue(std::move(catalogue));
}

void KioskApp::set_search_index(std::shared_ptr<const search::SearchIndex> index) {
  state_->set_search_index(std::move(index));
}

void KioskApp::set_notice_index(std::shared_ptr<const notices::NoticeSearch> index) {
  state_->notice_session.set_index(std::move(index));
  state_->run_query();
}

void KioskApp::set_hub_address(std::string url) {
  state_->notice_session.set_hub_address(std::move(url));
  state_->show_notice();
}

std::string KioskApp::notice_address(std::string_view notice_id) const {
  return state_->notice_session.address(*state_->view, notice_id);
}

std::string KioskApp::notice_qr_payload() const {
  const slip::QrBlock* qr = state_->session.notice_qr;
  return qr ? qr->payload : std::string();
}

void KioskApp::add_glyphs(std::string_view text) {
  if (state_->glyphs.add(text)) state_->fonts_current = false;
}

void KioskApp::on_take_number(TakeNumber handler) {
  state_->take_number = std::move(handler);
}

void KioskApp::on_reactivate_number(ReactivateNumber handler) {
  state_->reactivate_number = std::move(handler);
}

void KioskApp::on_read_aloud(ReadAloud port) {
  state_->stop_reading();
  state_->read_aloud = std::move(port);
}

bool KioskApp::open(std::string_view spec) {
  State& s = *state_;
  const RouteSpec r = parse_route_spec(spec);
  if (r.screen == "home" && r.arg.empty()) {
    s.go_home();
    return true;
  }
  if (!s.view->usable()) return false;
  if (s.open_sample(r)) return true;
  if (s.open_reading_sample(r)) return true;
  return s.open_route(r.screen, r.arg);
}

bool KioskApp::build_fonts(ImFontAtlas& atlas, const FontFile& font) {
  State& s = *state_;
  FontRequest req{font.path, font.index, font.family, s.glyphs.body(), s.glyphs.titles(), metrics_for(s.large_text)};
  s.fonts = build_font_set(atlas, req, s.ranges_body, s.ranges_title);
  s.fonts_current = true;
  if (ImGui::GetCurrentContext() && ImGui::GetIO().Fonts == &atlas) ImGui::GetIO().FontDefault = s.fonts.body;
  return s.fonts.cjk;
}

bool KioskApp::fonts_dirty() const {
  return !state_->fonts_current;
}

void KioskApp::draw(SteadyTime now) {
  State& s = *state_;
  ImGuiIO& io = ImGui::GetIO();
  const bool touched = State::input_this_frame(io);
  // Waiting for the hub is not idling: the visitor is watching the screen for their number. Nor is
  // listening to 朗读 (a visitor who cannot read does not touch while the guide is read to them):
  // the count starts again when the reading ends, so the reset waits at most one reading.
  const bool listening = s.listening();
  if (touched || (s.sending() && !s.ticket.sample) || listening || s.was_listening) s.idle.touch(now);
  s.was_listening = listening;
  s.follow_ticket_countdown(now, touched);
  if (s.idle.expired(now) && !s.pristine()) {
    s.idle_reset();
    s.idle.touch(now);
  }
  s.typed_characters(io);
  s.follow_reading();  // a route changed between frames (open(), a new catalogue, the idle reset)

  // Without a CJK font the Chinese strings would be all '?': speak English until one is installed.
  const bool latin_only = s.fonts.body && !s.fonts.cjk;
  s.strings.set_language(latin_only ? "en" : s.language);
  const Metrics metrics = metrics_for(s.large_text);
  apply_theme(s.palette, metrics);
  s.targets.clear();
  s.missing_glyphs.clear();
  const GlyphAudit audit(s.missing_glyphs);
  Frame f{s.strings, s.palette, metrics, s.fonts, s.targets};
  f.english = s.strings.language() == "en";
  f.portrait = io.DisplaySize.y > io.DisplaySize.x;
  update_gesture(f);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##kiosk", nullptr, flags);
  if (s.fonts.body) ImGui::PushFont(s.fonts.body);

  const KioskCatalogue* c = s.catalogue.get();
  const std::string hall_name =
      c ? (f.english && !c->hall.name_en.empty() ? c->hall.name_en : c->hall.name) : std::string();
  const CivilTime local = civil_time(s.clock->now(), s.zone);
  const std::string date_time = format_date_time(s.strings, local);
  const std::string date_time_short = format_date_time_short(s.strings, local);
  const bool at_home = s.nav.current().screen == "home" || !s.view->usable();
  Intent intent = draw_top_bar(f, {!at_home, hall_name, date_time, date_time_short});

  s.session.ticket_seconds_left = s.ticket_seconds_left(now);
  s.session.today = s.zone.local_date(s.clock->now());
  const auto notices = s.notices(f);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = io.DisplaySize.x - 2.0f * metrics.pad;
  const float notes_h = notices_height(f, notices, width);
  const float bottom = io.DisplaySize.y - metrics.pad - notes_h;
  const Area area{top, ImVec2(width, std::max(0.0f, bottom - top.y - (notes_h > 0 ? metrics.gap : 0.0f)))};
  if (Intent screen = s.draw_screen(f, area)) intent = screen;
  draw_notices(f, notices, {ImVec2(top.x, bottom), ImVec2(width, notes_h)});

  if (s.fonts.body) ImGui::PopFont();
  ImGui::End();
  if (const auto from = s.warning_from(); from && now >= *from) {
    const auto left = *s.idle.deadline() - now;
    draw_idle_warning(f, static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count()));
    intent = {};  // the tap that answers the question presses nothing beneath it
  }
  if (s.sending()) {
    draw_ticket_sending(f, s.ticket.purpose == TicketState::Purpose::reactivate);
    intent = {};  // nothing beneath may be pressed until the hub has answered
  }
  s.apply(intent);
  s.follow_reading();
}

bool KioskApp::animating() const {
  const Route& r = state_->nav.current();
  return r.scroll.moving() || r.aside.moving();
}

SteadyTime KioskApp::next_wake(SteadyTime now) const {
  const State& s = *state_;
  // The clock on home shows minutes: wake at the next one.
  const auto into_minute = s.clock->now().time_since_epoch() % std::chrono::minutes(1);
  SteadyTime wake = now + (std::chrono::minutes(1) - into_minute);
  // While 朗读 reads there is no reset to wake for: the reading's end wakes the loop (its reply).
  if (const auto idle = s.idle.deadline(); idle && !s.pristine() && !s.listening()) wake = std::min(wake, *idle);
  if (const auto from = s.warning_from()) {
    // Before the warning: wake when it starts; during it: every second, for the countdown.
    wake = std::min(wake, now < *from ? *from : now + std::chrono::seconds(1));
  }
  if (s.ticket_deadline && s.nav.current().screen == "ticket") {
    // The ticket's countdown shows whole seconds: wake when the next one begins, and at the end.
    const auto left = *s.ticket_deadline - now;
    const auto whole = std::chrono::floor<std::chrono::seconds>(left);
    wake =
        std::min(wake, now + (left - whole == SteadyTime::duration::zero() ? std::chrono::seconds(1) : left - whole));
  }
  return std::max(wake, now);
}

std::string KioskApp::glyph_text() const {
  return state_->glyphs.body();
}

std::string KioskApp::current_screen() const {
  const State& s = *state_;
  if (!s.view->usable()) return "problem";
  const Route& r = s.nav.current();
  if (r.screen == "search") return s.session.query.empty() ? "search" : "search:" + s.session.query;
  return r.arg.empty() ? r.screen : r.screen + ":" + r.arg;
}

const std::vector<TouchTarget>& KioskApp::touch_targets() const {
  return state_->targets;
}
const std::string& KioskApp::language() const {
  return state_->language;
}
bool KioskApp::large_text() const {
  return state_->large_text;
}
const std::string& KioskApp::search_query() const {
  return state_->session.query;
}
const std::string& KioskApp::missing_glyphs() const {
  return state_->missing_glyphs;
}
void KioskApp::set_slip_phase(const std::string& ticket_id, SlipPhase phase) {
  auto& t = state_->ticket.ticket;
  if (!t || ticket_id.empty() || t->id != ticket_id || state_->ticket.purpose != TicketState::Purpose::take) return;
  t->slip = phase;
}

const TicketState& KioskApp::ticket() const {
  return state_->ticket;
}
const ReadingState& KioskApp::reading() const {
  return state_->reading;
}

}  // namespace hall::ui
