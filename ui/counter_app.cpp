// SPDX-License-Identifier: Apache-2.0
// The counter app: the sign-in or the work screen under the bar, the hub banner, the transfer
// dialog, and the keyboard. One request at a time goes to the port; its answer lands between
// frames. While signed in, the window's state is read again whenever an event from the hub says
// something changed (refresh()), on each new connection of the event stream, and on a timer: a slow
// one while events arrive, a quick one while they do not or the hub did not answer, which is also
// how the counter notices the hub coming back.
#include "counter_app.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "counter/counter_samples.h"
#include "counter/screens.h"
#include "counter/slip_strip.h"
#include "i18n/strings.h"
#include "imgui.h"
#include "kiosk/glyph_set.h"
#include "theme/fonts.h"
#include "theme/theme.h"
#include "widgets/text.h"
#include "widgets/ticket_number.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

constexpr std::size_t max_staff_id = 16;
constexpr std::size_t max_pin = 12;

// A clerk's PC at arm's length, not a kiosk at a standing visitor's: smaller type, still large
// enough to read at a glance, and targets a mouse or a finger hits.
Metrics counter_metrics() {
  Metrics m = metrics_for(false);
  m.body_px = 22.0f;
  m.title_px = 28.0f;
  m.number_px = 120.0f;
  m.min_target = 48.0f;
  m.pad = 16.0f;
  m.gap = 10.0f;
  m.top_bar = 64.0f;
  m.button_h = 60.0f;
  m.key_h = 60.0f;
  return m;
}

std::string snapshot_text(const CounterSnapshot& s) {
  std::string t;
  for (const auto& g : s.groups) t += g.name + g.name_en;
  if (s.current) {
    t += s.current->guide_name + s.current->guide_name_en;
    for (const auto& m : s.current->materials) t += m.name + m.name_en;
  }
  return t;
}

}  // namespace

struct CounterApp::State {
  Strings strings;
  CounterSettings settings;
  const Clock* clock;
  CounterPort* port = nullptr;
  SlipCorner slips;

  // Sign-in.
  std::string staff_id, pin;
  bool pin_focused = false;
  bool signing_in = false;
  std::optional<CounterProblem> sign_in_problem;
  std::optional<SteadyTime> locked_until;

  // Signed in.
  std::optional<SignedIn> who;
  CounterSnapshot snapshot;
  std::map<std::int64_t, std::vector<bool>> checks;  // per ticket, for the session
  bool sending = false;
  CounterAction sending_action = CounterAction::call_next;
  bool unreachable = false;
  bool unsure = false;
  bool none_waiting = false;
  std::optional<CounterProblem> problem;
  bool transfer_open = false;
  // 补打其他号: the dialog, the number typed in it and what became of the last one sent.
  bool reprint_open = false;
  std::string reprint_number;
  SlipNote reprint_note;
  bool refreshing = false;
  std::uint64_t reads_answered = 0;
  std::optional<SteadyTime> next_refresh;
  bool refresh_now = false;
  CounterLink link;
  mutable ScrollState checklist_scroll;  // the screens move it; the view hands it over
  bool sample = false;
  bool sample_lock = false;
  std::uint64_t session = 0;  // replies to an earlier session (before a sign-out) are dropped
  std::shared_ptr<int> alive = std::make_shared<int>(0);

  FontSet fonts;
  ImVector<ImWchar> ranges_body, ranges_title;
  bool fonts_current = false;
  GlyphSet glyphs;
  std::string base_text, dynamic_text;
  std::vector<TouchTarget> targets;
  std::string missing_glyphs;
  SteadyTime last_now{};

  State(std::string zh, std::string en, CounterSettings s, const Clock& c)
      : strings(zh, en), settings(std::move(s)), clock(&c) {
    strings.set_language(settings.language);
    base_text = strings.all_text() + fixed_glyphs() + "●|—%";
    glyphs.reset(base_text, base_text);
  }

  // The counter's text is small: every character goes into the title size too (a window's name
  // in the bar, a group's on a button), so nothing drawn large is missing.
  void add_text(const std::string& text) {
    if (!glyphs.add(text)) return;
    dynamic_text += text;
    glyphs.reset(base_text + dynamic_text, base_text + dynamic_text);
    fonts_current = false;
  }

  // Whose reply is this: the app still here, and the same session.
  template <typename F>
  auto guarded(F f) {
    return [this, f = std::move(f), s = session, life = std::weak_ptr<int>(alive)](auto result) mutable {
      if (life.expired() || s != session) return;
      f(std::move(result));
    };
  }

  void take_snapshot(CounterSnapshot s) {
    // Group names come from the hall, read once at sign-in; the counts from each snapshot.
    if (who) {
      for (auto& g : s.groups) {
        for (const auto& named : who->groups) {
          if (named.id == g.id && g.name.empty()) g.name = named.name, g.name_en = named.name_en;
        }
      }
    }
    add_text(snapshot_text(s));
    const auto id = [](const CounterSnapshot& c) { return c.current ? c.current->id : 0; };
    if (id(s) != id(snapshot)) checklist_scroll = {};  // a new visitor's list starts at its top
    if (s.current) {
      auto& c = checks[s.current->id];
      c.resize(s.current->materials.size(), false);
    }
    snapshot = std::move(s);
  }

  void sign_in() {
    if (!port || signing_in || staff_id.empty() || pin.empty()) return;
    if (locked_until && *locked_until > last_now) return;
    signing_in = true;
    sign_in_problem.reset();
    port->sign_in({staff_id, pin}, guarded([this](CounterResult<SignedIn> r) {
                    signing_in = false;
                    pin.clear();  // never kept longer than the request
                    if (!r.value) {
                      sign_in_problem = r.problem;
                      if (r.problem && r.problem->kind == CounterProblem::Kind::locked) {
                        locked_until = last_now + std::chrono::seconds(std::max(1, r.problem->retry_after_s));
                      }
                      return;
                    }
                    locked_until.reset();
                    who = std::move(*r.value);
                    for (const auto& w : who->windows) add_text(w.name + w.name_en);
                    add_text(who->name + who->window_name + who->window_name_en);
                    take_snapshot(who->snapshot);
                    unreachable = unsure = false;
                    next_refresh = last_now + poll_interval();
                  }));
  }

  void act(const CounterIntent& in) {
    if (!port || !who || sending) return;
    CounterView v = view(last_now);
    if (!action_allowed(v, in.action)) return;
    CounterCommand c{in.action, snapshot.current ? snapshot.current->id : 0, in.to_group, in.to_window};
    sending = true;
    sending_action = in.action;
    problem.reset();
    none_waiting = false;
    transfer_open = false;
    port->act(c, guarded([this](CounterOutcome o) {
                sending = false;
                answered(std::move(o));
              }));
  }

  // 补打其他号: any of today's numbers, asked of the hub as the clerk (through the slip port and the
  // desk's worker); the answer lands in the dialog.
  void send_reprint(const std::string& number) {
    if (!who || !reprint_open || !slips.active() || reprint_note.phase == SlipNote::Phase::sending) return;
    if (!ticket_number_complete(number, group_letters())) return;
    reprint_note = {SlipNote::Phase::sending, {}, {}, number, false};
    slips.port()->reprint(number, guarded([this](SlipNote n) {
                            add_text(n.message + n.message_en);  // the hub's words, drawn in the dialog
                            reprint_note = std::move(n);
                          }));
  }

  // The letters this hall's numbers start with, for the dialog's keypad and the keyboard.
  std::vector<std::string> group_letters() const {
    std::vector<std::string> out;
    if (!who) return out;
    for (const auto& g : who->groups) out.push_back(g.letter.empty() ? g.id : g.letter);
    return out;
  }

  // Keys while the reprint dialog is open: digits and group letters type, Backspace deletes, Enter
  // sends a complete number, Esc closes. Nothing else (no F-key) reaches the work screen beneath.
  CounterIntent reprint_keys(const ImGuiIO& io) {
    const auto pressed = [](int index) { return index >= 0 && ImGui::IsKeyPressed(index, false); };
    if (pressed(io.KeyMap[ImGuiKey_Escape])) return {CounterIntent::Kind::close_reprint};
    if (reprint_note.phase == SlipNote::Phase::sending) return {};
    const std::vector<std::string> letters = group_letters();
    std::string typed = reprint_number;
    for (ImWchar c : io.InputQueueCharacters) {
      if (c >= 0x80 || !std::isalnum(static_cast<unsigned char>(c))) continue;
      const std::string typed_key(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      const bool letter = std::find(letters.begin(), letters.end(), typed_key) != letters.end();
      if (std::isdigit(static_cast<unsigned char>(c)) || letter)
        typed = ticket_number_with_key(typed, letters, typed_key);
    }
    if (pressed(io.KeyMap[ImGuiKey_Backspace])) typed = ticket_number_with_key(typed, letters, "backspace");
    if (pressed(io.KeyMap[ImGuiKey_Enter]) || pressed(io.KeyMap[ImGuiKey_KeyPadEnter])) {
      reprint_number = typed;
      return {CounterIntent::Kind::send_reprint, typed};
    }
    if (typed != reprint_number) return {CounterIntent::Kind::reprint_key, typed};
    return {};
  }

  void answered(CounterOutcome o) {
    if (o.problem && o.problem->kind == CounterProblem::Kind::signed_out) {
      signed_out(*o.problem);
      return;
    }
    if (o.snapshot_fresh) {
      take_snapshot(std::move(o.snapshot));
      unreachable = false;
      unsure = false;
    } else if (o.problem && o.problem->kind == CounterProblem::Kind::unreachable) {
      unreachable = true;
      // The action may or may not have been done: nothing more until the hub is read again.
      if (o.answer_lost) unsure = true;
    }
    none_waiting = o.none_waiting;
    problem = o.problem;
    next_refresh = last_now + poll_interval();
  }

  // Events keep the counter current while they arrive; the timer is only a safety net then.
  std::chrono::milliseconds poll_interval() const {
    const bool live = link.phase == CounterLink::Phase::connected && !unreachable && !unsure;
    return live ? settings.refresh_every : settings.retry_every;
  }

  void start_refresh() {
    if (!port || !who || refreshing || sending) return;
    refreshing = true;
    refresh_now = false;
    port->refresh(guarded([this](CounterOutcome o) {
      refreshing = false;
      ++reads_answered;
      if (o.problem && o.problem->kind == CounterProblem::Kind::signed_out) {
        signed_out(*o.problem);
        return;
      }
      if (o.snapshot_fresh) {
        take_snapshot(std::move(o.snapshot));
        unreachable = unsure = false;
        if (problem && problem->kind == CounterProblem::Kind::unreachable) problem.reset();
      } else {
        unreachable = true;
      }
      next_refresh = last_now + poll_interval();
    }));
  }

  void signed_out(const CounterProblem& why) {
    forget_session();
    sign_in_problem = why;
  }

  void forget_session() {
    ++session;
    who.reset();
    snapshot = {};
    checks.clear();
    sending = refreshing = transfer_open = reprint_open = false;
    reprint_number.clear();
    reprint_note = {};
    unreachable = unsure = none_waiting = false;
    problem.reset();
    signing_in = false;
    pin.clear();
    pin_focused = !staff_id.empty();
    next_refresh.reset();
    link = {};  // the follower stops with the session (the feed says so too, once it has)
  }

  void sign_out() {
    if (!who) return;
    if (port && !sample) port->sign_out([] {});
    forget_session();
    sign_in_problem.reset();
  }

  void key(const std::string& k) {
    std::string& field = pin_focused ? pin : staff_id;
    if (k == "backspace") {
      if (!field.empty()) field.pop_back();
    } else if (k == "clear") {
      field.clear();
    } else if (k.size() == 1 && std::isalnum(static_cast<unsigned char>(k[0]))) {
      if (pin_focused && !std::isdigit(static_cast<unsigned char>(k[0]))) return;
      if (field.size() >= (pin_focused ? max_pin : max_staff_id)) return;
      field += static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
    }
    sign_in_problem.reset();
  }

  void apply(const CounterIntent& in) {
    switch (in.kind) {
      case CounterIntent::Kind::none:
        break;
      case CounterIntent::Kind::key:
        key(in.arg);
        break;
      case CounterIntent::Kind::focus:
        pin_focused = in.arg == "pin";
        break;
      case CounterIntent::Kind::submit:
        sign_in();
        break;
      case CounterIntent::Kind::act:
        act(in);
        break;
      case CounterIntent::Kind::toggle_check:
        if (snapshot.current) {
          auto& c = checks[snapshot.current->id];
          if (in.index >= 0 && static_cast<std::size_t>(in.index) < c.size()) c[in.index] = !c[in.index];
        }
        break;
      case CounterIntent::Kind::open_transfer:
        if (action_allowed(view(last_now), CounterAction::transfer)) transfer_open = true;
        break;
      case CounterIntent::Kind::close_transfer:
        transfer_open = false;
        break;
      case CounterIntent::Kind::open_reprint:
        if (who && (slips.active() || sample)) {
          reprint_open = true;
          transfer_open = false;
        }
        break;
      case CounterIntent::Kind::reprint_key:
        if (reprint_open && reprint_note.phase != SlipNote::Phase::sending) reprint_number = in.arg;
        break;
      case CounterIntent::Kind::send_reprint:
        send_reprint(in.arg);
        break;
      case CounterIntent::Kind::close_reprint:
        reprint_open = false;
        break;
      case CounterIntent::Kind::sign_out:
        sign_out();
        break;
    }
  }

  // The physical keyboard: F1..F7 while signed in; characters, Enter, Tab, Backspace at sign-in.
  CounterIntent keyboard(const ImGuiIO& io) {
    const auto pressed = [](int index) { return index >= 0 && ImGui::IsKeyPressed(index, false); };
    if (who) {
      if (reprint_open) return reprint_keys(io);
      if (pressed(io.KeyMap[ImGuiKey_Escape]) && transfer_open) return {CounterIntent::Kind::close_transfer};
      if (settings.f1_key < 0) return {};
      if (!transfer_open && pressed(settings.f1_key + 7)) return {CounterIntent::Kind::open_reprint};  // F8
      const CounterAction by_key[] = {CounterAction::call_next, CounterAction::recall,  CounterAction::start,
                                      CounterAction::finish,    CounterAction::no_show, CounterAction::transfer,
                                      snapshot.paused ? CounterAction::resume : CounterAction::pause};
      for (int i = 0; i < 7; ++i) {
        if (!pressed(settings.f1_key + i)) continue;
        CounterIntent in{by_key[i] == CounterAction::transfer ? CounterIntent::Kind::open_transfer
                                                              : CounterIntent::Kind::act};
        in.action = by_key[i];
        return in;
      }
      return {};
    }
    for (ImWchar c : io.InputQueueCharacters) {
      if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) key(std::string(1, static_cast<char>(c)));
    }
    if (pressed(io.KeyMap[ImGuiKey_Backspace])) key("backspace");
    if (pressed(io.KeyMap[ImGuiKey_Tab])) pin_focused = !pin_focused;
    if (pressed(io.KeyMap[ImGuiKey_Enter]) || pressed(io.KeyMap[ImGuiKey_KeyPadEnter])) {
      if (!pin_focused) {
        pin_focused = true;
      } else {
        return {CounterIntent::Kind::submit};
      }
    }
    return {};
  }

  CounterView view(SteadyTime now) const {
    CounterView v;
    v.window = settings.window;
    v.staff_id = staff_id;
    v.pin = pin;
    v.pin_focused = pin_focused;
    v.signing_in = signing_in;
    v.sign_in_problem = sign_in_problem;
    if (locked_until && *locked_until > now) {
      v.locked_minutes =
          static_cast<int>(std::chrono::ceil<std::chrono::minutes>(*locked_until - now).count());
    }
    if (who) {
      v.who = &*who;
      v.window_name = strings.language() == "en" && !who->window_name_en.empty() ? who->window_name_en : who->window_name;
      v.snapshot = &snapshot;
      if (snapshot.current) {
        const auto it = checks.find(snapshot.current->id);
        if (it != checks.end()) v.checks = &it->second;
      }
    }
    v.wall_now = clock->now();
    v.sending = sending;
    v.sending_action = sending_action;
    v.unreachable = unreachable;
    v.unsure = unsure;
    v.none_waiting = none_waiting;
    v.problem = problem;
    v.sample = sample;
    v.link = link;
    v.checklist_scroll = &checklist_scroll;
    v.can_reprint = who && (slips.active() || sample);
    v.reprint_open = reprint_open;
    v.reprint_number = reprint_number;
    v.reprint_note = reprint_note.phase == SlipNote::Phase::none ? nullptr : &reprint_note;
    v.letters = group_letters();
    return v;
  }
};

CounterApp::CounterApp(std::string strings_zh, std::string strings_en, CounterSettings settings,
                       const Clock& wall_clock)
    : state_(std::make_unique<State>(std::move(strings_zh), std::move(strings_en), std::move(settings), wall_clock)) {}

CounterApp::~CounterApp() = default;

void CounterApp::set_port(CounterPort* port) {
  state_->port = port;
}

void CounterApp::set_slip_port(CounterSlipPort* port) {
  state_->slips.set_port(port);
}

const SlipNote& CounterApp::slip_note() const {
  return state_->slips.note();
}

const SlipNote& CounterApp::reprint_note() const {
  return state_->reprint_note;
}

void CounterApp::refresh() {
  state_->refresh_now = true;
}

void CounterApp::set_link(const CounterLink& link) {
  State& s = *state_;
  const bool connected_now = link.phase == CounterLink::Phase::connected && s.link.phase != link.phase;
  const auto interval = s.poll_interval();
  s.link = link;
  if (connected_now) s.refresh_now = true;
  // The timer follows the new state: slower while events arrive, quicker once they stop.
  if (s.next_refresh && s.poll_interval() != interval) s.next_refresh = s.last_now + s.poll_interval();
}

const CounterLink& CounterApp::link() const {
  return state_->link;
}

bool CounterApp::open(std::string_view spec) {
  State& s = *state_;
  if (spec == "sign-in" || spec == "home") {
    if (s.who) s.sign_out();
    return true;
  }
  if (spec == "work") return s.who.has_value();
  if (!spec.starts_with("sample:")) return false;
  const std::string_view kind = spec.substr(7);
  static constexpr std::string_view kinds[] = {
      "called",    "serving", "idle",      "paused",    "transfer", "unreachable",     "sending",
      "wrong-pin", "locked",  "long-list", "live-lost", "reprint",  "reprint-unknown", "reprint-refused"};
  if (std::find(std::begin(kinds), std::end(kinds), kind) == std::end(kinds)) return false;
  s.forget_session();
  s.sample = true;
  if (kind == "wrong-pin" || kind == "locked") {
    s.staff_id = "D01";
    s.pin_focused = true;
    s.sign_in_problem = CounterProblem{kind == "locked" ? CounterProblem::Kind::locked : CounterProblem::Kind::wrong_pin,
                                       "", "", 240, {}};
    s.sample_lock = kind == "locked";  // counted from the first frame's clock
    return true;
  }
  SignedIn who = kind == "long-list" ? sample_long_list(s.settings.window, s.clock->now())
                                     : sample_signed_in(s.settings.window, s.clock->now());
  CounterSnapshot snap = who.snapshot;
  if (kind == "serving") snap.current->state = "serving";
  if (kind == "idle" || kind == "paused") snap.current.reset();
  if (kind == "paused") snap.paused = true;
  s.who = std::move(who);
  s.add_text(s.who->name + s.who->window_name + s.who->window_name_en);
  for (const auto& w : s.who->windows) s.add_text(w.name + w.name_en);
  s.take_snapshot(std::move(snap));
  if (s.snapshot.current) {
    auto& c = s.checks[s.snapshot.current->id];
    if (c.size() >= 2) c[0] = true;  // the clerk has seen the ID card; the rest is still to check
  }
  s.transfer_open = kind == "transfer";
  s.unreachable = kind == "unreachable";
  if (kind == "live-lost") s.link = {CounterLink::Phase::reconnecting, 3};
  s.sending = kind == "sending";
  s.sending_action = CounterAction::start;
  if (kind.starts_with("reprint")) {
    const SampleReprint r = sample_reprint(kind);
    s.reprint_open = true;
    s.reprint_number = r.number;
    s.reprint_note = r.note;
    s.add_text(r.note.message + r.note.message_en);
  }
  return true;
}

bool CounterApp::build_fonts(ImFontAtlas& atlas, const FontFile& font) {
  State& s = *state_;
  FontRequest req{font.path, font.index, font.family, s.glyphs.body(), s.glyphs.titles(), counter_metrics()};
  s.fonts = build_font_set(atlas, req, s.ranges_body, s.ranges_title);
  s.fonts_current = true;
  if (ImGui::GetCurrentContext() && ImGui::GetIO().Fonts == &atlas) ImGui::GetIO().FontDefault = s.fonts.body;
  return s.fonts.cjk;
}

bool CounterApp::fonts_dirty() const {
  return !state_->fonts_current;
}

void CounterApp::draw(SteadyTime now) {
  State& s = *state_;
  s.last_now = now;
  if (s.sample_lock) {
    s.locked_until = now + std::chrono::seconds(240);
    s.sample_lock = false;
  }
  ImGuiIO& io = ImGui::GetIO();
  if (s.who && !s.sample && (s.refresh_now || (s.next_refresh && now >= *s.next_refresh))) s.start_refresh();
  CounterIntent keys = s.keyboard(io);
  CounterIntent intent = keys;

  const bool latin_only = s.fonts.body && !s.fonts.cjk;
  s.strings.set_language(latin_only ? "en" : s.settings.language);
  const Metrics metrics = counter_metrics();
  Palette palette;
  apply_theme(palette, metrics);
  s.targets.clear();
  s.missing_glyphs.clear();
  const GlyphAudit audit(s.missing_glyphs);
  Frame f{s.strings, palette, metrics, s.fonts, s.targets};
  f.english = s.strings.language() == "en";
  f.portrait = io.DisplaySize.y > io.DisplaySize.x;
  update_gesture(f);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##counter", nullptr, flags);
  if (s.fonts.body) ImGui::PushFont(s.fonts.body);
  const CounterView v = s.view(now);
  if (auto bar = draw_counter_bar(f, v)) intent = bar;
  const float pad = metrics.pad;
  ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = io.DisplaySize.x - 2.0f * pad;
  if (s.sample) {
    const TextStyle note = muted_style(f);
    const std::string& text = f.tr("counter.sample");
    draw_line_clipped(ImGui::GetWindowDrawList(), note, top, text, width);
    top.y += f.body_line();
  }
  if (!s.port && !s.sample) {
    const TextStyle note = body_style(f, palette.accent);
    top.y += draw_paragraph(ImGui::GetWindowDrawList(), note, top, f.tr("counter.no_hub"), width) + metrics.gap;
  }
  top.y += draw_hub_banner(f, v, {top, ImVec2(width, 0)});
  // The slip strip takes the foot of the work screen.
  const float strip_h = s.who && s.slips.active() ? slip_strip_height(f) : 0.0f;
  const Area area{top, ImVec2(width, std::max(0.0f, io.DisplaySize.y - pad - top.y - strip_h))};
  if (s.who) {
    if (auto w = draw_work(f, v, area)) intent = w;
    if (!s.transfer_open && !s.reprint_open) {
      s.slips.draw(f, v.snapshot, v.checks, {ImVec2(top.x, top.y + area.size.y), ImVec2(width, strip_h)});
    }
  } else {
    if (auto i = draw_sign_in(f, v, area)) intent = i;
  }
  if (s.fonts.body) ImGui::PopFont();
  ImGui::End();
  if (s.who && s.transfer_open) {
    const CounterIntent d = draw_transfer_dialog(f, v);
    // The dialog takes every tap: what lies beneath is not pressed through it.
    if (intent.kind != CounterIntent::Kind::close_transfer && intent.kind != CounterIntent::Kind::act) intent = {};
    if (d) intent = d;
  }
  if (s.who && s.reprint_open) {
    // Only the dialog's own keys and taps count while it is open.
    if (keys.kind != CounterIntent::Kind::reprint_key && keys.kind != CounterIntent::Kind::send_reprint &&
        keys.kind != CounterIntent::Kind::close_reprint) {
      keys = {};
    }
    intent = keys;
    if (const CounterIntent d = draw_reprint_dialog(f, v)) intent = d;
  }
  using Kind = CounterIntent::Kind;
  static constexpr Kind harmless[] = {Kind::key,           Kind::focus,        Kind::toggle_check, Kind::close_transfer,
                                      Kind::open_transfer, Kind::open_reprint, Kind::reprint_key,  Kind::close_reprint};
  if (s.sample && std::find(std::begin(harmless), std::end(harmless), intent.kind) == std::end(harmless)) {
    intent = {};  // a picture's sample asks no hub for anything
  }
  s.apply(intent);
}

bool CounterApp::animating() const {
  return state_->checklist_scroll.moving();  // a flung checklist still gliding
}

SteadyTime CounterApp::next_wake(SteadyTime now) const {
  const State& s = *state_;
  SteadyTime wake = now + std::chrono::minutes(1);  // waited minutes on the card
  if (s.next_refresh && !s.refreshing) wake = std::min(wake, *s.next_refresh);
  if (s.refresh_now) wake = now;
  if (s.locked_until && *s.locked_until > now) {
    const auto left = *s.locked_until - now;
    const auto whole = std::chrono::floor<std::chrono::minutes>(left);
    wake = std::min(wake, now + (left - whole == SteadyTime::duration::zero() ? std::chrono::minutes(1) : left - whole));
  }
  return std::max(wake, now);
}

std::string CounterApp::glyph_text() const {
  return state_->glyphs.body();
}

std::string CounterApp::current_screen() const {
  const State& s = *state_;
  if (!s.who) return "sign-in";
  if (s.reprint_open) return "work:reprint";
  return s.transfer_open ? "work:transfer" : "work";
}

const std::vector<TouchTarget>& CounterApp::touch_targets() const {
  return state_->targets;
}
const std::string& CounterApp::missing_glyphs() const {
  return state_->missing_glyphs;
}
bool CounterApp::signed_in() const {
  return state_->who.has_value();
}
bool CounterApp::sending() const {
  return state_->sending || state_->signing_in;
}
bool CounterApp::unreachable() const {
  return state_->unreachable;
}
bool CounterApp::unsure() const {
  return state_->unsure;
}
std::uint64_t CounterApp::reads_answered() const {
  return state_->reads_answered;
}
const CounterSnapshot* CounterApp::snapshot() const {
  return state_->who ? &state_->snapshot : nullptr;
}
std::vector<bool> CounterApp::checks() const {
  const State& s = *state_;
  if (!s.snapshot.current) return {};
  const auto it = s.checks.find(s.snapshot.current->id);
  return it == s.checks.end() ? std::vector<bool>() : it->second;
}

}  // namespace hall::ui
