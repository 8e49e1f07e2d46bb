// SPDX-License-Identifier: Apache-2.0
#pragma once
// The contract between a role's screens (ui/) and the one program that hosts every role
// (kiosk/hallkiosk with platform/gui). The host owns the window, GL, the font atlas texture, the
// event loop and the run queue; an App owns its screens. Only the UI thread calls any of this.
//
// Per frame the host: runs the run queue's pending tasks, feeds input into ImGuiIO,
// ImGui::NewFrame(); app.draw(now); ImGui::Render(); renders; swaps. Then it sleeps until an event
// arrives, a worker posts to the run queue, or app.next_wake(now) — unless app.animating().
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/touch_target.h"

struct ImFontAtlas;

namespace hall::ui {

using SteadyTime = std::chrono::steady_clock::time_point;

// A font file found by the host through fontconfig (platform/gui); empty path: none found.
struct FontFile {
  std::string path;
  int index = 0;
  std::string family;
};

class App {
 public:
  virtual ~App() = default;

  // Opens a screen by spec ("home", "guide:<id>" ...). False (staying put) for an unknown one.
  virtual bool open(std::string_view spec) = 0;

  // Builds the fonts this app needs into `atlas` (clearing it first) from `font`. Call at start and
  // whenever fonts_dirty(). False when `font` is empty (Latin text and a notice; no crash).
  virtual bool build_fonts(ImFontAtlas& atlas, const FontFile& font) = 0;
  virtual bool fonts_dirty() const = 0;

  // Draws one frame (between ImGui::NewFrame and ImGui::Render) into a full-screen window.
  virtual void draw(SteadyTime now) = 0;
  // True while something moves (drag, fling, a countdown): render continuously.
  virtual bool animating() const = 0;
  // The next moment the app must redraw without input.
  virtual SteadyTime next_wake(SteadyTime now) const = 0;

  // Every character the screens may draw (UTF-8), for the glyph atlas and no-tofu checks.
  virtual std::string glyph_text() const = 0;
  // The screen shown, for tests and logs: "home", "guide:<id>" ...
  virtual std::string current_screen() const = 0;
  // Every touch target drawn in the last frame, for tests that tap them by id.
  virtual const std::vector<TouchTarget>& touch_targets() const = 0;
  // Characters the last frame drew that the built fonts lack; empty: no tofu.
  virtual const std::string& missing_glyphs() const = 0;
};

}  // namespace hall::ui
