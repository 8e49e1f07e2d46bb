// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/host.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "gui/font_finder.h"
#include "gui/gui_window.h"
#include "gui/png_image.h"
#include "hallkiosk/glyph_check.h"
#include "hallkiosk/stop_signals.h"
#include "imgui.h"

namespace hall::kiosk {
namespace {

using Millis = std::chrono::duration<double, std::milli>;

constexpr int frames_after_input = 3;        // a press and release inside one frame need more than one
constexpr int frames_after_post = 2;         // a posted result is drawn, and what it laid out settles
constexpr int screenshot_settle_frames = 6;  // layout that sizes itself from the previous frame settles
constexpr int screenshot_max_frames = 240;   // a screen that never stops animating is shot anyway
constexpr int screenshot_busy_frames = 900;  // nor does a role whose work never finishes hold it for ever

ui::FontFile find_font() {
  auto found = platform::find_cjk_font();
  if (!found) {
    std::cerr << "hallkiosk: " << found.error().message << "\n";
    return {};
  }
  return ui::FontFile{found->path, found->index, found->family};
}

}  // namespace

Host::Host(const KioskOptions& options, std::unique_ptr<platform::GuiWindow> window)
    : options_(options), window_(std::move(window)) {
  queue_.set_waker([] { platform::GuiWindow::wake(); });
  font_ = find_font();
}

Host::~Host() {
  // Whatever a worker posted after the role stopped has nothing left to land on.
  queue_.set_waker({});
}

void Host::rebuild_fonts(ui::App& app) {
  const auto start = Steady::now();
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  app.build_fonts(atlas, font_);
  timings_.texture_width = atlas.TexWidth;
  timings_.texture_height = atlas.TexHeight;
  window_->upload_fonts();
  // The GPU has the pixels; each font size kept its own copy of the font file (~20 MB for Noto).
  // The next build adds the fonts afresh, so neither copy is needed any more.
  atlas.ClearInputData();
  atlas.ClearTexData();
  // Those copies were large enough to raise malloc's mmap threshold, so they went to the heap:
  // hand the pages back rather than carry them for the kiosk's whole life.
  malloc_trim(0);
  timings_.font_ms = Millis(Steady::now() - start).count();
  ++timings_.font_builds;
}

void Host::render_frame(ui::App& app) {
  window_->begin_frame();
  const double cpu_start = thread_cpu_ms();
  ImGui::NewFrame();
  app.draw(Steady::now());
  ImGui::Render();
  timings_.build_cpu_ms.push_back(thread_cpu_ms() - cpu_start);
  window_->render_draw_data();
}

int Host::shoot(ui::App& app) {
  // One frame drawn with missing glyphs marked and read back from the draw data, never shown.
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  window_->begin_frame();
  ImGui::NewFrame();
  DrawnText drawn;
  {
    FallbackMarker marker(atlas);
    app.draw(Steady::now());
    ImGui::Render();
    drawn = scan_draw_data(*ImGui::GetDrawData(), atlas);
  }
  render_frame(app);
  const auto image = window_->read_back_buffer();
  window_->present();
  if (auto written = platform::write_png(options_.screenshot, image); !written) {
    std::cerr << "hallkiosk: " << written.error().message << "\n";
    return 1;
  }
  const auto possible = check_glyphs(atlas, app.glyph_text());
  std::fprintf(stderr, "hallkiosk: wrote %s (%dx%d) of screen %s\n", options_.screenshot.c_str(), image.width,
               image.height, app.current_screen().c_str());
  std::fprintf(stderr, "hallkiosk: glyphs drawn: %zu (%zu distinct characters), %zu missing from the font atlas\n",
               drawn.glyphs, drawn.distinct, drawn.tofu);
  std::fprintf(stderr, "hallkiosk: characters drawn: %s\n", drawn.characters.c_str());
  if (!app.missing_glyphs().empty()) {
    std::fprintf(stderr, "hallkiosk: characters the screens found missing from the fonts: %s\n",
                 app.missing_glyphs().c_str());
  }
  std::fprintf(stderr, "hallkiosk: glyphs the screens may draw: %zu distinct, %zu missing from the font atlas%s%s\n",
               possible.distinct, possible.missing_count, possible.missing.empty() ? "" : ": ",
               possible.missing.c_str());
  return 0;
}

int Host::run(HostedRole& role) {
  const int code = run_loop(role);
  role.stop();
  queue_.run_pending();  // replies already posted land while the app still exists; no more come
  if (options_.timings) timings_.print(window_->gl_renderer());
  return code;
}

int Host::run_loop(HostedRole& role) {
  ui::App& app = role.app();
  if (!app.open(options_.screen)) {
    std::cerr << "hallkiosk: --screen " << options_.screen << ": no such screen or guide in this hall\n";
    if (!options_.screenshot.empty()) return 2;
  }
  rebuild_fonts(app);

  const bool batch = !options_.screenshot.empty() || options_.frames > 0;
  int frames_owed = frames_after_input;
  int frames = 0;
  auto app_wake = Steady::now();
  while (!window_->close_requested() && !stop_requested()) {
    if (queue_.run_pending() > 0) frames_owed = std::max(frames_owed, frames_after_post);
    auto now = Steady::now();
    role.tick(now);
    if (app.fonts_dirty()) {
      rebuild_fonts(app);
      frames_owed = std::max(frames_owed, 1);
    }
    if (batch || frames_owed > 0 || app.animating() || now >= app_wake) {
      ++frames;
      const bool settled = (!role.busy() && queue_.empty()) || frames >= screenshot_busy_frames;
      const bool shoot_now = !options_.screenshot.empty() && frames >= screenshot_settle_frames && settled &&
                             (!app.animating() || frames >= screenshot_max_frames);
      if (shoot_now) return shoot(app);
      render_frame(app);
      window_->present();
      timings_.frame_ms.push_back(Millis(Steady::now() - now).count());
      if (timings_.first_frame_ms < 0) {
        timings_.first_frame_ms = Millis(Steady::now() - timings_.start).count();
        std::cerr << "hallkiosk: ready: " << role.ready_line() << ", screen " << app.current_screen() << ", font "
                  << (font_.path.empty() ? "none (Latin only)" : font_.family) << "\n";
      }
      frames_owed = std::max(0, frames_owed - 1);
      app_wake = app.next_wake(Steady::now());
      if (options_.frames > 0 && frames >= options_.frames) break;
    }
    bool input = false;
    if (batch || frames_owed > 0 || app.animating()) {
      input = window_->poll_events();
    } else {
      auto wake = app_wake;
      if (const auto w = role.next_wake()) wake = std::min(wake, *w);
      input = window_->wait_events(std::chrono::duration<double>(wake - Steady::now()));
    }
    if (input) frames_owed = frames_after_input;
  }
  return 0;
}

}  // namespace hall::kiosk
