// SPDX-License-Identifier: Apache-2.0
// Search: an on-screen keyboard (pinyin, initials, digits) and results that follow every key:
// the notices found (政务公开, marked apart) before the guides.
// Portrait: query, status, results, keyboard from top to bottom. Landscape: results on the left;
// the query, the status and the keyboard on the right, within reach of one hand.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/keyboard.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

void query_box(Frame& f, std::string_view query, float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = std::max(f.metrics.button_h, f.title_size() + f.metrics.gap);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), f.color(f.palette.background), f.metrics.rounding);
  dl->AddRect(p, ImVec2(p.x + width, p.y + h), f.color(f.palette.text), f.metrics.rounding, 0, 3.0f);
  const float pad = f.metrics.pad;
  const TextStyle typed = title_style(f, f.palette.text);
  if (query.empty()) {
    const TextStyle hint = muted_style(f);
    draw_line_clipped(dl, hint, ImVec2(p.x + pad + 12.0f, p.y + (h - hint.size) * 0.5f), f.tr("search.placeholder"),
                      width - 2 * pad - 12.0f);
  } else {
    draw_line_clipped(dl, typed, ImVec2(p.x + pad, p.y + (h - typed.size) * 0.5f), query, width - 2 * pad - 12.0f);
  }
  // A caret, so the box reads as "this is where your letters go".
  const float typed_w = query.empty() ? 0.0f : text_width(typed.font, typed.size, query) + 4.0f;
  const float cx = p.x + pad + std::min(typed_w, width - 2 * pad - 8.0f);
  dl->AddRectFilled(ImVec2(cx, p.y + h * 0.2f), ImVec2(cx + 4.0f, p.y + h * 0.8f), f.color(f.palette.primary));
  ImGui::Dummy(ImVec2(width, h + f.metrics.gap * 0.5f));
}

bool found_none(const SearchModel& m) {
  return m.ready && !m.query.empty() && m.results->empty() && (!m.notice_results || m.notice_results->empty());
}

std::size_t notices_found(const SearchModel& m) {
  return m.notice_results ? m.notice_results->size() : 0;
}

// What to say about the results: a hint for an empty box, a count, or what to try instead.
void status(Frame& f, const SearchModel& m, float width) {
  if (!m.ready && !m.query.empty()) {
    paragraph(muted_style(f), f.tr("search.preparing"), 0.0f, width);
  } else if (m.query.empty() && m.example) {
    const SearchExample& e = *m.example;
    paragraph(muted_style(f),
              f.trf("search.hint", {{"initials", e.initials},
                                    {"pinyin", e.pinyin},
                                    {"name", f.english && !e.name_en.empty() ? e.name_en : e.name}}),
              0.0f, width);
  } else if (m.query.empty()) {
    paragraph(muted_style(f), f.tr("search.hint_plain"), 0.0f, width);
  } else if (found_none(m)) {
    const std::string q(m.query);
    paragraph(title_style(f, f.palette.text), f.trf("search.none", {{"query", q}}), 0.0f, width);
    for (const char* key : {K("search.try_fewer"), K("search.try_initials"), K("search.try_topics")}) {
      paragraph(body_style(f, f.palette.text), f.tr(key), 0.0f, width);
    }
  } else if (notices_found(m) > 0 && m.results->empty()) {
    paragraph(muted_style(f),
              count_text(f.strings, K("search.count_notices"), K("search.count_notices_one"), notices_found(m)), 0.0f,
              width);
  } else if (notices_found(m) > 0) {
    paragraph(muted_style(f),
              f.trf("search.count_with_notices",
                    {{"n", std::to_string(m.results->size())}, {"notices", std::to_string(notices_found(m))}}),
              0.0f, width);
  } else {
    paragraph(muted_style(f), count_text(f.strings, K("search.count"), K("search.count_one"), m.results->size()), 0.0f,
              width);
  }
}

// A label over one kind of result: 政务公开信息 or 办事指南, with how many; returns its height.
float result_label(Frame& f, ImVec2 at, const std::string& text, float width) {
  const TextStyle st = muted_style(f);
  draw_paragraph(ImGui::GetWindowDrawList(), st, at, text, width);
  return paragraph_height(st, text, width) + f.metrics.gap * 0.5f;
}

// Notices found first, each marked 政务公开 (a visitor who typed a 文号 wants that document), then
// the guides, in one scrolled list.
Intent mixed_rows(Frame& f, const CatalogueView& view, const SearchModel& m, ImVec2 size, ScrollState& scroll) {
  Intent out;
  begin_touch_scroll(f, "##guides", size, scroll);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float view_top = ImGui::GetScrollY(), view_bottom = view_top + size.y;
  const float gap = f.metrics.gap * 0.75f;
  float y = result_label(f, origin, f.trf("search.notices_label", {{"n", std::to_string(notices_found(m))}}), size.x);
  for (const std::size_t i : *m.notice_results) {
    const notices::DirectoryRow row = notice_row_of(view.notices()[i], view.notices_today());
    const float h = notice_row_height(f, row, size.x, true);
    if (y + h >= view_top && y <= view_bottom) {
      ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + y));
      if (draw_notice_row(f, row, size.x, true)) out = Intent::open("notice", row.id);
    }
    y += h + gap;
  }
  float h = 0.0f;
  if (!m.results->empty()) {
    y += f.metrics.gap * 0.5f;
    y += result_label(f, ImVec2(origin.x, origin.y + y),
                      f.trf("search.guides_label", {{"n", std::to_string(m.results->size())}}), size.x);
    ImGui::SetCursorScreenPos(origin);
    h = guide_rows_in(f, view, *m.results, size.x, y, size.y, out);
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(size.x, y + h));
  end_touch_scroll(f, scroll);
  return out;
}

// The rows, or for nothing found the way out to the topics.
Intent list(Frame& f, const CatalogueView& view, const SearchModel& m, ImVec2 size, ScrollState& scroll) {
  if (found_none(m)) {
    const std::string& browse = f.tr("search.browse_topics");
    const ImVec2 b(std::min(size.x, button_width(f, browse) + 80.0f), f.metrics.button_h);
    if (big_button(f, {"search:browse", browse, b})) return {Intent::Kind::home, {}};
    return {};
  }
  if (!m.query.empty() && notices_found(m) > 0) return mixed_rows(f, view, m, size, scroll);
  return guide_rows(f, view, *m.results, size, scroll);
}

Intent apply_key(const SearchModel& m, const KeyPress& k) {
  std::string q(m.query);
  switch (k.kind) {
    case KeyPress::Kind::character:
      if (q.size() < 32) q += k.c;
      break;
    case KeyPress::Kind::backspace:
      if (!q.empty()) q.pop_back();  // the keyboard types ASCII only
      break;
    case KeyPress::Kind::clear:
      q.clear();
      break;
  }
  return {Intent::Kind::set_query, q};
}

}  // namespace

Intent draw_search(Frame& f, const CatalogueView& view, const SearchModel& m, Area area, ScrollState& scroll) {
  Intent out;
  const float gap = f.metrics.gap;
  const float key_h = f.metrics.key_h;
  const float kb_h = keyboard_height(f, key_h);
  const float area_bottom = area.pos.y + area.size.y;
  if (f.portrait) {
    ImGui::SetCursorScreenPos(area.pos);
    query_box(f, m.query, area.size.x);
    status(f, m, area.size.x);
    const float top = ImGui::GetCursorScreenPos().y;
    const float list_h = area_bottom - kb_h - gap * 1.5f - top;
    if (Intent r = list(f, view, m, ImVec2(area.size.x, list_h), scroll)) out = r;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area_bottom - kb_h));
    if (auto k = on_screen_keyboard(f, area.size.x, key_h)) out = apply_key(m, *k);
    return out;
  }
  const float left_w = std::floor((area.size.x - gap * 2.0f) * 0.48f);
  const float right_x = area.pos.x + left_w + gap * 2.0f;
  const float right_w = area.pos.x + area.size.x - right_x;
  const bool none = found_none(m);
  ImGui::SetCursorScreenPos(area.pos);
  if (none) status(f, m, left_w);  // what to try goes where the results would be
  const ImVec2 list_pos = ImGui::GetCursorScreenPos();
  if (Intent r = list(f, view, m, ImVec2(left_w, area_bottom - list_pos.y), scroll)) out = r;

  // A group: each new line of the box and the status starts at the column, not the window's edge.
  ImGui::SetCursorScreenPos(ImVec2(right_x, area.pos.y));
  ImGui::BeginGroup();
  query_box(f, m.query, right_w);
  const float kb_top = area_bottom - kb_h;
  if (!none) {
    const ImVec2 status_min = ImGui::GetCursorScreenPos();
    ImGui::PushClipRect(status_min, ImVec2(right_x + right_w, kb_top - gap * 0.5f), true);
    status(f, m, right_w);
    ImGui::PopClipRect();
  }
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(ImVec2(right_x, kb_top));
  if (auto k = on_screen_keyboard(f, right_w, key_h)) out = apply_key(m, *k);
  return out;
}

}  // namespace hall::ui
