#pragma once
// The contract between the kiosk's screens (ui/) and the program that hosts them
// (kiosk/hallkiosk with platform/gui). The host owns the window, GL, the font atlas texture and
// the event loop; the app owns the screens. Only the UI thread calls any of this.
//
// Per frame the host does: feed input into ImGuiIO (1.86 API: io.MousePos, io.MouseDown[0], ...),
// ImGui::NewFrame(); app.draw(now); ImGui::Render(); render draw data; swap. Then it sleeps until
// an event arrives or app.next_wake(now), unless app.animating() (drag/fling) asks for frames.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "search/search_index.h"
#include "widgets/touch_target.h"

struct ImFontAtlas;

namespace hall::ui {

using SteadyTime = std::chrono::steady_clock::time_point;

// Everything the screens show, loaded by the host from services and handed over whole. When the
// catalogue changes (sync, an effective_from passing) the host builds a new one and calls
// set_catalogue(): screens never read a database.
struct KioskCatalogue {
  HallConfig hall;
  std::vector<catalogue::GuideSummary> guides;  // in effect now, sorted by the names' pinyin
  search::SearchIndex index;
  // A guide in full, on demand (the host answers from the store; fast, local).
  std::function<Result<catalogue::Guide>(const std::string& id)> load_guide;
  // Every character the guides' full texts use (each once), when the host can give it cheaply;
  // the glyph atlas is then built from it instead of loading every guide through load_guide.
  std::string guide_characters;
  std::optional<Instant> last_verified;  // when the data was last confirmed current (sync); may be empty
  bool stale = false;                    // sync says the data may be out of date
  std::string problem;                   // non-empty: the catalogue could not be loaded (a designed state)
};

struct KioskSettings {
  std::string language = "zh-CN";          // "zh-CN" or "en"
  bool large_text = false;                  // 长辈模式 at start and after each idle reset
  std::chrono::seconds idle_timeout{90};    // no touch for this long: back to home, input cleared
  bool take_number_enabled = false;         // the queue issue wires 取号; until then disabled with a reason
};

// A font file found by the host through fontconfig (platform/gui); empty path: none found.
struct FontFile {
  std::string path;
  int index = 0;
  std::string family;
};

class KioskApp {
 public:
  // `strings_zh` / `strings_en`: the contents of assets/i18n/zh-CN.json and en.json.
  KioskApp(std::shared_ptr<const KioskCatalogue> catalogue, std::string strings_zh, std::string strings_en,
           KioskSettings settings, const Clock& wall_clock, TimeZone zone);
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  void set_catalogue(std::shared_ptr<const KioskCatalogue> catalogue);

  // Opens a screen by spec: "home", "one-visit", "topic:<name>", "guide:<id>", "search:<query>".
  // Returns false (and stays where it was) for an unknown spec or id.
  bool open(std::string_view spec);

  // Builds the fonts this app needs into `atlas` (clearing it first) from `font`, with glyphs for
  // every character any screen may draw (catalogue + strings + digits/Latin/punctuation). Call at
  // start, after set_catalogue(), and when language or large-text mode changes (see fonts_dirty()).
  // Returns false when `font` is empty (the app then shows Latin text and a notice; no crash).
  bool build_fonts(ImFontAtlas& atlas, const FontFile& font);
  bool fonts_dirty() const;

  // Draws one frame (between ImGui::NewFrame and ImGui::Render) into a full-screen window.
  void draw(SteadyTime now);

  // True while something moves (drag, fling): render continuously.
  bool animating() const;
  // The next moment the app must redraw without input (idle reset, the clock's next minute).
  SteadyTime next_wake(SteadyTime now) const;

  // Every character the screens may draw (UTF-8), for the glyph atlas and for no-tofu tests.
  std::string glyph_text() const;
  // What the current screen is, for tests: "home", "topic:养老服务", "guide:<id>", "search", ...
  std::string current_screen() const;

  // ---- Added by the UI engineer (issue 3); nothing above changed.
  // Every touch target drawn in the last frame (visible part, id, enabled): tests tap them by id
  // ("nav:back", "nav:home", "topic:<name>", "guide:<id>", "home:search", "home:one_visit",
  // "key:a", "key:backspace", "key:clear", "corner:language", "corner:large_text",
  // "guide:take_number") and check that each is at least 64 px high.
  const std::vector<TouchTarget>& touch_targets() const;
  // Called with the guide's id when the visitor taps an enabled 取号 (the queue issue wires it).
  void on_take_number(std::function<void(const std::string& guide_id)> handler);
  // The visitor's current choices (they return to the settings after an idle reset).
  const std::string& language() const;
  bool large_text() const;
  // The search box's text ("search:<query>" in current_screen() when not empty).
  const std::string& search_query() const;
  // Characters the last frame drew that the built fonts lack (they showed as '?'); empty: no tofu.
  const std::string& missing_glyphs() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hall::ui
