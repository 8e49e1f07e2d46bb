// SPDX-License-Identifier: Apache-2.0
// One window on the board: its name, and the number called there very large; 暂停服务 when
// paused; plainly 空闲 when no one is called. A number just called flashes for a few seconds, so
// a visitor who looks up at the chime finds it.
#include <algorithm>

#include "board/board_parts.h"
#include "widgets/text.h"

namespace hall::ui {

bool highlighted(const BoardWindow& w, SteadyTime now) {
  return !w.ticket.empty() && w.called_at != SteadyTime{} && now >= w.called_at && now - w.called_at < call_highlight;
}

float fitting_size(ImFont* font, float size, std::string_view text, float width) {
  const float w = text_width(font, size, text);
  return w <= width || w <= 0.0f ? size : size * width / w;
}

std::string window_label(const Frame& f, const BoardWindow& w) {
  if (f.english && !w.name_en.empty()) return w.name_en;
  return w.name.empty() ? w.id : w.name;
}

void draw_window_tile(BoardDraw& d, const BoardWindow& w, BoardArea a) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Palette& p = f.palette;
  const bool flash = highlighted(w, d.now);
  // Alternate every half second while highlighted: on for the first half of each second.
  const bool lit = flash && ((d.now - w.called_at) / flash_half) % 2 == 0;
  const ImVec2 end(a.pos.x + a.size.x, a.pos.y + a.size.y);
  dl->AddRectFilled(a.pos, end, f.color(lit ? p.accent : p.panel), f.metrics.rounding);
  dl->AddRect(a.pos, end, f.color(flash ? p.notice : p.border), f.metrics.rounding, 0, flash ? 6.0f : 2.0f);

  const float pad = f.metrics.pad * 0.75f;
  const float inner_w = a.size.x - 2 * pad;
  const std::string label = window_label(f, w);
  float label_h = f.title_size();
  // One line while it can stay near the body size (7号综合窗口（爱心窗口） does), else wrapped.
  if (const float fit = fitting_size(f.title(), f.title_size(), label, inner_w); fit >= f.body_size() * 0.85f) {
    draw_text(dl, f.title(), fit, ImVec2(a.pos.x + pad, a.pos.y + pad * 0.6f), f.color(p.on_primary), label);
  } else {
    // A long name ("Window 7 (all services, priority)") wraps at the body size instead of
    // shrinking past reading from a seat; the number takes what is left below it.
    const TextStyle st = body_style(f, p.on_primary);
    label_h = draw_paragraph(dl, st, ImVec2(a.pos.x + pad, a.pos.y + pad * 0.6f), label, inner_w);
  }

  const float top = a.pos.y + pad * 0.6f + label_h;
  const float room_h = end.y - top - pad * 0.5f;
  if (w.paused) {
    const std::string& text = f.tr("board.paused");
    const float size = fitting_size(f.title(), std::min(room_h * 0.5f, f.title_size() * 1.6f), text, inner_w);
    const float tw = text_width(f.title(), size, text);
    const ImVec2 box(a.pos.x + (a.size.x - tw) * 0.5f - pad * 0.5f, top + (room_h - size) * 0.5f - pad * 0.3f);
    dl->AddRectFilled(box, ImVec2(box.x + tw + pad, box.y + size + pad * 0.6f), f.color(p.warn), f.metrics.rounding);
    draw_text(dl, f.title(), size, ImVec2(box.x + pad * 0.5f, box.y + pad * 0.3f), f.color(p.on_primary), text);
    return;
  }
  if (w.ticket.empty()) {
    const std::string& text = f.tr("board.idle");
    const float size = f.title_size();
    const float tw = text_width(f.title(), size, text);
    draw_text(dl, f.title(), size, ImVec2(a.pos.x + (a.size.x - tw) * 0.5f, top + (room_h - size) * 0.5f),
              f.color(p.text_muted), text);
    return;
  }
  // The number: as large as the tile allows (the font is built for the largest tile).
  const float size = fitting_size(f.number(), std::min(f.number_size(), room_h * 1.05f), w.ticket, inner_w);
  const float tw = text_width(f.number(), size, w.ticket);
  const float y = top + (room_h - size) * 0.5f;
  draw_text(dl, f.number(), size, ImVec2(a.pos.x + (a.size.x - tw) * 0.5f, y), f.color(lit ? p.on_primary : p.good),
            w.ticket);
}

}  // namespace hall::ui
