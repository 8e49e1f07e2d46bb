// SPDX-License-Identifier: Apache-2.0
// The part of a notice only its kind has, under its body: a meeting's date, place, agenda and
// decisions; a measure's steps with who is responsible, how far each is and by when; a reply's
// 建议/提案 number; a list of powers, each with its type, basis, who holds it and when they answer
// for it.
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "notices/notice_labels.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

std::string part_label(const Frame& f, const char* label_key, const std::string& value) {
  return f.trf("fmt.label_value", {{"label", f.tr(label_key)}, {"value", value}});
}

void part_numbered(Frame& f, const std::vector<notices::Text>& items, float width) {
  const TextStyle st = body_style(f, f.palette.text);
  for (std::size_t i = 0; i < items.size(); ++i) {
    paragraph(st, std::to_string(i + 1) + ". " + shown(f, items[i]), f.metrics.pad, width);
  }
}

void meeting_part(Frame& f, const notices::MeetingPart& m, float width) {
  notice_section(f, f.tr("opengov.meeting"), width);
  const TextStyle st = body_style(f, f.palette.text);
  paragraph(st, part_label(f, K("opengov.held_on"), format_day(f.strings, format_iso_date(m.held_on))), 0.0f, width);
  if (!m.place.zh.empty()) paragraph(st, part_label(f, K("opengov.place"), shown(f, m.place)), 0.0f, width);
  if (!m.agenda.empty()) {
    paragraph(title_style(f, f.palette.text), f.tr("opengov.agenda"), 0.0f, width);
    part_numbered(f, m.agenda, width);
  }
  if (!m.decisions.empty()) {
    paragraph(title_style(f, f.palette.text), f.tr("opengov.decisions"), 0.0f, width);
    part_numbered(f, m.decisions, width);
  }
}

void implementation_part(Frame& f, const notices::ImplementationPart& p, float width) {
  notice_section(f, shown(f, p.measure), width);
  const TextStyle st = body_style(f, f.palette.text);
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const auto& s = p.steps[i];
    const auto& status = notices::term(s.status);
    paragraph(title_style(f, f.palette.text), std::to_string(i + 1) + ". " + shown(f, s.title), 0.0f, width);
    const float indent = f.metrics.pad;
    paragraph(st, part_label(f, K("opengov.step_status"), f.english ? status.en : status.zh), indent, width);
    if (!s.responsible.zh.empty())
      paragraph(st, part_label(f, K("opengov.responsible"), shown(f, s.responsible)), indent, width);
    if (s.due)
      paragraph(st, part_label(f, K("opengov.due"), format_day(f.strings, format_iso_date(*s.due))), indent, width);
    if (!s.progress.zh.empty())
      paragraph(st, part_label(f, K("opengov.progress"), shown(f, s.progress)), indent, width);
  }
}

void powers_part(Frame& f, const std::vector<notices::PowerEntry>& entries, float width) {
  notice_section(f, f.tr("opengov.powers"), width);
  const TextStyle st = body_style(f, f.palette.text);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& p = entries[i];
    paragraph(title_style(f, f.palette.text), std::to_string(i + 1) + ". " + shown(f, p.name), 0.0f, width);
    const float indent = f.metrics.pad;
    if (!p.power_type.empty()) paragraph(st, part_label(f, K("opengov.power_type"), p.power_type), indent, width);
    for (const auto& b : p.basis) {
      paragraph(st, part_label(f, K("opengov.basis"), b.clause.empty() ? b.title : b.title + " " + b.clause), indent,
                width);
    }
    if (!p.responsible.zh.empty())
      paragraph(st, part_label(f, K("opengov.responsible"), shown(f, p.responsible)), indent, width);
    if (!p.accountability.zh.empty()) {
      paragraph(st, part_label(f, K("opengov.accountability"), shown(f, p.accountability)), indent, width);
    }
  }
}

}  // namespace

void notice_parts(Frame& f, const notices::Notice& n, float width) {
  if (n.meeting) meeting_part(f, *n.meeting, width);
  if (n.implementation) implementation_part(f, *n.implementation, width);
  if (n.proposal && !n.proposal->number.empty()) {
    ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
    const auto& type = notices::term(n.proposal->type);
    paragraph(body_style(f, f.palette.text_muted),
              part_label(f, K("opengov.proposal_number"),
                         std::string(f.english ? type.en : type.zh) + " " + n.proposal->number),
              0.0f, width);
  }
  if (!n.powers.empty()) powers_part(f, n.powers, width);
}

}  // namespace hall::ui
