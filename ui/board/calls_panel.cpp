// SPDX-License-Identifier: Apache-2.0
// The right-hand (or lower) panels: the last calls, newest first, a recall marked 重呼; and how
// many wait in each group, with the estimated wait when the hub has one.
#include <algorithm>

#include "board/board_parts.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

std::string window_short(const Frame& f, const BoardModel& m, const std::string& id) {
  const BoardWindow* w = m.window(id);
  if (w == nullptr || w->number <= 0) return id;
  return f.trf("board.window_number", {{"n", std::to_string(w->number)}});
}

float panel_heading(Frame& f, ImDrawList* dl, BoardArea a, std::string_view key) {
  const std::string& text = f.tr(key);
  draw_text(dl, f.title(), f.title_size(), a.pos, f.color(f.palette.text), text);
  const float line_y = a.pos.y + f.title_size() + f.metrics.gap * 0.25f;
  dl->AddLine(ImVec2(a.pos.x, line_y), ImVec2(a.pos.x + a.size.x, line_y), f.color(f.palette.border), 2.0f);
  return line_y + f.metrics.gap * 0.5f;
}

// One group's row of the waiting panel: the letter, the name (wrapped), the count.
struct GroupRow {
  std::string name, count;
  float letter_w = 0, name_room = 0, height = 0;
};

GroupRow group_row(Frame& f, const BoardGroup& g, float width) {
  GroupRow r;
  r.name = f.english && !g.name_en.empty() ? g.name_en : g.name;
  r.count = f.trf("board.waiting_count", {{"n", std::to_string(g.waiting)}});
  r.letter_w = text_width(f.title(), f.title_size(), "W") + f.metrics.gap;
  r.name_room = width - r.letter_w - text_width(f.title(), f.title_size(), r.count) - f.metrics.gap;
  const TextStyle st = body_style(f, f.palette.text);
  r.height = std::max(f.title_line(), paragraph_height(st, r.name, r.name_room) + (f.title_size() - st.size) * 0.6f);
  return r;
}

}  // namespace

float groups_panel_height(BoardDraw& d, float width) {
  float h = d.f.title_size() + d.f.metrics.gap * 0.75f;  // the heading and its rule
  for (const auto& g : d.model.groups) h += group_row(d.f, g, width).height;
  return h + d.f.metrics.gap;
}

void draw_calls_panel(BoardDraw& d, BoardArea a) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = panel_heading(f, dl, a, K("board.last_calls"));
  const float end = a.pos.y + a.size.y;
  if (d.model.calls.empty()) {
    draw_paragraph(dl, muted_style(f), ImVec2(a.pos.x, y), f.tr("board.no_calls_yet"), a.size.x);
    return;
  }
  const float row = f.title_line() * 1.1f;
  for (const auto& c : d.model.calls) {
    if (y + row > end) break;
    const bool newest = &c == &d.model.calls.front();
    const ImU32 number_col = f.color(newest ? f.palette.good : f.palette.text);
    draw_text(dl, f.title(), f.title_size(), ImVec2(a.pos.x, y), number_col, c.ticket);
    const float x = a.pos.x + text_width(f.title(), f.title_size(), "B0000") + f.metrics.gap;
    const std::string where = window_short(f, d.model, c.window_id);
    const float where_size = fitting_size(f.title(), f.title_size(), where, a.size.x * 0.45f);
    draw_text(dl, f.title(), where_size, ImVec2(x, y), f.color(f.palette.text), where);
    if (c.recall) {
      const std::string& tag = f.tr("board.recall");
      const float tw = text_width(f.body(), f.body_size(), tag);
      const ImVec2 box(a.pos.x + a.size.x - tw - f.metrics.pad, y + (f.title_size() - f.body_size()) * 0.5f - 4.0f);
      dl->AddRectFilled(box, ImVec2(box.x + tw + f.metrics.pad, box.y + f.body_size() + 8.0f),
                        f.color(f.palette.accent), f.metrics.rounding);
      draw_text(dl, f.body(), f.body_size(), ImVec2(box.x + f.metrics.pad * 0.5f, box.y + 4.0f),
                f.color(f.palette.on_primary), tag);
    }
    y += row;
  }
}

void draw_groups_panel(BoardDraw& d, BoardArea a) {
  Frame& f = d.f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = panel_heading(f, dl, a, K("board.waiting"));
  const float end = a.pos.y + a.size.y;
  for (const auto& g : d.model.groups) {
    // A long name (English) wraps at the body size rather than shrinking past reading from the
    // hall's seats; its row grows to hold it (groups_panel_height gives the panel that room).
    const GroupRow r = group_row(f, g, a.size.x);
    if (y + std::min(r.height, f.title_line()) > end) break;
    const TextStyle st = body_style(f, f.palette.text);
    draw_text(dl, f.title(), f.title_size(), ImVec2(a.pos.x, y), f.color(f.palette.good), g.letter);
    draw_paragraph(dl, st, ImVec2(a.pos.x + r.letter_w, y + (f.title_size() - st.size) * 0.6f), r.name, r.name_room);
    const float count_w = text_width(f.title(), f.title_size(), r.count);
    draw_text(dl, f.title(), f.title_size(), ImVec2(a.pos.x + a.size.x - count_w, y), f.color(f.palette.text), r.count);
    y += r.height;
  }
}

}  // namespace hall::ui
