// SPDX-License-Identifier: Apache-2.0
// A notice as a row: its badges (政务公开 and its kind in search; 征求意见中 with the days left for
// an open draft), its title wrapped whole (never cut with "…": a visitor must read all of it), and
// who issued it, its 文号 and its date.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "notices/notice_labels.h"
#include "widgets/badge.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

std::vector<BadgeSpec> notice_badges(const Frame& f, const notices::DirectoryRow& r, bool marked) {
  std::vector<BadgeSpec> out;
  if (marked) {
    out.push_back({f.tr("opengov.badge"), f.palette.primary});
    const auto& kind = notices::term(r.kind);
    out.push_back({f.english ? kind.en : kind.zh, f.palette.neutral});
  }
  if (r.comment_days_left > 0) {
    out.push_back({count_text(f.strings, K("opengov.open_days"), K("opengov.open_days_one"),
                              static_cast<std::size_t>(r.comment_days_left)),
                   f.palette.warn});
  }
  return out;
}

std::string notice_facts(const Frame& f, const notices::DirectoryRow& r) {
  const std::string day = format_day(f.strings, format_iso_date(r.date));
  const std::string issuer = shown(f, r.issuer);
  if (r.doc_no.empty()) return f.trf("opengov.row_facts", {{"issuer", issuer}, {"date", day}});
  return f.trf("opengov.row_facts_doc_no", {{"issuer", issuer}, {"doc_no", r.doc_no}, {"date", day}});
}

float notice_row_inner(const Frame& f, float width) {
  return width - 2.0f * f.metrics.pad - f.metrics.gap;  // room for the scroll hint on the right, as guide rows
}

}  // namespace

notices::DirectoryRow notice_row_of(const notices::Notice& n, Date today) {
  return {n.id,
          n.kind,
          n.title,
          notices::Text{n.issuer.name, n.issuer.name_en},
          n.doc_no,
          n.date,
          n.comment_days_left(today)};
}

float notice_row_height(const Frame& f, const notices::DirectoryRow& r, float width, bool marked) {
  const float inner = notice_row_inner(f, width);
  float h = f.metrics.pad * 1.5f;
  if (!notice_badges(f, r, marked).empty()) h += badge_size(f, "").y + f.metrics.gap * 0.5f;
  h += paragraph_height(title_style(f, f.palette.text), shown(f, r.title), inner) + f.metrics.gap * 0.25f;
  h += paragraph_height(muted_style(f), notice_facts(f, r), inner);
  return std::max(h, f.metrics.min_target);
}

bool draw_notice_row(Frame& f, const notices::DirectoryRow& r, float width, bool marked) {
  const float h = notice_row_height(f, r, width, marked);
  const TapResult t = tap_area(f, "notice:" + r.id, ImVec2(width, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(t.pressed ? f.palette.panel_pressed : f.palette.panel), f.metrics.rounding);
  const float inner = notice_row_inner(f, width);
  const float x0 = t.min.x + f.metrics.pad;
  float y = t.min.y + f.metrics.pad * 0.75f;
  const auto badges = notice_badges(f, r, marked);
  if (!badges.empty()) {
    float x = x0;
    for (const auto& b : badges) x += draw_badge(f, dl, ImVec2(x, y), b.text, b.bg) + f.metrics.gap;
    y += badge_size(f, "").y + f.metrics.gap * 0.5f;
  }
  y += draw_paragraph(dl, title_style(f, f.palette.text), ImVec2(x0, y), shown(f, r.title), inner);
  y += f.metrics.gap * 0.25f;
  draw_paragraph(dl, muted_style(f), ImVec2(x0, y), notice_facts(f, r), inner);
  return t.tapped;
}

}  // namespace hall::ui
