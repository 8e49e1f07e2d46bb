// SPDX-License-Identifier: Apache-2.0
// A list of services: one topic, the 一次办好 list, or search results. Each row: the name
// (wrapped, never cut short in 长辈模式), a 最多跑一次/零跑腿 badge, the promised time limit and the
// window. Only visible rows are drawn
// (ImGuiListClipper), so a list of any length costs the same per frame.
#include <algorithm>
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/badge.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

// A name wraps rather than being cut: up to three lines (longer ones end in "…", which no name
// of a real hall reaches). Rows are as tall as their content, laid out once per list, width and
// text size, so scrolling a list of any length costs only its visible rows.
constexpr int max_title_lines = 3;

struct RowLayout {
  int lines = 1;
  bool facts_below = false;  // the time limit and window go under the badges: never cut
  float height = 0.0f;
};

std::string facts_of(const Frame& f, const CatalogueView& view, const catalogue::GuideSummary& g) {
  return f.trf("list.row_facts", {{"limit", format_limit(f.strings, g.promised_limit)},
                                  {"window", view.window_name(g.window, f.english)}});
}

float badges_width(const Frame& f, const CatalogueView& view, const catalogue::GuideSummary& g) {
  float w = badge_size(f, visits_badge(f.strings, g.onsite_visits)).x + f.metrics.gap;
  if (g.status == catalogue::GuideStatus::suspended) {
    w += badge_size(f, suspended_badge(f.strings, g.suspended_until)).x + f.metrics.gap;
  }
  if (view.recently_changed(g)) w += badge_size(f, f.tr("badge.changed")).x + f.metrics.gap;
  return w;
}

float inner_width(const Frame& f, float width) {
  return width - 2.0f * f.metrics.pad - f.metrics.gap;
}

RowLayout layout_row(const Frame& f, const CatalogueView& view, const catalogue::GuideSummary& g, float width) {
  const float inner = inner_width(f, width);
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle muted = muted_style(f);
  RowLayout r;
  const std::string name = view.guide_name(g, f.english);
  r.lines = std::clamp(static_cast<int>(wrap_lines(title.font, title.size, name, inner).size()), 1, max_title_lines);
  r.facts_below = badges_width(f, view, g) + text_width(muted.font, muted.size, facts_of(f, view, g)) > inner;
  const float facts = r.facts_below ? f.body_line() + f.metrics.gap * 0.25f : 0.0f;
  const float content = static_cast<float>(r.lines) * title.size + f.metrics.gap * 0.5f + badge_size(f, "").y + facts;
  r.height = std::max({content + f.metrics.pad * 1.5f, f.metrics.row_h, f.metrics.min_target});
  return r;
}

// One list's row tops, rebuilt when the list's content (which guides, in which order), the
// catalogue, the width, the text size or the language change. Keyed by the content, not by where
// the list lives or how long it is: two searches with as many results reuse the same vector, and
// their names wrap to different line counts.
struct ListLayout {
  std::vector<std::size_t> guides;  // the guides laid out, in order
  std::uint64_t view = 0;           // CatalogueView::serial()
  float width = 0.0f, scale = 0.0f;
  bool english = false;
  std::vector<RowLayout> rows;
  std::vector<float> tops;  // rows.size() + 1 entries; the last is the total height
};

const ListLayout& list_layout(const Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides,
                              float width, float gap) {
  static ListLayout cache;  // the UI thread's only; one list is on screen at a time
  if (cache.view == view.serial() && cache.width == width && cache.scale == f.metrics.text_scale &&
      cache.english == f.english && cache.guides == guides)
    return cache;
  cache = {guides, view.serial(), width, f.metrics.text_scale, f.english, {}, {}};
  cache.rows.reserve(guides.size());
  cache.tops.reserve(guides.size() + 1);
  float y = 0.0f;
  for (const std::size_t i : guides) {
    cache.tops.push_back(y);
    cache.rows.push_back(layout_row(f, view, view.guides()[i], width));
    y += cache.rows.back().height + gap;
  }
  cache.tops.push_back(y);
  return cache;
}

// Draws `text` in at most `max_lines` lines, the last cut with "…"; returns the lines used.
int draw_name(ImDrawList* dl, const TextStyle& s, ImVec2 pos, std::string_view text, float width, int max_lines) {
  const auto lines = wrap_lines(s.font, s.size, text, width);
  const int n = std::min(static_cast<int>(lines.size()), max_lines);
  for (int i = 0; i < n; ++i) {
    const auto [b, e] = lines[static_cast<std::size_t>(i)];
    const bool last = i == n - 1;
    const std::string_view part = last ? text.substr(b) : text.substr(b, e - b);
    draw_line_clipped(dl, s, ImVec2(pos.x, pos.y + static_cast<float>(i) * s.size), part, width);
  }
  return n;
}

// Returns true when the row was tapped.
bool draw_row(Frame& f, const CatalogueView& view, const catalogue::GuideSummary& g, const RowLayout& r, float width) {
  const TapResult t = tap_area(f, "guide:" + g.id, ImVec2(width, r.height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(t.pressed ? f.palette.panel_pressed : f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const float inner = inner_width(f, width);  // room for the scroll hint on the right
  const TextStyle title = title_style(f, f.palette.text);
  float y = t.min.y + pad * 0.75f;
  draw_name(dl, title, ImVec2(t.min.x + pad, y), view.guide_name(g, f.english), inner, r.lines);
  y += static_cast<float>(r.lines) * title.size + f.metrics.gap * 0.5f;

  float x = t.min.x + pad;
  if (g.status == catalogue::GuideStatus::suspended) {  // listed, but nobody should queue for it unwarned
    x += draw_badge(f, dl, ImVec2(x, y), suspended_badge(f.strings, g.suspended_until), f.palette.warn) + f.metrics.gap;
  }
  const std::string visits = visits_badge(f.strings, g.onsite_visits);
  const bool good = g.is_one_visit() && g.status != catalogue::GuideStatus::suspended;
  x += draw_badge(f, dl, ImVec2(x, y), visits, good ? f.palette.good : f.palette.neutral) + f.metrics.gap;
  if (view.recently_changed(g)) {  // the guide says what changed and since when
    x += draw_badge(f, dl, ImVec2(x, y), f.tr("badge.changed"), f.palette.warn) + f.metrics.gap;
  }
  if (r.facts_below) {
    y += badge_size(f, "").y + f.metrics.gap * 0.25f;
    x = t.min.x + pad;
  }
  draw_line_clipped(dl, muted_style(f), ImVec2(x, y + f.metrics.gap * 0.25f), facts_of(f, view, g),
                    t.min.x + pad + inner - x);
  return t.tapped;
}

}  // namespace

float guide_row_height(const Frame& f) {
  // The shortest row: one line of name, its badges and facts beside them.
  return std::max({f.title_size() + f.metrics.gap * 0.5f + badge_size(f, "").y + f.metrics.pad * 1.5f, f.metrics.row_h,
                   f.metrics.min_target});
}

float guide_rows_in(Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides, float width, float top,
                    float view_h, Intent& out) {
  const float gap = f.metrics.gap * 0.75f;
  const ListLayout& layout = list_layout(f, view, guides, width, gap);
  const ImVec2 origin(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + top);
  // Only the rows in view: find the first by its top, draw until past the bottom.
  const float view_top = ImGui::GetScrollY() - top;
  const float view_bottom = view_top + view_h;
  auto first = std::upper_bound(layout.tops.begin(), layout.tops.end() - 1, view_top);
  std::size_t i = first == layout.tops.begin() ? 0 : static_cast<std::size_t>(first - layout.tops.begin()) - 1;
  for (; i < guides.size() && layout.tops[i] < view_bottom; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + layout.tops[i]));
    const auto& g = view.guides()[guides[i]];
    if (draw_row(f, view, g, layout.rows[i], width)) out = Intent::open("guide", g.id);
  }
  return std::max(0.0f, layout.tops.back() - gap);
}

Intent guide_rows(Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides, ImVec2 size,
                  ScrollState& scroll) {
  Intent out;
  begin_touch_scroll(f, "##guides", size, scroll);
  const ImVec2 origin = ImGui::GetCursorScreenPos();  // the content's top, scroll applied
  const float h = guide_rows_in(f, view, guides, size.x, 0.0f, size.y, out);
  // The whole list's height, so scrolling knows where it ends.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(size.x, h));
  end_touch_scroll(f, scroll);
  return out;
}

Intent draw_guide_list(Frame& f, const CatalogueView& view, const GuideListModel& m, Area area, ScrollState& scroll) {
  ImGui::SetCursorScreenPos(area.pos);
  ImGui::PushClipRect(area.pos, ImVec2(area.pos.x + area.size.x, area.pos.y + area.size.y), true);
  page_heading(f, m.title, m.subtitle);
  ImGui::PopClipRect();
  const float top = ImGui::GetCursorScreenPos().y;
  const ImVec2 size(area.size.x, area.pos.y + area.size.y - top);
  if (m.guides->empty()) {
    paragraph(body_style(f, f.palette.text), f.tr("list.empty"));
    return {};
  }
  return guide_rows(f, view, *m.guides, size, scroll);
}

}  // namespace hall::ui
