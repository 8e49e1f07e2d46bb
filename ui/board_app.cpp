// SPDX-License-Identifier: Apache-2.0
// The board app: the model, the fonts built for its names, and one frame = the board screen (or
// the setup screen). It wakes for the clock's minute and for each flash of a new call; otherwise
// an idle board draws nothing.
#include "board_app.h"

#include "board/board_parts.h"
#include "i18n/strings.h"
#include "imgui.h"
#include "kiosk/format.h"
#include "theme/fonts.h"
#include "widgets/text.h"

namespace hall::ui {

struct BoardApp::State {
  Strings strings;
  std::string language;
  const Clock* clock;
  TimeZone zone;
  BoardModel live, sample;
  bool show_sample = false;
  bool show_setup = false;
  Palette palette = board_palette();
  FontSet fonts;
  ImVector<ImWchar> ranges_body, ranges_title;
  std::string glyphs;
  bool fonts_current = false;
  std::vector<TouchTarget> targets;
  std::string missing;
  std::uint64_t frames = 0;

  State(const Clock& c, TimeZone z) : clock(&c), zone(std::move(z)) {}

  const BoardModel& shown() const { return show_sample ? sample : live; }

  // Every character the board may draw: the strings, the hall's names, and what a sample shows.
  void update_glyphs() {
    std::string text = strings.all_text() + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-—:·";
    for (const BoardModel* m : {&live, &sample}) {
      text += m->name + m->name_en + m->setup_command;
      for (const auto& w : m->windows) text += w.name + w.name_en + w.id;
      for (const auto& g : m->groups) text += g.name + g.name_en + g.letter;
    }
    if (text != glyphs) {
      glyphs = std::move(text);
      fonts_current = false;
    }
  }
};

BoardApp::BoardApp(std::string strings_zh, std::string strings_en, std::string language, const Clock& wall_clock,
                   TimeZone zone)
    : state_(std::make_unique<State>(wall_clock, std::move(zone))) {
  state_->strings = Strings(strings_zh, strings_en);
  state_->language = std::move(language);
  state_->sample = sample_board(SteadyTime{});
  state_->update_glyphs();
}

BoardApp::~BoardApp() = default;

void BoardApp::set_hall(const BoardHall& hall) {
  state_->live.set_hall(hall);
  state_->update_glyphs();
}

void BoardApp::set_queue(const BoardQueue& queue) {
  state_->live.set_queue(queue);
}

void BoardApp::on_event(const queue::QueueEvent& event, SteadyTime now) {
  state_->live.apply(event, now);
}

void BoardApp::set_link(const BoardLinkView& link) {
  state_->live.link = link;
}

void BoardApp::set_speech_problem(std::string problem) {
  state_->live.speech_problem = std::move(problem);
}

void BoardApp::set_setup_command(std::string command) {
  state_->live.setup_command = std::move(command);
  state_->show_setup = !state_->live.setup_command.empty();
  state_->update_glyphs();
}

const BoardModel& BoardApp::model() const {
  return state_->live;
}

std::uint64_t BoardApp::frames_drawn() const {
  return state_->frames;
}

bool BoardApp::open(std::string_view spec) {
  State& s = *state_;
  if (spec == "board" || spec == "home") {
    s.show_sample = false;
    s.show_setup = !s.live.setup_command.empty();
    return true;
  }
  if (spec == "sample") {
    s.show_sample = true;
    s.show_setup = false;
    // The newest sample call flashes from now, as a real one would.
    s.sample = sample_board(std::chrono::steady_clock::now());
    return true;
  }
  if (spec == "setup") {
    if (s.live.setup_command.empty()) {
      s.live.setup_command = "hallctl device add --data DIR --id B1 --role board > DIR/board-device.token";
      s.update_glyphs();
    }
    s.show_sample = false;
    s.show_setup = true;
    return true;
  }
  return false;
}

bool BoardApp::build_fonts(ImFontAtlas& atlas, const FontFile& font) {
  State& s = *state_;
  FontRequest req{font.path, font.index, font.family, s.glyphs, s.glyphs, board_metrics()};
  s.fonts = build_font_set(atlas, req, s.ranges_body, s.ranges_title);
  s.fonts_current = true;
  if (ImGui::GetCurrentContext() && ImGui::GetIO().Fonts == &atlas) ImGui::GetIO().FontDefault = s.fonts.body;
  return s.fonts.cjk;
}

bool BoardApp::fonts_dirty() const {
  return !state_->fonts_current;
}

void BoardApp::draw(SteadyTime now) {
  State& s = *state_;
  ++s.frames;
  ImGuiIO& io = ImGui::GetIO();
  const bool latin_only = s.fonts.body && !s.fonts.cjk;
  s.strings.set_language(latin_only ? "en" : s.language);
  const Metrics metrics = board_metrics();
  apply_theme(s.palette, metrics);
  s.targets.clear();
  s.missing.clear();
  const GlyphAudit audit(s.missing);
  Frame f{s.strings, s.palette, metrics, s.fonts, s.targets};
  f.english = s.strings.language() == "en";
  f.portrait = io.DisplaySize.y > io.DisplaySize.x;

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                                     ImGuiWindowFlags_NoInputs;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, to_imgui_color(s.palette.background));
  ImGui::Begin("##board", nullptr, flags);
  if (s.fonts.body) ImGui::PushFont(s.fonts.body);
  BoardDraw d{f, s.shown(), s.show_sample ? std::chrono::steady_clock::now() : now,
              format_date_time(s.strings, civil_time(s.clock->now(), s.zone))};
  if (s.show_setup && !s.show_sample) {
    draw_setup_screen(d);
  } else {
    draw_board_screen(d);
  }
  if (s.fonts.body) ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
}

SteadyTime BoardApp::next_wake(SteadyTime now) const {
  const State& s = *state_;
  const auto into_minute = s.clock->now().time_since_epoch() % std::chrono::minutes(1);
  SteadyTime wake = now + (std::chrono::minutes(1) - into_minute);
  // A window lit by its call changes every half second until the highlight ends.
  for (const auto& w : s.shown().windows) {
    if (!highlighted(w, now)) continue;
    const auto since = now - w.called_at;
    const auto next_flip = w.called_at + (since / flash_half + 1) * flash_half;
    wake = std::min(wake, std::min<SteadyTime>(next_flip, w.called_at + call_highlight));
  }
  return std::max(wake, now);
}

std::string BoardApp::glyph_text() const {
  return state_->glyphs;
}

std::string BoardApp::current_screen() const {
  const State& s = *state_;
  if (s.show_sample) return "sample";
  return s.show_setup ? "setup" : "board";
}

const std::vector<TouchTarget>& BoardApp::touch_targets() const {
  return state_->targets;
}

const std::string& BoardApp::missing_glyphs() const {
  return state_->missing;
}

}  // namespace hall::ui
