// A list of services: one topic, the 一次办好 list, or search results. Each row: the name, a
// 最多跑一次/零跑腿 badge, the promised time limit and the window. Only visible rows are drawn
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

// English names are long: they get two lines; Chinese names fit one (or end in "…").
int title_lines(const Frame& f) {
  return f.english ? 2 : 1;
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
bool draw_row(Frame& f, const CatalogueView& view, const catalogue::GuideSummary& g, float width) {
  const float h = guide_row_height(f);
  const TapResult t = tap_area(f, "guide:" + g.id, ImVec2(width, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(t.pressed ? f.palette.panel_pressed : f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const float inner = width - 2.0f * pad - f.metrics.gap;  // room for the scroll hint on the right
  const TextStyle title = title_style(f, f.palette.text);
  const std::string name = view.guide_name(g, f.english);
  const int lines = std::min(title_lines(f), static_cast<int>(wrap_lines(title.font, title.size, name, inner).size()));
  const float block = static_cast<float>(lines) * title.size + f.metrics.gap * 0.5f + badge_size(f, "").y;
  float y = t.min.y + (h - block) * 0.5f;
  draw_name(dl, title, ImVec2(t.min.x + pad, y), name, inner, lines);
  y += static_cast<float>(lines) * title.size + f.metrics.gap * 0.5f;

  float x = t.min.x + pad;
  if (g.status == catalogue::GuideStatus::suspended) {  // listed, but nobody should queue for it unwarned
    x += draw_badge(f, dl, ImVec2(x, y), f.tr("badge.suspended"), f.palette.warn) + f.metrics.gap;
  }
  const std::string visits = visits_badge(f.strings, g.onsite_visits);
  x += draw_badge(f, dl, ImVec2(x, y), visits, g.is_one_visit() ? f.palette.good : f.palette.neutral) + f.metrics.gap;
  const std::string facts = f.trf("list.row_facts", {{"limit", format_limit(f.strings, g.promised_limit)},
                                                     {"window", view.window_name(g.window, f.english)}});
  draw_line_clipped(dl, muted_style(f), ImVec2(x, y + f.metrics.gap * 0.25f), facts, t.min.x + pad + inner - x);
  return t.tapped;
}

}  // namespace

float guide_row_height(const Frame& f) {
  const float title = static_cast<float>(title_lines(f)) * f.title_size();
  const float content = title + f.body_size() + f.metrics.gap * 2.0f + f.metrics.pad;
  const float extra = static_cast<float>(title_lines(f) - 1) * f.title_size();
  return std::max({f.metrics.row_h + extra, content, f.metrics.min_target});
}

Intent guide_rows(Frame& f, const CatalogueView& view, const std::vector<std::size_t>& guides, ImVec2 size,
                  ScrollState& scroll) {
  Intent out;
  begin_touch_scroll(f, "##guides", size, scroll);
  const float row_h = guide_row_height(f);
  const float gap = f.metrics.gap * 0.75f;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, gap));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(guides.size()), row_h + gap);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& g = view.guides()[guides[static_cast<std::size_t>(i)]];
      const float before = ImGui::GetCursorScreenPos().y;
      if (draw_row(f, view, g, size.x)) out = Intent::open("guide", g.id);
      ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, before + row_h + gap));
    }
  }
  ImGui::PopStyleVar();
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
