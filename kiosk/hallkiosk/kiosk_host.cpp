#include "hallkiosk/kiosk_host.h"

#include <signal.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <vector>

#include "common/time_zone.h"
#include "data_dir.h"
#include "gui/font_finder.h"
#include "gui/gui_window.h"
#include "gui/png_image.h"
#include "hallkiosk/catalogue_source.h"
#include "hallkiosk/glyph_check.h"
#include "imgui.h"
#include "kiosk_app.h"

namespace hall::kiosk {
namespace {

using Steady = std::chrono::steady_clock;
using Millis = std::chrono::duration<double, std::milli>;

constexpr int frames_after_input = 3;        // a press and release inside one frame need more than one
constexpr int screenshot_settle_frames = 6;  // layout that sizes itself from the previous frame settles
constexpr int screenshot_max_frames = 240;   // a screen that never stops animating is shot anyway
constexpr auto disk_check_period = std::chrono::seconds(2);

const char* const no_display_help =
    "hallkiosk: there is no display to show the kiosk on (%s).\n"
    "  On the kiosk itself, start it inside the X session (DISPLAY=:0).\n"
    "  To get a picture without a screen, run it under a virtual X server:\n"
    "    Xvfb :99 -screen 0 1920x1080x24 &\n"
    "    DISPLAY=:99 hallkiosk --windowed 1920x1080 --screenshot home.png\n"
    "  To list the guides without any display: hallctl catalogue list\n";

// SIGTERM (systemd stopping the kiosk) and SIGINT end the loop at its next wake (within the
// disk-check period), so the kiosk shuts down through its destructors.
volatile std::sig_atomic_t stop_requested = 0;

void on_stop_signal(int) {
  stop_requested = 1;
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The UI strings of one language; a missing file leaves the screens showing keys, not a crash.
std::string load_strings(const std::string& language) {
  const std::string assets = std::filesystem::path(app::demo_assets_dir()).parent_path().string();
  const std::string path = assets + "/i18n/" + language + ".json";
  auto text = read_text_file(path);
  if (!text) {
    std::cerr << "hallkiosk: " << path << ": cannot read the UI strings; the screens will show their keys\n";
    return "{}";
  }
  return std::move(*text);
}

TimeZone hall_zone(const HallConfig& hall) {
  if (auto zone = TimeZone::load(hall.time_zone)) return std::move(*zone);
  std::cerr << "hallkiosk: time zone " << hall.time_zone << " not found in tzdata; using UTC+8\n";
  return TimeZone::fixed(hall.time_zone, 8 * 3600);
}

ui::FontFile find_font() {
  auto found = platform::find_cjk_font();
  if (!found) {
    std::cerr << "hallkiosk: " << found.error().message << "\n";
    return {};
  }
  return ui::FontFile{found->path, found->index, found->family};
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.starts_with(key)) return std::strtol(line.c_str() + key.size(), nullptr, 10);
  }
  return -1;
}

struct Timings {
  Steady::time_point start = Steady::now();
  double first_frame_ms = -1;
  double catalogue_ms = 0;
  double font_ms = 0;
  int font_builds = 0;
  int texture_width = 0, texture_height = 0;
  std::vector<double> build_cpu_ms;  // ImGui::NewFrame .. ImGui::Render, thread CPU time
  std::vector<double> frame_ms;      // the whole frame, GL and swap included, wall time

  void print(const std::string& renderer) const {
    std::fprintf(stderr,
                 "timing: renderer=%s\n"
                 "timing: start_to_first_frame_ms=%.1f\n"
                 "timing: catalogue_load_ms=%.1f\n"
                 "timing: font_atlas_ms=%.1f builds=%d texture=%dx%d texture_mib=%.1f\n"
                 "timing: frames=%zu build_cpu_ms_median=%.3f build_cpu_ms_p99=%.3f frame_ms_median=%.1f\n"
                 "timing: rss_kib=%ld peak_rss_kib=%ld\n",
                 renderer.c_str(), first_frame_ms, catalogue_ms, font_ms, font_builds, texture_width, texture_height,
                 static_cast<double>(texture_width) * texture_height * 4 / (1024.0 * 1024.0), build_cpu_ms.size(),
                 percentile(build_cpu_ms, 0.5), percentile(build_cpu_ms, 0.99), percentile(frame_ms, 0.5),
                 status_kib("VmRSS"), status_kib("VmHWM"));
  }
};

class Host {
 public:
  Host(const KioskOptions& options, std::unique_ptr<platform::GuiWindow> window, app::DataDir dir)
      : options_(options), window_(std::move(window)), source_(std::move(dir), wall_clock_) {}

  int run();

 private:
  int run_loop();
  ui::KioskSettings settings() const;
  void rebuild_fonts();
  void reload_catalogue();
  void check_catalogue(Steady::time_point now);
  std::optional<Steady::time_point> catalogue_wake() const;
  // One frame into the back buffer.
  void render_frame();
  // One frame drawn with missing glyphs marked and read back from the draw data, never shown.
  DrawnText probe_frame();
  int finish_screenshot(const DrawnText& drawn);

  const KioskOptions& options_;
  std::unique_ptr<platform::GuiWindow> window_;
  SystemClock wall_clock_;
  CatalogueSource source_;
  std::unique_ptr<ui::KioskApp> app_;
  ui::FontFile font_;
  Timings timings_;
  Steady::time_point next_disk_check_;
  std::size_t guides_ = 0;  // in the catalogue last handed to the app
};

ui::KioskSettings Host::settings() const {
  ui::KioskSettings s;
  s.language = options_.language;
  s.large_text = options_.large_text;
  s.idle_timeout = options_.idle_timeout;
  return s;
}

void Host::rebuild_fonts() {
  const auto start = Steady::now();
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  app_->build_fonts(atlas, font_);
  timings_.texture_width = atlas.TexWidth;
  timings_.texture_height = atlas.TexHeight;
  window_->upload_fonts();
  timings_.font_ms = Millis(Steady::now() - start).count();
  ++timings_.font_builds;
}

void Host::reload_catalogue() {
  const auto start = Steady::now();
  auto catalogue = source_.load();
  if (!catalogue->problem.empty())
    std::cerr << "hallkiosk: the catalogue cannot be shown: " << catalogue->problem << "\n";
  guides_ = catalogue->guides.size();
  app_->set_catalogue(std::move(catalogue));
  timings_.catalogue_ms = Millis(Steady::now() - start).count();
  rebuild_fonts();  // the new guides may use characters the atlas lacks
  std::cerr << "hallkiosk: catalogue reloaded: " << guides_ << " guides in effect\n";
}

// The effective-time switch and another process's writes, both without a restart.
void Host::check_catalogue(Steady::time_point now) {
  if (const auto wake = catalogue_wake(); wake && now >= *wake) {
    reload_catalogue();
  } else if (now >= next_disk_check_) {
    if (source_.changed_on_disk()) {
      std::cerr << "hallkiosk: the catalogue changed on disk; reloading\n";
      reload_catalogue();
    }
  } else {
    return;
  }
  next_disk_check_ = Steady::now() + disk_check_period;
}

std::optional<Steady::time_point> Host::catalogue_wake() const {
  const auto next = source_.next_change();
  if (!next) return std::nullopt;
  const auto wall_now = std::chrono::system_clock::now();
  return Steady::now() + std::chrono::duration_cast<Steady::duration>(*next - wall_now);
}

void Host::render_frame() {
  window_->begin_frame();
  const double cpu_start = thread_cpu_ms();
  ImGui::NewFrame();
  app_->draw(Steady::now());
  ImGui::Render();
  timings_.build_cpu_ms.push_back(thread_cpu_ms() - cpu_start);
  window_->render_draw_data();
}

DrawnText Host::probe_frame() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  window_->begin_frame();
  ImGui::NewFrame();
  FallbackMarker marker(atlas);
  app_->draw(Steady::now());
  ImGui::Render();
  return scan_draw_data(*ImGui::GetDrawData(), atlas);
}

int Host::finish_screenshot(const DrawnText& drawn) {
  const auto image = window_->read_back_buffer();
  window_->present();
  if (auto written = platform::write_png(options_.screenshot, image); !written) {
    std::cerr << "hallkiosk: " << written.error().message << "\n";
    return 1;
  }
  const auto possible = check_glyphs(*ImGui::GetIO().Fonts, app_->glyph_text());
  std::fprintf(stderr, "hallkiosk: wrote %s (%dx%d) of screen %s\n", options_.screenshot.c_str(), image.width,
               image.height, app_->current_screen().c_str());
  std::fprintf(stderr, "hallkiosk: glyphs drawn: %zu (%zu distinct characters), %zu missing from the font atlas\n",
               drawn.glyphs, drawn.distinct, drawn.tofu);
  std::fprintf(stderr, "hallkiosk: characters drawn: %s\n", drawn.characters.c_str());
  if (!app_->missing_glyphs().empty()) {
    std::fprintf(stderr, "hallkiosk: characters the screens found missing from the fonts: %s\n",
                 app_->missing_glyphs().c_str());
  }
  std::fprintf(stderr, "hallkiosk: glyphs the screens may draw: %zu distinct, %zu missing from the font atlas%s%s\n",
               possible.distinct, possible.missing_count, possible.missing.empty() ? "" : ": ",
               possible.missing.c_str());
  return 0;
}

int Host::run() {
  const int code = run_loop();
  if (options_.timings) timings_.print(window_->gl_renderer());
  return code;
}

int Host::run_loop() {
  font_ = find_font();
  const auto load_start = Steady::now();
  auto catalogue = source_.load();
  timings_.catalogue_ms = Millis(Steady::now() - load_start).count();
  if (!catalogue->problem.empty())
    std::cerr << "hallkiosk: the catalogue cannot be shown: " << catalogue->problem << "\n";
  guides_ = catalogue->guides.size();
  app_ = std::make_unique<ui::KioskApp>(std::move(catalogue), load_strings("zh-CN"), load_strings("en"), settings(),
                                        wall_clock_, hall_zone(source_.hall()));
  if (!app_->open(options_.screen)) {
    std::cerr << "hallkiosk: --screen " << options_.screen << ": no such screen or guide in this hall\n";
    if (!options_.screenshot.empty()) return 2;
  }
  rebuild_fonts();
  next_disk_check_ = Steady::now() + disk_check_period;

  const bool batch = !options_.screenshot.empty() || options_.frames > 0;
  int frames_owed = frames_after_input;
  int frames = 0;
  auto app_wake = Steady::now();
  while (!window_->close_requested() && !stop_requested) {
    auto now = Steady::now();
    if (!batch) check_catalogue(now);
    if (app_->fonts_dirty()) {
      rebuild_fonts();
      frames_owed = std::max(frames_owed, 1);
    }
    if (batch || frames_owed > 0 || app_->animating() || now >= app_wake) {
      ++frames;
      const bool shoot = !options_.screenshot.empty() && frames >= screenshot_settle_frames &&
                         (!app_->animating() || frames >= screenshot_max_frames);
      if (shoot) {
        const DrawnText drawn = probe_frame();
        render_frame();
        return finish_screenshot(drawn);
      }
      render_frame();
      window_->present();
      timings_.frame_ms.push_back(Millis(Steady::now() - now).count());
      if (timings_.first_frame_ms < 0) {
        timings_.first_frame_ms = Millis(Steady::now() - timings_.start).count();
        std::cerr << "hallkiosk: ready: " << guides_ << " guides in effect, screen " << app_->current_screen()
                  << ", font " << (font_.path.empty() ? "none (Latin only)" : font_.family) << "\n";
      }
      frames_owed = std::max(0, frames_owed - 1);
      app_wake = app_->next_wake(Steady::now());
      if (options_.frames > 0 && frames >= options_.frames) break;
    }
    bool input = false;
    if (batch || frames_owed > 0 || app_->animating()) {
      input = window_->poll_events();
    } else {
      auto wake = std::min(app_wake, next_disk_check_);
      if (const auto c = catalogue_wake()) wake = std::min(wake, *c);
      input = window_->wait_events(std::chrono::duration<double>(wake - Steady::now()));
    }
    if (input) frames_owed = frames_after_input;
  }
  return 0;
}

}  // namespace

int run_kiosk(const KioskOptions& options) {
  const auto dir = app::resolve_data_dir(options.data_dir);
  if (auto prepared = app::prepare_data_dir(dir); !prepared) {
    // Not fatal: the screens show the catalogue's problem instead of a blank or a crash.
    std::cerr << "hallkiosk: " << prepared.error().message << "\n";
  }
  platform::WindowSpec spec;
  spec.full_screen = options.full_screen;
  spec.width = options.width;
  spec.height = options.height;
  auto window = platform::GuiWindow::open(spec);
  if (!window) {
    std::fprintf(stderr, no_display_help, window.error().message.c_str());
    return 1;
  }
  install_stop_handlers();
  Host host(options, std::move(*window), dir);
  return host.run();
}

}  // namespace hall::kiosk
