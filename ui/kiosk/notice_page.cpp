// SPDX-License-Identifier: Apache-2.0
// The page every notice screen shares: a reading column that scrolls under the finger, and the QR
// code that opens the same notice on the visitor's phone (and, for a draft open for comment, lets
// them comment there): a column on the right in landscape, a strip along the bottom in portrait.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "notices/notice_labels.h"
#include "widgets/badge.h"
#include "widgets/qr_code.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

struct PageGeometry {
  Area column, code;
};

float page_code_side(const Frame& f) {
  return std::floor(260.0f * std::min(f.metrics.text_scale, 1.2f));
}

std::string page_code_caption(const Frame& f, const NoticeModel& m) {
  const notices::Notice& n = *m.notice;
  if (n.open_for_comment(m.today)) {
    const std::string until = format_day(f.strings, format_iso_date(n.draft->comment_to));
    // The hub's page is read-only: the kiosk promises comments on the phone only where they land.
    if (m.comments_on_phone) return f.trf("opengov.qr_comment", {{"until", until}});
    return f.trf("opengov.qr_read_draft", {{"until", until}});
  }
  return f.tr("opengov.qr_read");
}

bool has_code(const NoticeModel& m) {
  return m.qr && !m.address.empty();
}

// What the words beside the code take at `width`: the strip grows with them (English in 长辈模式).
float page_words_height(const Frame& f, const NoticeModel& m, float width) {
  float h = paragraph_height(title_style(f, f.palette.text), f.tr("opengov.qr_title"), width);
  h += paragraph_height(body_style(f, f.palette.text), page_code_caption(f, m), width);
  h += paragraph_height(muted_style(f), has_code(m) ? std::string(m.address) : f.tr("opengov.no_qr"), width);
  return h + 3.0f * ImGui::GetStyle().ItemSpacing.y;
}

float page_words_x(const Frame& f, const NoticeModel& m) {
  return has_code(m) ? page_code_side(f) + f.metrics.gap * 2.0f : 0.0f;
}

PageGeometry page_geometry(const Frame& f, const NoticeModel& m, Area area) {
  const float gap = f.metrics.gap * 2.0f;
  if (f.portrait) {
    const float words = page_words_height(f, m, area.size.x - page_words_x(f, m)) + f.metrics.gap;
    const float h = std::max(page_code_side(f), words) + f.metrics.gap;
    return {{area.pos, ImVec2(area.size.x, area.size.y - h - gap)},
            {ImVec2(area.pos.x, area.pos.y + area.size.y - h), ImVec2(area.size.x, h)}};
  }
  const float w = std::floor(std::clamp(area.size.x * 0.26f, page_code_side(f), page_code_side(f) * 1.8f));
  return {{area.pos, ImVec2(area.size.x - w - gap, area.size.y)},
          {ImVec2(area.pos.x + area.size.x - w, area.pos.y), ImVec2(w, area.size.y)}};
}

// The caption, the code (or why there is none) and the address it holds, in `width` at the cursor.
void page_code_words(Frame& f, const NoticeModel& m, float width, bool code_drawn) {
  paragraph(body_style(f, f.palette.text), page_code_caption(f, m), 0.0f, width);
  if (!code_drawn) {
    paragraph(muted_style(f), f.tr("opengov.no_qr"), 0.0f, width);
    return;
  }
  paragraph(muted_style(f), m.address, 0.0f, width);
}

}  // namespace

void begin_notice_page(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll) {
  const PageGeometry g = page_geometry(f, m, area);
  ImGui::SetCursorScreenPos(g.column.pos);
  begin_touch_scroll(f, "##notice", g.column.size, scroll);
}

void end_notice_page(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll) {
  ImGui::Dummy(ImVec2(0, f.metrics.pad));
  end_touch_scroll(f, scroll);
  const PageGeometry g = page_geometry(f, m, area);
  const bool code = has_code(m);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float side = page_code_side(f);
  if (f.portrait) {
    const ImVec2 p = g.code.pos;
    // A rule between the reading column and the strip, so the text does not seem to run into it.
    dl->AddLine(ImVec2(p.x, p.y - f.metrics.gap), ImVec2(p.x + g.code.size.x, p.y - f.metrics.gap),
                f.color(f.palette.border), 2.0f);
    if (code) draw_qr(dl, p, *m.qr, side);
    const float words_x = p.x + page_words_x(f, m);
    ImGui::SetCursorScreenPos(ImVec2(words_x, p.y + f.metrics.gap));
    ImGui::BeginGroup();
    paragraph(title_style(f, f.palette.text), f.tr("opengov.qr_title"), 0.0f, p.x + g.code.size.x - words_x);
    page_code_words(f, m, p.x + g.code.size.x - words_x, code);
    ImGui::EndGroup();
    return;
  }
  ImGui::SetCursorScreenPos(g.code.pos);
  ImGui::BeginGroup();
  paragraph(title_style(f, f.palette.text), f.tr("opengov.qr_title"), 0.0f, g.code.size.x);
  if (code) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float drawn = draw_qr(dl, p, *m.qr, std::min(side * 1.3f, g.code.size.x));
    ImGui::Dummy(ImVec2(g.code.size.x, drawn + f.metrics.gap * 0.5f));
  }
  page_code_words(f, m, g.code.size.x, code);
  ImGui::EndGroup();
}

void notice_heading(Frame& f, const notices::Notice& n, float width) {
  const auto& kind = notices::term(n.kind);
  badge_row(f, {{f.english ? kind.en : kind.zh, f.palette.primary}});
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
  paragraph(title_style(f, f.palette.text), shown(f, n.title), 0.0f, width);
  const TextStyle facts = body_style(f, f.palette.text_muted);
  const std::string issuer = f.english && !n.issuer.name_en.empty() ? n.issuer.name_en : n.issuer.name;
  paragraph(facts, f.trf("fmt.label_value", {{"label", f.tr("opengov.issuer")}, {"value", issuer}}), 0.0f, width);
  if (!n.doc_no.empty()) {
    paragraph(facts, f.trf("fmt.label_value", {{"label", f.tr("opengov.doc_no")}, {"value", n.doc_no}}), 0.0f, width);
  }
  const std::string day = format_day(f.strings, format_iso_date(n.date));
  paragraph(facts, f.trf("fmt.label_value", {{"label", f.tr("opengov.date")}, {"value", day}}), 0.0f, width);
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
}

}  // namespace hall::ui
