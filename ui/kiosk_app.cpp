// The kiosk app: navigation (a back stack of routes), the idle reset, fonts, and one frame =
// chrome + the current screen + notices. Screens return intents; they are applied after drawing.
#include "kiosk_app.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/utf8.h"
#include "i18n/strings.h"
#include "imgui.h"
#include "kiosk/catalogue_view.h"
#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "theme/fonts.h"
#include "theme/theme.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

struct Route {
  enum class Kind { home, topic, one_visit, guide, search };
  Kind kind = Kind::home;
  std::string arg;  // topic name, guide id
  ScrollState scroll;
};

// Unique code points of `text` in order, skipping controls and what a 16-bit ImWchar cannot hold.
std::string unique_chars(std::string_view text) {
  std::set<char32_t> seen;
  for (char32_t c : utf8::decode(text)) {
    if (c < 0x20 || c > 0xFFFF || utf8::is_control(c) || c == 0xFFFD) continue;
    seen.insert(c);
  }
  std::string out;
  for (char32_t c : seen) utf8::append(out, c);
  return out;
}

// Printable ASCII and the few symbols the widgets draw themselves.
std::string fixed_chars() {
  std::string out;
  for (char c = 0x20; c < 0x7F; ++c) out += c;
  return out + "…·×";
}

}  // namespace

struct KioskApp::State {
  std::shared_ptr<const KioskCatalogue> catalogue;
  std::unique_ptr<CatalogueView> view;
  Strings strings;
  KioskSettings settings;
  const Clock* clock;
  TimeZone zone;

  std::vector<Route> stack{Route{}};
  std::string query;
  std::vector<std::size_t> results;
  std::string loaded_guide_id;
  std::optional<Result<catalogue::Guide>> guide;

  std::string language;
  bool large_text = false;
  Palette palette;
  FontSet fonts;
  ImVector<ImWchar> ranges_body, ranges_title;
  bool fonts_current = false;        // built for this catalogue and this text size
  std::string glyphs, title_glyphs;  // caches, emptied by set_catalogue

  std::vector<TouchTarget> targets;
  std::string missing_glyphs;
  std::optional<SteadyTime> last_input;
  std::function<void(const std::string&)> take_number;

  State(const Clock& c, TimeZone z) : clock(&c), zone(std::move(z)) {}

  Route& route() { return stack.back(); }
  const Route& route() const { return stack.back(); }

  void set_catalogue(std::shared_ptr<const KioskCatalogue> c) {
    catalogue = std::move(c);
    view = std::make_unique<CatalogueView>(catalogue);
    glyphs.clear();
    title_glyphs.clear();
    fonts_current = false;
    run_query();
    // A screen whose subject went away falls back to home rather than showing nothing.
    std::erase_if(stack, [&](const Route& r) {
      return (r.kind == Route::Kind::topic && !view->topic(r.arg)) ||
             (r.kind == Route::Kind::guide && !view->find(r.arg));
    });
    if (stack.empty() || stack.front().kind != Route::Kind::home) stack.insert(stack.begin(), Route{});
    loaded_guide_id.clear();
    ensure_guide();
  }

  void run_query() {
    results.clear();
    if (!view) return;
    if (query.empty()) {
      for (std::size_t i = 0; i < view->guides().size(); ++i) results.push_back(i);
      return;
    }
    if (!catalogue) return;
    const auto* base = view->guides().data();
    for (const auto& hit : catalogue->index.query(query)) {
      if (const auto* g = view->find(hit.guide_id)) results.push_back(static_cast<std::size_t>(g - base));
    }
  }

  // Loads the guide the current route shows, once per navigation (never per frame).
  void ensure_guide() {
    if (route().kind != Route::Kind::guide || route().arg == loaded_guide_id) return;
    loaded_guide_id = route().arg;
    if (catalogue && catalogue->load_guide)
      guide = catalogue->load_guide(loaded_guide_id);
    else
      guide = fail(ErrorCode::unavailable, "no guide loader");
  }

  void go(Route r) {
    stack.push_back(std::move(r));
    ensure_guide();
  }

  void go_home() {
    stack.assign(1, Route{});
    query.clear();
    run_query();
  }

  bool pristine() const {
    return stack.size() == 1 && query.empty() && large_text == settings.large_text && language == settings.language &&
           stack.front().scroll.scroll == 0.0f;
  }

  void idle_reset() {
    go_home();
    stack.front().scroll = {};
    if (large_text != settings.large_text) fonts_current = false;
    large_text = settings.large_text;
    language = settings.language;
  }

  const std::string& glyph_text() {
    if (glyphs.empty()) {
      const std::string titles = strings.all_text() + (view ? view->title_text() : "") + fixed_chars();
      title_glyphs = unique_chars(titles);
      glyphs = unique_chars(titles + (view ? view->text() : ""));
    }
    return glyphs;
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
    Route& r = route();
    switch (r.kind) {
      case Route::Kind::home:
        return draw_home(f, *view, area, r.scroll);
      case Route::Kind::topic: {
        const TopicEntry* t = view->topic(r.arg);
        if (!t) return {Intent::Kind::home, {}};
        const std::string sub = f.trf("list.topic_subtitle", {{"n", std::to_string(t->guides.size())}});
        return draw_guide_list(f, *view, {t->name, sub, &t->guides}, area, r.scroll);
      }
      case Route::Kind::one_visit: {
        const std::string sub = f.trf("list.one_visit_subtitle", {{"n", std::to_string(view->one_visit().size())}});
        return draw_guide_list(f, *view, {f.tr("list.one_visit_title"), sub, &view->one_visit()}, area, r.scroll);
      }
      case Route::Kind::guide:
        return draw_guide(f, *view, {guide ? &*guide : nullptr, settings.take_number_enabled}, area, r.scroll);
      case Route::Kind::search:
        return draw_search(f, *view, {query, &results}, area, r.scroll);
    }
    return {};
  }

  void apply(const Intent& in) {
    switch (in.kind) {
      case Intent::Kind::none:
        break;
      case Intent::Kind::home:
        go_home();
        break;
      case Intent::Kind::back:
        if (stack.size() > 1) stack.pop_back();
        ensure_guide();
        break;
      case Intent::Kind::open_topic:
        go({Route::Kind::topic, in.arg, {}});
        break;
      case Intent::Kind::open_one_visit:
        go({Route::Kind::one_visit, {}, {}});
        break;
      case Intent::Kind::open_guide:
        go({Route::Kind::guide, in.arg, {}});
        break;
      case Intent::Kind::open_search:
        query.clear();
        run_query();
        go({Route::Kind::search, {}, {}});
        break;
      case Intent::Kind::set_query:
        query = in.arg;
        run_query();
        route().scroll = {};
        break;
      case Intent::Kind::toggle_language:
        language = language == "en" ? "zh-CN" : "en";
        break;
      case Intent::Kind::toggle_large_text:
        large_text = !large_text;
        fonts_current = false;
        break;
      case Intent::Kind::take_number:
        if (take_number) take_number(in.arg);
        break;
    }
  }

  // Any finger or key activity this frame restarts the idle timer.
  static bool input_this_frame(const ImGuiIO& io) {
    const bool moved = io.MousePos.x > -1e30f && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f);
    return io.MouseDown[0] || io.MouseReleased[0] || moved || io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty();
  }

  void typed_characters(const ImGuiIO& io) {
    if (route().kind != Route::Kind::search || io.InputQueueCharacters.empty()) return;
    std::string q = query;
    for (ImWchar c : io.InputQueueCharacters) {
      if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)) && q.size() < 32)
        q += static_cast<char>(std::tolower(c));
    }
    if (q != query) apply({Intent::Kind::set_query, q});
  }
};

KioskApp::KioskApp(std::shared_ptr<const KioskCatalogue> catalogue, std::string strings_zh, std::string strings_en,
                   KioskSettings settings, const Clock& wall_clock, TimeZone zone)
    : state_(std::make_unique<State>(wall_clock, std::move(zone))) {
  state_->strings = Strings(strings_zh, strings_en);
  state_->settings = std::move(settings);
  state_->language = state_->settings.language;
  state_->large_text = state_->settings.large_text;
  state_->set_catalogue(std::move(catalogue));
}

KioskApp::~KioskApp() = default;

void KioskApp::set_catalogue(std::shared_ptr<const KioskCatalogue> catalogue) {
  state_->set_catalogue(std::move(catalogue));
}

bool KioskApp::open(std::string_view spec) {
  State& s = *state_;
  const auto colon = spec.find(':');
  const std::string_view kind = spec.substr(0, colon);
  const std::string arg = colon == std::string_view::npos ? std::string() : std::string(spec.substr(colon + 1));
  if (kind == "home" && arg.empty()) {
    s.go_home();
    return true;
  }
  if (!s.view->usable()) return false;
  if (kind == "one-visit" && arg.empty()) {
    s.go_home();
    s.go({Route::Kind::one_visit, {}, {}});
  } else if (kind == "topic" && s.view->topic(arg)) {
    s.go_home();
    s.go({Route::Kind::topic, arg, {}});
  } else if (kind == "guide" && s.view->find(arg)) {
    s.go_home();
    s.go({Route::Kind::guide, arg, {}});
  } else if (kind == "search") {
    s.go_home();
    s.go({Route::Kind::search, {}, {}});
    s.apply({Intent::Kind::set_query, arg});
  } else {
    return false;
  }
  return true;
}

bool KioskApp::build_fonts(ImFontAtlas& atlas, const FontFile& font) {
  State& s = *state_;
  const std::string& body = s.glyph_text();
  FontRequest req{font.path, font.index, font.family, body, s.title_glyphs, metrics_for(s.large_text)};
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
  if (!s.last_input || State::input_this_frame(io)) s.last_input = now;
  if (now - *s.last_input >= s.settings.idle_timeout && !s.pristine()) {
    s.idle_reset();
    s.last_input = now;
  }
  s.typed_characters(io);

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
  const bool at_home = s.route().kind == Route::Kind::home || !s.view->usable();
  Intent intent = draw_top_bar(f, {!at_home, hall_name, date_time, date_time_short});

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
  s.apply(intent);
}

bool KioskApp::animating() const {
  return state_->route().scroll.moving();
}

SteadyTime KioskApp::next_wake(SteadyTime now) const {
  const State& s = *state_;
  // The clock on home shows minutes: wake at the next one.
  const auto into_minute = s.clock->now().time_since_epoch() % std::chrono::minutes(1);
  SteadyTime wake = now + (std::chrono::minutes(1) - into_minute);
  if (!s.pristine() && s.last_input) wake = std::min(wake, *s.last_input + s.settings.idle_timeout);
  return std::max(wake, now);
}

std::string KioskApp::glyph_text() const {
  return state_->glyph_text();
}

std::string KioskApp::current_screen() const {
  const State& s = *state_;
  if (!s.view->usable()) return "problem";
  const Route& r = s.route();
  switch (r.kind) {
    case Route::Kind::home:
      return "home";
    case Route::Kind::topic:
      return "topic:" + r.arg;
    case Route::Kind::one_visit:
      return "one-visit";
    case Route::Kind::guide:
      return "guide:" + r.arg;
    case Route::Kind::search:
      return s.query.empty() ? "search" : "search:" + s.query;
  }
  return "home";
}

const std::vector<TouchTarget>& KioskApp::touch_targets() const {
  return state_->targets;
}
void KioskApp::on_take_number(std::function<void(const std::string&)> handler) {
  state_->take_number = std::move(handler);
}
const std::string& KioskApp::language() const {
  return state_->language;
}
bool KioskApp::large_text() const {
  return state_->large_text;
}
const std::string& KioskApp::search_query() const {
  return state_->query;
}
const std::string& KioskApp::missing_glyphs() const {
  return state_->missing_glyphs;
}

}  // namespace hall::ui
