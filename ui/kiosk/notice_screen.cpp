// SPDX-License-Identifier: Apache-2.0
// One notice, to read in large type: its kind, title, issuer, 文号 and date; the way to its 解读
// (a policy) or to the policy it explains; for a draft, the comment period with its end date and,
// once closed, the way to the adoption report; then its summary, body and the part its kind has.
// The QR code beside it opens the same notice on a phone (notice_page.cpp).
#include <algorithm>
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

std::string notice_day(const Frame& f, Date d) {
  return format_day(f.strings, format_iso_date(d));
}

// A way to another screen: a full-width button whose label and second line (a title, a count)
// wrap whole, however long, rather than end in "…".
bool notice_link(Frame& f, std::string_view id, const std::string& label, const std::string& sub, float width) {
  const TextStyle main = title_style(f, f.palette.on_primary);
  const TextStyle second = body_style(f, f.palette.on_primary);
  const float inner = width - 2.0f * f.metrics.pad;
  const float text_h =
      paragraph_height(main, label, inner) + (sub.empty() ? 0.0f : paragraph_height(second, sub, inner));
  const float h = std::max(text_h + f.metrics.pad, f.metrics.button_h);
  const TapResult t = tap_area(f, id, ImVec2(width, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(t.pressed ? f.palette.primary_pressed : f.palette.primary),
                    f.metrics.rounding);
  float y = t.min.y + (h - text_h) * 0.5f;
  y += draw_paragraph(dl, main, ImVec2(t.min.x + f.metrics.pad, y), label, inner);
  if (!sub.empty()) draw_paragraph(dl, second, ImVec2(t.min.x + f.metrics.pad, y), sub, inner);
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
  return t.tapped;
}

Intent notice_links(Frame& f, const NoticeModel& m, float width) {
  Intent out;
  if (m.interpretation && notice_link(f, "notice:interpretation", f.tr("opengov.open_interpretation"),
                                      shown(f, m.interpretation->title), width)) {
    out = Intent::open("notice", m.interpretation->id);
  }
  if (m.policy && notice_link(f, "notice:policy", f.tr("opengov.open_policy"), shown(f, m.policy->title), width)) {
    out = Intent::open("notice", m.policy->id);
  }
  for (const auto& g : m.guides) {
    if (notice_link(f, "notice:guide:" + g.id, f.tr("opengov.open_guide"), g.name, width)) out = Intent::open("guide", g.id);
  }
  return out;
}

// The comment period, where the draft stands in it, what it rests on and how else to comment.
Intent draft_period(Frame& f, const NoticeModel& m, float width) {
  Intent out;
  const notices::Notice& n = *m.notice;
  const notices::DraftPart& d = *n.draft;
  notice_section(f, f.tr("opengov.comment_title"), width);
  const TextStyle body = body_style(f, f.palette.text);
  paragraph(
      body,
      f.trf("opengov.comment_period", {{"from", notice_day(f, d.comment_from)}, {"to", notice_day(f, d.comment_to)}}),
      0.0f, width);
  std::string state;
  if (n.open_for_comment(m.today)) {
    state = count_text(f.strings, K("opengov.comment_days_left"), K("opengov.comment_days_left_one"),
                       static_cast<std::size_t>(n.comment_days_left(m.today)));
  } else if (m.today < d.comment_from) {
    state = f.tr("opengov.comment_not_yet");
  } else {
    state = f.tr("opengov.comment_closed");
  }
  paragraph(title_style(f, n.open_for_comment(m.today) ? f.palette.warn : f.palette.text), state, 0.0f, width);
  for (const auto& c : d.channels) paragraph(body, "· " + shown(f, c), 0.0f, width);
  for (const auto& b : d.basis) {
    std::string basis =
        b.doc_no.empty() ? b.title : f.trf("opengov.basis_doc_no", {{"title", b.title}, {"doc_no", b.doc_no}});
    if (!b.clause.empty()) basis += " " + b.clause;
    paragraph(muted_style(f), f.trf("fmt.label_value", {{"label", f.tr("opengov.basis")}, {"value", basis}}), 0.0f,
              width);
  }
  if (n.open_for_comment(m.today) || m.today < d.comment_from) return out;
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
  if (!d.adoption) {
    paragraph(body, f.tr("opengov.adoption_pending"), 0.0f, width);
    return out;
  }
  const std::string counts = f.trf("opengov.adoption_counts", {{"received", std::to_string(d.adoption->received)},
                                                               {"adopted", std::to_string(d.adoption->adopted)}});
  if (notice_link(f, "notice:adoption", f.tr("opengov.open_adoption"), counts, width))
    out = Intent::open("adoption", n.id);
  return out;
}

}  // namespace

void notice_section(Frame& f, std::string_view title, float width) {
  ImGui::Dummy(ImVec2(0, f.metrics.gap));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float bar_w = 8.0f;
  const TextStyle st = title_style(f, f.palette.text);
  const float h = paragraph_height(st, title, width - bar_w - f.metrics.gap);
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), f.color(f.palette.primary));
  paragraph(st, title, bar_w + f.metrics.gap, width);
}

Intent draw_notice(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll) {
  Intent out;
  const notices::Notice& n = *m.notice;
  begin_notice_page(f, m, area, scroll);
  const float width = ImGui::GetContentRegionAvail().x - f.metrics.pad;
  notice_heading(f, n, width);
  if (Intent l = notice_links(f, m, width)) out = l;
  if (n.draft) {
    if (Intent d = draft_period(f, m, width)) out = d;
  }
  if (const std::string& summary = shown(f, n.summary); !summary.empty()) {
    notice_section(f, f.tr("opengov.summary"), width);
    paragraph(body_style(f, f.palette.text), summary, 0.0f, width);
  }
  if (!n.body.empty()) {
    notice_section(f, f.tr("opengov.body"), width);
    notice_body(f, n.body, width);
  }
  notice_parts(f, n, width);
  end_notice_page(f, m, area, scroll);
  return out;
}

}  // namespace hall::ui
