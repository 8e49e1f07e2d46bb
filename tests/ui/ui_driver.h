// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <vector>
// Drives the real kiosk screens headless: an ImGui context with no window and no GL, the demo
// catalogue through a real CatalogueStore, and touches injected through ImGuiIO (1.86 API).
#include <memory>
#include <string>
#include <string_view>

#include "catalogue/catalogue_store.h"
#include "imgui.h"
#include "kiosk_app.h"
#include "support/temp_dir.h"

namespace hall::test {

// The CJK face every screen test draws with (Debian's fonts-noto-cjk, the Simplified Chinese face).
inline const ui::FontFile noto{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"};

// The demo hall's catalogue, imported into a temporary store, as the host would hand it over.
struct DemoCatalogue {
  TempDir dir;
  ManualClock clock;
  std::shared_ptr<catalogue::CatalogueStore> store;
  std::shared_ptr<ui::KioskCatalogue> catalogue;
  DemoCatalogue();
  // Another catalogue from the same store (the search index cannot be copied), to change.
  std::shared_ptr<ui::KioskCatalogue> fresh() const;
};

std::string read_asset(const std::string& relative);  // under HALL_SOURCE_ASSETS

class UiDriver {
 public:
  UiDriver(float width, float height);
  ~UiDriver();
  UiDriver(const UiDriver&) = delete;
  UiDriver& operator=(const UiDriver&) = delete;

  // An app over `catalogue` with the real i18n files; fonts: the Latin fallback unless given.
  std::unique_ptr<ui::KioskApp> make_app(std::shared_ptr<const ui::KioskCatalogue> catalogue, const ManualClock& clock,
                                         ui::KioskSettings settings = {});
  void build_fonts(ui::App& app, const ui::FontFile& font = {});

  // One frame at the current time with the current mouse state; time then moves on by 16 ms.
  void frame(ui::App& app);
  // One frame, and every string it drew, in drawing order (a wrapped line is a string of its own).
  std::vector<std::string> drawn(ui::App& app);
  // The same strings joined without separators.
  std::string drawn_text(ui::App& app);
  // Frames with the finger away until nothing moves (at most `max` frames).
  void settle(ui::App& app, int max = 400);
  // Finger down at `p`, up at the same place: a tap. Frames: away, press, release, away.
  void tap_at(ui::App& app, ImVec2 p);
  // Finds the target by id in the last frame and taps its centre; fails the test if missing.
  void tap(ui::App& app, std::string_view id);
  // Finger down at `from`, moved in `steps` frames to `to`, lifted there.
  void drag(ui::App& app, ImVec2 from, ImVec2 to, int steps);
  // Finger down at path[0], one frame at each further point, lifted at the last.
  void press_along(ui::App& app, const std::vector<ImVec2>& path);

  const ui::TouchTarget* find(const ui::App& app, std::string_view id) const;
  ui::SteadyTime now{};
  ImGuiIO& io() { return ImGui::GetIO(); }

 private:
  ImGuiContext* context_;
  ui::FontFile font_;  // what build_fonts was last given: rebuilt with it when the app asks
  std::string zh_, en_;
};

ImVec2 center(const ui::TouchTarget& t);

}  // namespace hall::test
