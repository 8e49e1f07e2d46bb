// A guide, in the order a visitor needs it: what to bring, who may apply, how long it takes,
// what it costs, where to go, the steps, how many visits, whom to call, the law, and the FAQ.
// The 取号 button stays at the bottom, disabled with its reason until the queue is wired.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/badge.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

using catalogue::Guide;
using catalogue::Material;

void section(Frame& f, std::string_view title) {
  ImGui::Dummy(ImVec2(0, f.metrics.gap));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float bar_w = 8.0f;
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + f.title_line()), f.color(f.palette.primary));
  paragraph(title_style(f, f.palette.text), title, bar_w + f.metrics.gap);
}

void field(Frame& f, std::string_view label_key, std::string_view value, float indent = 0.0f, float width = 0.0f) {
  if (value.empty()) return;
  paragraph(body_style(f, f.palette.text), f.trf("fmt.label_value", {{"label", f.tr(label_key)}, {"value", value}}),
            indent, width);
}

std::string text_or(const Frame& f, const std::string& zh, const std::string& en) {
  return f.english && !en.empty() ? en : zh;
}

std::vector<BadgeSpec> material_badges(const Frame& f, const Material& m) {
  std::vector<BadgeSpec> b;
  switch (m.necessity) {
    case catalogue::Necessity::required:
      b.push_back({f.tr("material.required"), f.palette.primary});
      break;
    case catalogue::Necessity::optional:
      b.push_back({f.tr("material.optional"), f.palette.neutral});
      break;
    case catalogue::Necessity::deferrable:
      b.push_back({f.tr("material.deferrable"), f.palette.warn});
      break;
  }
  if (m.form == catalogue::MaterialForm::electronic) {
    b.push_back({f.tr("material.electronic"), f.palette.neutral});
    return b;
  }
  const int originals = m.originals.value_or(0), copies = m.copies.value_or(0);
  if (originals > 0) b.push_back({f.trf("material.originals", {{"n", std::to_string(originals)}}), f.palette.neutral});
  if (copies > 0) b.push_back({f.trf("material.copies", {{"n", std::to_string(copies)}}), f.palette.neutral});
  if (originals == 0 && copies == 0) {
    const char* key = m.form == catalogue::MaterialForm::copy               ? K("material.form_copy")
                      : m.form == catalogue::MaterialForm::original_or_copy ? K("material.form_either")
                                                                            : K("material.form_original");
    b.push_back({f.tr(key), f.palette.neutral});
  }
  return b;
}

const char* source_key(catalogue::MaterialSource s) {
  switch (s) {
    case catalogue::MaterialSource::applicant:
      return K("material.source_applicant");
    case catalogue::MaterialSource::government:
      return K("material.source_government");
    case catalogue::MaterialSource::agency:
      return K("material.source_agency");
    case catalogue::MaterialSource::other:
      return K("material.source_other");
  }
  return K("material.source_other");
}

void materials(Frame& f, const Guide& g) {
  section(f, f.trf("guide.materials", {{"n", std::to_string(g.materials.size())}}));
  if (g.materials.empty()) paragraph(body_style(f, f.palette.text), f.tr("guide.no_materials"));
  const float indent = f.metrics.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < g.materials.size(); ++i) {
    const Material& m = g.materials[i];
    // Each material is a card; its height is known only after drawing, so the card goes into
    // the channel behind the text.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(indent);
    ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
    // Body size: material names are catalogue text, which the title font does not carry.
    paragraph(body_style(f, f.palette.text), std::to_string(i + 1) + ". " + text_or(f, m.name, m.name_en), 0.0f,
              width - 2.0f * indent);
    badge_row(f, material_badges(f, m), indent);
    const float inner = width - 2.0f * indent;
    if (!m.notes.empty()) paragraph(muted_style(f), m.notes, indent, inner);
    field(f, K("material.source"), f.tr(source_key(m.source)), indent, inner);
    if (m.certificate) {
      paragraph(body_style(f, f.palette.text), f.tr("certificate.title"), indent, inner);
      field(f, K("certificate.basis"), m.certificate->basis, indent * 2.0f, inner);
      field(f, K("certificate.requested_by"), m.certificate->requested_by, indent * 2.0f, inner);
      field(f, K("certificate.issued_by"), m.certificate->issued_by, indent * 2.0f, inner);
      field(f, K("certificate.how_to_get"), m.certificate->guide, indent * 2.0f, inner);
    }
    ImGui::Unindent(indent);
    const float bottom = ImGui::GetCursorScreenPos().y;
    dl->ChannelsSetCurrent(0);
    const ImU32 edge = f.color(m.necessity == catalogue::Necessity::required ? f.palette.primary : f.palette.border);
    dl->AddRectFilled(top, ImVec2(top.x + width, bottom), f.color(f.palette.panel), f.metrics.rounding);
    dl->AddRectFilled(top, ImVec2(top.x + 6.0f, bottom), edge);
    dl->ChannelsMerge();
  }
}

void time_limits(Frame& f, const Guide& g) {
  section(f, f.tr("guide.time_limits"));
  field(f, K("guide.case_type"),
        f.tr(g.case_type == catalogue::CaseType::immediate ? K("guide.case_immediate") : K("guide.case_promised")));
  field(f, K("guide.statutory_limit"), format_limit(f.strings, g.statutory_limit));
  field(f, K("guide.promised_limit"), format_limit(f.strings, g.promised_limit));
  if (!g.time_limit_note.empty()) paragraph(muted_style(f), g.time_limit_note);
}

void fees(Frame& f, const Guide& g) {
  section(f, f.tr("guide.fees"));
  if (g.is_free()) {
    badge_row(f, {{f.tr("guide.free"), f.palette.good}});
    return;
  }
  for (const auto& fee : g.fees) {
    if (fee.standard.empty())
      paragraph(body_style(f, f.palette.text), fee.item);
    else
      paragraph(body_style(f, f.palette.text),
                f.trf("fmt.label_value", {{"label", fee.item}, {"value", fee.standard}}));
    field(f, K("guide.fee_basis"), fee.basis, f.metrics.pad);
    if (fee.waivable) paragraph(muted_style(f), f.tr("guide.fee_waivable"), f.metrics.pad);
  }
}

void where(Frame& f, const CatalogueView& view, const Guide& g) {
  section(f, f.tr("guide.where"));
  field(f, K("guide.window"), view.window_name(g.location.window, f.english));
  field(f, K("guide.hours"), g.location.hours);
  field(f, K("guide.address"), g.location.address);
}

void steps(Frame& f, const Guide& g) {
  if (g.steps.empty()) return;
  section(f, f.tr("guide.steps"));
  for (std::size_t i = 0; i < g.steps.size(); ++i) {
    const auto& s = g.steps[i];
    std::string head = f.trf("guide.step", {{"n", std::to_string(i + 1)}, {"title", text_or(f, s.title, s.title_en)}});
    if (s.time_limit) head += f.trf("guide.step_limit", {{"limit", format_limit(f.strings, *s.time_limit)}});
    paragraph(body_style(f, f.palette.text), head);
    if (!s.detail.empty()) paragraph(muted_style(f), s.detail, f.metrics.pad);
  }
}

void visits(Frame& f, const Guide& g) {
  section(f, f.tr("guide.visits"));
  badge_row(f, {{visits_badge(f.strings, g.onsite_visits), g.is_one_visit() ? f.palette.good : f.palette.neutral}});
  if (!g.onsite_reason.empty()) paragraph(muted_style(f), g.onsite_reason);
}

void phones(Frame& f, const Guide& g) {
  if (g.contact_phone.empty() && g.complaint_phone.empty()) return;
  section(f, f.tr("guide.phones"));
  field(f, K("guide.contact_phone"), g.contact_phone);
  field(f, K("guide.complaint_phone"), g.complaint_phone);
}

void legal_basis(Frame& f, const Guide& g) {
  if (g.legal_basis.empty()) return;
  section(f, f.tr("guide.legal_basis"));
  for (const auto& b : g.legal_basis) {
    std::string line = b.title;
    for (const std::string* part : {&b.doc_no, &b.clause}) {
      if (!part->empty()) line += " " + *part;
    }
    paragraph(body_style(f, f.palette.text), line);
  }
}

void faq(Frame& f, const Guide& g) {
  if (g.faq.empty()) return;
  section(f, f.tr("guide.faq"));
  for (const auto& q : g.faq) {
    paragraph(body_style(f, f.palette.text), f.trf("guide.faq_q", {{"q", q.q}}));
    paragraph(muted_style(f), f.trf("guide.faq_a", {{"a", q.a}}), f.metrics.pad);
  }
}

void summary(Frame& f, const Guide& g) {
  paragraph(title_style(f, f.palette.text), text_or(f, g.name, g.name_en));
  std::vector<BadgeSpec> b;
  if (g.status == catalogue::GuideStatus::suspended) b.push_back({f.tr("badge.suspended"), f.palette.warn});
  b.push_back({visits_badge(f.strings, g.onsite_visits), g.is_one_visit() ? f.palette.good : f.palette.neutral});
  b.push_back(
      {f.trf("guide.promised_badge", {{"limit", format_limit(f.strings, g.promised_limit)}}), f.palette.primary});
  if (g.is_free()) b.push_back({f.tr("guide.free"), f.palette.good});
  badge_row(f, b);
  field(f, K("guide.department"), g.department.name);
}

void guide_body(Frame& f, const CatalogueView& view, const Guide& g) {
  summary(f, g);
  materials(f, g);
  if (!g.conditions.empty()) {
    section(f, f.tr("guide.conditions"));
    paragraph(body_style(f, f.palette.text), text_or(f, g.conditions, g.conditions_en));
  }
  time_limits(f, g);
  fees(f, g);
  where(f, view, g);
  steps(f, g);
  visits(f, g);
  phones(f, g);
  legal_basis(f, g);
  faq(f, g);
  ImGui::Dummy(ImVec2(0, f.metrics.pad * 2.0f));
}

}  // namespace

Intent draw_guide(Frame& f, const CatalogueView& view, const GuideModel& m, Area area, ScrollState& scroll) {
  Intent out;
  ImGui::SetCursorScreenPos(area.pos);
  if (!m.guide) {
    page_heading(f, f.tr("guide.loading_title"), m.name);
    return out;
  }
  if (!*m.guide) {
    page_heading(f, f.tr("guide.unavailable_title"), f.tr("guide.unavailable_hint"));
    return out;
  }
  const float action_h = std::max(f.metrics.button_h, f.metrics.min_target) * 1.1f;
  const float notes_h = m.take_number_enabled ? 0.0f : f.body_line();
  const float body_h = area.size.y - action_h - notes_h - f.metrics.gap * 2.0f;
  begin_touch_scroll(f, "##guide", ImVec2(area.size.x, body_h), scroll);
  guide_body(f, view, **m.guide);
  end_touch_scroll(f, scroll);

  // The action bar: 取号, and while it is not wired, why.
  const float y = area.pos.y + area.size.y - action_h - notes_h;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(area.pos.x, y - f.metrics.gap * 0.5f),
                                      ImVec2(area.pos.x + area.size.x, y - f.metrics.gap * 0.5f),
                                      f.color(f.palette.border), 2.0f);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
  const float w = std::min(area.size.x, 640.0f * f.metrics.text_scale);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + (area.size.x - w) * 0.5f, y));
  if (big_button(f, {"guide:take_number", f.tr("guide.take_number"), ImVec2(w, action_h), ButtonKind::accent,
                     m.take_number_enabled && !m.sending, true})) {
    out = {Intent::Kind::take_number, (*m.guide)->id};
  }
  if (!m.take_number_enabled) {
    const std::string& why = f.tr("guide.take_number_disabled");
    const TextStyle s = muted_style(f);
    const float tw = std::min(text_width(s.font, s.size, why), area.size.x);
    draw_line_clipped(ImGui::GetWindowDrawList(), s,
                      ImVec2(area.pos.x + (area.size.x - tw) * 0.5f, y + action_h + f.metrics.gap * 0.25f), why,
                      area.size.x);
  }
  return out;
}

}  // namespace hall::ui
