// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall board (role `board`), full screen on a TV: the number at each window very large, the
// last calls, the waiting count per group, paused windows marked, and a banner while the hub or
// the voice is down. One implementation of ui::App; the board role hands it the hall, the queue
// and each hub event through the run queue. A board takes no touch: nothing here is pressed.
#include <memory>
#include <string>
#include <string_view>

#include "app.h"
#include "board/board_model.h"
#include "common/clock.h"
#include "common/time_zone.h"
#include "queue/event_log.h"

namespace hall::ui {

class BoardApp final : public App {
 public:
  // `strings_zh` / `strings_en`: the contents of assets/i18n/zh-CN.json and en.json.
  BoardApp(std::string strings_zh, std::string strings_en, std::string language, const Clock& wall_clock,
           TimeZone zone);
  ~BoardApp() override;
  BoardApp(const BoardApp&) = delete;
  BoardApp& operator=(const BoardApp&) = delete;

  void set_hall(const BoardHall& hall);
  void set_queue(const BoardQueue& queue);
  // A hub event at `now`: a call lights its window's number for a few seconds.
  void on_event(const queue::QueueEvent& event, SteadyTime now);
  void set_link(const BoardLinkView& link);
  void set_speech_problem(std::string problem);
  // No device token: the board shows how to make one (`command`) instead of the windows.
  void set_setup_command(std::string command);
  const BoardModel& model() const;
  // How many frames were drawn since the start: a benchmark's proof that an event repainted.
  std::uint64_t frames_drawn() const;

  // ui::App. Screen specs: "board" (what the hub says), "sample" (made-up windows and calls,
  // marked as a sample, for pictures without a hub), "setup" (the no-token screen).
  bool open(std::string_view spec) override;
  bool build_fonts(ImFontAtlas& atlas, const FontFile& font) override;
  bool fonts_dirty() const override;
  void draw(SteadyTime now) override;
  bool animating() const override { return false; }
  SteadyTime next_wake(SteadyTime now) const override;
  std::string glyph_text() const override;
  std::string current_screen() const override;
  const std::vector<TouchTarget>& touch_targets() const override;
  const std::string& missing_glyphs() const override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hall::ui
