// SPDX-License-Identifier: Apache-2.0
// The board as a whole: the hall's name and the time across the top, a banner when the hub or the
// voice is down, the windows as a grid of large tiles, and beside them (below, in portrait) the
// last calls and the waiting counts.
#include <algorithm>
#include <cmath>

#include "board/board_parts.h"
#include "widgets/text.h"

namespace hall::ui {

Palette board_palette() {
  Palette p;
  p.background = 0x0A1A36;
  p.text = 0xFFFFFF;
  p.text_muted = 0xB9C6DA;
  p.panel = 0x12284F;  // a window's tile
  p.border = 0x4A6A9C;
  p.on_primary = 0xFFFFFF;
  p.accent = 0x8A1C1C;  // a tile lit by its call, a recall's tag: white text
  p.good = 0xFFD54A;    // the numbers
  p.warn = 0x9B1C1C;    // 暂停服务, white text
  p.notice = 0xFFD54A;  // banners, dark text
  p.on_notice = 0x111111;
  return p;
}

Metrics board_metrics() {
  Metrics m;
  m.body_px = 34.0f;
  m.title_px = 46.0f;
  m.number_px = 150.0f;
  m.pad = 28.0f;
  m.gap = 20.0f;
  m.top_bar = 110.0f;
  return m;
}

namespace {

float draw_header(BoardDraw& d, float width) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = f.metrics.pad;
  const float h = std::max(f.metrics.top_bar, f.title_line() + f.metrics.gap);
  const std::string name = d.model.have_hall ? (f.english && !d.model.name_en.empty() ? d.model.name_en : d.model.name)
                                             : f.tr("board.title");
  // The hall's name comes first: where both do not fit at the title size (portrait, English), the
  // clock gives way to the body size before the name shrinks.
  const auto name_size_beside = [&](float clock_size) {
    const float room = width - text_width(f.title(), clock_size, d.clock_text) - f.metrics.gap * 2;
    return fitting_size(f.title(), f.title_size(), name, room);
  };
  float clock_size = f.title_size();
  if (name_size_beside(clock_size) < f.title_size() * 0.8f) clock_size = f.body_size();
  const float size = name_size_beside(clock_size);
  const float clock_w = text_width(f.title(), clock_size, d.clock_text);
  draw_text(dl, f.title(), size, ImVec2(pad, pad + (h - size) * 0.5f - pad * 0.5f), f.color(f.palette.text), name);
  draw_text(dl, f.title(), clock_size, ImVec2(pad + width - clock_w, pad + (h - clock_size) * 0.5f - pad * 0.5f),
            f.color(f.palette.text), d.clock_text);
  dl->AddLine(ImVec2(0, pad + h - pad * 0.5f), ImVec2(width + 2 * pad, pad + h - pad * 0.5f), f.color(f.palette.border),
              2.0f);
  return pad + h;
}

// The banners: what is wrong and what the board does about it, never a frozen screen.
float draw_banners(BoardDraw& d, float y, float width) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<std::string> lines;
  if (d.model.sample) lines.push_back(f.tr("board.sample"));
  const BoardLinkView& link = d.model.link;
  if (!d.model.sample && !link.connected) {
    lines.push_back(f.tr(link.refused          ? K("board.link_refused")
                         : link.ever_connected ? K("board.reconnecting")
                                               : K("board.connecting")));
  }
  if (!d.model.speech_problem.empty()) lines.push_back(f.tr("board.speech_unavailable"));
  const TextStyle s{f.body(), f.body_size(), f.body_line(), f.palette.on_notice};
  for (const auto& text : lines) {
    const float h = paragraph_height(s, text, width - 2 * f.metrics.pad) + f.metrics.gap;
    dl->AddRectFilled(ImVec2(f.metrics.pad, y), ImVec2(f.metrics.pad + width, y + h), f.color(f.palette.notice),
                      f.metrics.rounding);
    draw_paragraph(dl, s, ImVec2(f.metrics.pad * 2, y + f.metrics.gap * 0.5f), text, width - 2 * f.metrics.pad);
    y += h + f.metrics.gap * 0.5f;
  }
  return y;
}

void draw_windows(BoardDraw& d, BoardArea a) {
  const auto& windows = d.model.windows;
  if (windows.empty()) {
    draw_paragraph(ImGui::GetWindowDrawList(), muted_style(d.f), a.pos, d.f.tr("board.no_windows"), a.size.x);
    return;
  }
  // The grid whose tiles are closest to 4:3 and as large as possible.
  const int n = static_cast<int>(windows.size());
  int best_cols = 1;
  float best = 0.0f;
  for (int cols = 1; cols <= n; ++cols) {
    const int rows = (n + cols - 1) / cols;
    const float w = (a.size.x - d.f.metrics.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float h = (a.size.y - d.f.metrics.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    const float usable = std::min(w, h * 4.0f / 3.0f);
    if (usable > best) {
      best = usable;
      best_cols = cols;
    }
  }
  const int rows = (n + best_cols - 1) / best_cols;
  const float gap = d.f.metrics.gap;
  const float w = (a.size.x - gap * static_cast<float>(best_cols - 1)) / static_cast<float>(best_cols);
  const float h = (a.size.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  for (int i = 0; i < n; ++i) {
    const int r = i / best_cols, c = i % best_cols;
    draw_window_tile(d, windows[static_cast<std::size_t>(i)],
                     {ImVec2(a.pos.x + static_cast<float>(c) * (w + gap), a.pos.y + static_cast<float>(r) * (h + gap)),
                      ImVec2(w, h)});
  }
}

}  // namespace

void draw_board_screen(BoardDraw& d) {
  Frame& f = d.f;
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float pad = f.metrics.pad;
  const float width = size.x - 2 * pad;
  float y = draw_header(d, width) + f.metrics.gap * 0.5f;
  y = draw_banners(d, y, width);
  const float bottom = size.y - pad;
  if (f.portrait) {
    const float half = (width - f.metrics.gap * 2) * 0.5f;
    const float lower = std::max(size.y * 0.3f, groups_panel_height(d, half));
    const float windows_h = bottom - y - lower - f.metrics.gap;
    draw_windows(d, {ImVec2(pad, y), ImVec2(width, windows_h)});
    const float top = y + windows_h + f.metrics.gap * 1.5f;
    draw_calls_panel(d, {ImVec2(pad, top), ImVec2(half, bottom - top)});
    draw_groups_panel(d, {ImVec2(pad + half + f.metrics.gap * 2, top), ImVec2(half, bottom - top)});
    return;
  }
  const float side = std::round(width * 0.32f);
  const float windows_w = width - side - f.metrics.gap * 1.5f;
  draw_windows(d, {ImVec2(pad, y), ImVec2(windows_w, bottom - y)});
  const float x = pad + windows_w + f.metrics.gap * 1.5f;
  const float groups_h = groups_panel_height(d, side);
  const float calls_h = bottom - y - groups_h - f.metrics.gap;
  draw_calls_panel(d, {ImVec2(x, y), ImVec2(side, calls_h)});
  draw_groups_panel(d, {ImVec2(x, y + calls_h + f.metrics.gap), ImVec2(side, groups_h)});
}

}  // namespace hall::ui
