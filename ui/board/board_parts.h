// SPDX-License-Identifier: Apache-2.0
#pragma once
// The board's pieces, one file each: the screen as a whole (board_screen.cpp), one window's tile
// (window_tile.cpp), the last calls and the waiting counts (calls_panel.cpp), and the screen of a
// board that has no device token yet (setup_screen.cpp). They read the model and draw; a board
// takes no touch, so they return nothing.
#include <string>

#include "board/board_model.h"
#include "widgets/frame.h"

namespace hall::ui {

struct BoardArea {
  ImVec2 pos, size;
};

// The board's own look: light text on dark blue, as a TV across a hall is read best, the numbers
// in yellow, a paused window in red. Every pair is held to 7:1 by a test.
Palette board_palette();
// Sizes for the board at a 1080-pixel short side: read from across the hall.
Metrics board_metrics();

struct BoardDraw {
  Frame& f;
  const BoardModel& model;
  SteadyTime now;
  std::string clock_text;  // the hall's local time, "11月28日 星期六 10:05"
};

// The number shown at a window flashes this long after it was called.
constexpr std::chrono::seconds call_highlight{6};
constexpr std::chrono::milliseconds flash_half{500};
bool highlighted(const BoardWindow& w, SteadyTime now);

void draw_board_screen(BoardDraw& d);
void draw_window_tile(BoardDraw& d, const BoardWindow& w, BoardArea area);
void draw_calls_panel(BoardDraw& d, BoardArea area);
void draw_groups_panel(BoardDraw& d, BoardArea area);
// The height the waiting panel needs at `width`, every group's name wrapped.
float groups_panel_height(BoardDraw& d, float width);
void draw_setup_screen(BoardDraw& d);

// Text at the largest size up to `size` that fits `width`, for names of any length (never cut).
float fitting_size(ImFont* font, float size, std::string_view text, float width);
std::string window_label(const Frame& f, const BoardWindow& w);

}  // namespace hall::ui
