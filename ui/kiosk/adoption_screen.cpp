// SPDX-License-Identifier: Apache-2.0
// What became of a closed draft's comments (意见收集汇总、采纳情况和未予采纳的理由): how many were
// received and taken up, the summary, and each opinion not taken up with the reason. The QR code
// beside it opens the draft on a phone, as on the draft's own screen.
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/text.h"

namespace hall::ui {

Intent draw_adoption(Frame& f, const NoticeModel& m, Area area, ScrollState& scroll) {
  const notices::Notice& n = *m.notice;
  begin_notice_page(f, m, area, scroll);
  const float width = ImGui::GetContentRegionAvail().x - f.metrics.pad;
  const notices::AdoptionReport& a = *n.draft->adoption;
  paragraph(title_style(f, f.palette.text), f.tr("adoption.title"), 0.0f, width);
  paragraph(body_style(f, f.palette.text_muted), shown(f, n.title), 0.0f, width);
  const std::string published = format_day(f.strings, format_iso_date(a.published));
  paragraph(body_style(f, f.palette.text_muted),
            f.trf("fmt.label_value", {{"label", f.tr("adoption.published")}, {"value", published}}), 0.0f, width);
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
  paragraph(title_style(f, f.palette.text),
            f.trf("adoption.counts", {{"received", std::to_string(a.received)},
                                      {"adopted", std::to_string(a.adopted)},
                                      {"not_adopted", std::to_string(a.received - a.adopted)}}),
            0.0f, width);
  if (const std::string& summary = shown(f, a.summary); !summary.empty()) {
    paragraph(body_style(f, f.palette.text), summary, 0.0f, width);
  }
  if (!a.not_adopted.empty()) {
    notice_section(f, f.tr("adoption.not_adopted"), width);
    const float indent = f.metrics.pad;
    for (std::size_t i = 0; i < a.not_adopted.size(); ++i) {
      const auto& x = a.not_adopted[i];
      paragraph(title_style(f, f.palette.text), std::to_string(i + 1) + ". " + shown(f, x.opinion), 0.0f, width);
      paragraph(body_style(f, f.palette.text),
                f.trf("fmt.label_value", {{"label", f.tr("adoption.reason")}, {"value", shown(f, x.reason)}}), indent,
                width);
      ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
    }
  }
  end_notice_page(f, m, area, scroll);
  return {};
}

}  // namespace hall::ui
