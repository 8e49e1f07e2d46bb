// SPDX-License-Identifier: Apache-2.0
// A board that has no device token yet cannot read the queue: it says so, and shows the one
// command that makes a token on the hub's machine, instead of an empty board.
#include "board/board_parts.h"
#include "widgets/text.h"

namespace hall::ui {

void draw_setup_screen(BoardDraw& d) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float pad = f.metrics.pad * 3.0f;
  const float width = size.x - 2 * pad;
  float y = size.y * 0.18f;
  y += draw_paragraph(dl, title_style(f, f.palette.text), ImVec2(pad, y), f.tr("board.setup_title"), width);
  y += f.metrics.gap * 2;
  y += draw_paragraph(dl, body_style(f, f.palette.text), ImVec2(pad, y), f.tr("board.setup_how"), width);
  y += f.metrics.gap * 2;
  const TextStyle command{f.body(), f.body_size(), f.body_line(), f.palette.on_notice};
  const float h = paragraph_height(command, d.model.setup_command, width - 2 * f.metrics.pad);
  dl->AddRectFilled(ImVec2(pad, y), ImVec2(pad + width, y + h + 2 * f.metrics.pad), f.color(f.palette.notice),
                    f.metrics.rounding);
  draw_paragraph(dl, command, ImVec2(pad + f.metrics.pad, y + f.metrics.pad), d.model.setup_command,
                 width - 2 * f.metrics.pad);
  y += h + 3 * f.metrics.pad;
  draw_paragraph(dl, body_style(f, f.palette.text_muted), ImVec2(pad, y), f.tr("board.setup_then"), width);
}

}  // namespace hall::ui
