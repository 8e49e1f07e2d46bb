// SPDX-License-Identifier: Apache-2.0
// A guide, in the order a visitor needs it: what to bring, who may apply, how long it takes,
// what it costs, where to go, the steps, how many visits, whom to call, the law, and the FAQ.
// Portrait reads as one column; landscape puts what to bring beside where, when and how. 取号
// stays at the bottom.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "notices/promised_due.h"
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
  section(f, count_text(f.strings, K("guide.materials"), K("guide.materials_one"), g.materials.size()));
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
    // Notes and where the material comes from share one line: a card per material stays short.
    const std::string source =
        f.trf("fmt.label_value", {{"label", f.tr("material.source")}, {"value", f.tr(source_key(m.source))}});
    const std::string notes = text_or(f, m.notes, m.notes_en);
    paragraph(muted_style(f), notes.empty() ? source : notes + " · " + source, indent, inner);
    if (m.certificate) {
      paragraph(body_style(f, f.palette.text), f.tr("certificate.title"), indent, inner);
      field(f, K("certificate.basis"), m.certificate->basis, indent * 2.0f, inner);
      field(f, K("certificate.requested_by"), m.certificate->requested_by, indent * 2.0f, inner);
      field(f, K("certificate.issued_by"), text_or(f, m.certificate->issued_by, m.certificate->issued_by_en),
            indent * 2.0f, inner);
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

// The promised limit as the date it comes to for a request made today, with the hall's calendar:
// "今天申请，预计 12月11日前办结". Nothing without a calendar (never a date counted without the
// holidays) and nothing for a suspended service, which takes no request today.
void promised_date(Frame& f, const GuideModel& m, const Guide& g) {
  if (!m.calendar || !m.today.ok() || g.status != catalogue::GuideStatus::active) return;
  const auto due = notices::promised_due(g.promised_limit, m.today, *m.calendar);
  if (!due) return;
  const TextStyle st = body_style(f, f.palette.text);
  if (due->same_day) {
    paragraph(st, f.tr("guide.due_same_day"));
    return;
  }
  const std::string phrase = f.english ? due_phrase_en(due->due.date, m.today) : due_phrase_zh(due->due.date, m.today);
  paragraph(st, f.trf("guide.due_if_today", {{"due", phrase}}));
  if (due->due.estimated) {
    paragraph(muted_style(f), f.trf("guide.due_estimated", {{"year", std::to_string(due->unknown_year)}}));
  }
}

void time_limits(Frame& f, const Guide& g) {
  section(f, f.tr("guide.time_limits"));
  field(f, K("guide.case_type"),
        f.tr(g.case_type == catalogue::CaseType::immediate ? K("guide.case_immediate") : K("guide.case_promised")));
  field(f, K("guide.statutory_limit"), format_limit(f.strings, g.statutory_limit));
  field(f, K("guide.promised_limit"), format_limit(f.strings, g.promised_limit));
  if (!g.time_limit_note.empty()) paragraph(muted_style(f), text_or(f, g.time_limit_note, g.time_limit_note_en));
}

void fees(Frame& f, const Guide& g) {
  section(f, f.tr("guide.fees"));
  if (g.is_free()) {
    badge_row(f, {{f.tr("guide.free"), f.palette.good}});
    return;
  }
  for (const auto& fee : g.fees) {
    const std::string item = text_or(f, fee.item, fee.item_en), standard = text_or(f, fee.standard, fee.standard_en);
    if (standard.empty())
      paragraph(body_style(f, f.palette.text), item);
    else
      paragraph(body_style(f, f.palette.text), f.trf("fmt.label_value", {{"label", item}, {"value", standard}}));
    field(f, K("guide.fee_basis"), fee.basis, f.metrics.pad);
    if (fee.waivable) paragraph(muted_style(f), f.tr("guide.fee_waivable"), f.metrics.pad);
  }
}

void where(Frame& f, const CatalogueView& view, const Guide& g) {
  section(f, f.tr("guide.where"));
  field(f, K("guide.window"), view.window_name(g.location.window, f.english));
  field(f, K("guide.hours"), text_or(f, g.location.hours, g.location.hours_en));
  field(f, K("guide.address"), text_or(f, g.location.address, g.location.address_en));
}

void steps(Frame& f, const Guide& g) {
  if (g.steps.empty()) return;
  section(f, f.tr("guide.steps"));
  for (std::size_t i = 0; i < g.steps.size(); ++i) {
    const auto& s = g.steps[i];
    std::string head = f.trf("guide.step", {{"n", std::to_string(i + 1)}, {"title", text_or(f, s.title, s.title_en)}});
    if (s.time_limit) head += f.trf("guide.step_limit", {{"limit", format_limit(f.strings, *s.time_limit)}});
    paragraph(body_style(f, f.palette.text), head);
    if (!s.detail.empty()) paragraph(muted_style(f), text_or(f, s.detail, s.detail_en), f.metrics.pad);
  }
}

void visits(Frame& f, const Guide& g) {
  section(f, f.tr("guide.visits"));
  badge_row(f, {{visits_badge(f.strings, g.onsite_visits), g.is_one_visit() ? f.palette.good : f.palette.neutral}});
  if (!g.onsite_reason.empty()) paragraph(muted_style(f), text_or(f, g.onsite_reason, g.onsite_reason_en));
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
    paragraph(body_style(f, f.palette.text), f.trf("guide.faq_q", {{"q", text_or(f, q.q, q.q_en)}}));
    paragraph(muted_style(f), f.trf("guide.faq_a", {{"a", text_or(f, q.a, q.a_en)}}), f.metrics.pad);
  }
}

// Why the service is suspended and until when, right under its badges: the first thing to read.
void suspension_note(Frame& f, const Guide& g) {
  const TextStyle st = body_style(f, f.palette.text);
  if (g.suspension && !g.suspension->reason.empty()) {
    paragraph(
        st, f.trf("guide.suspension_reason", {{"reason", text_or(f, g.suspension->reason, g.suspension->reason_en)}}));
  }
  if (g.suspension && !g.suspension->until.empty()) {
    paragraph(st, f.trf("guide.suspension_until", {{"date", format_day(f.strings, g.suspension->until)}}));
  } else {
    paragraph(st, f.tr("guide.suspension_open"));
  }
}

// Under the title of a guide changed lately: since when, and what changed in plain words, so a
// visitor who came with last month's list of materials reads the difference first. Wrapped.
void change_note(Frame& f, const CatalogueView& view, const GuideModel& m, const Guide& g) {
  if (!g.change || !change_is_recent(g.change->since, m.today, view.changed_mark_days())) return;
  badge_row(f, {{changed_mark(f.strings, g.change->since, m.today), f.palette.warn}});
  paragraph(body_style(f, f.palette.text), text_or(f, g.change->summary, g.change->summary_en));
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
}

void summary(Frame& f, const CatalogueView& view, const GuideModel& m, const Guide& g) {
  paragraph(title_style(f, f.palette.text), text_or(f, g.name, g.name_en));
  change_note(f, view, m, g);
  std::vector<BadgeSpec> b;
  const bool suspended = g.status == catalogue::GuideStatus::suspended;
  if (suspended) b.push_back({suspended_badge(f.strings, g.suspension ? g.suspension->until : ""), f.palette.warn});
  // A suspended service cannot be done in one visit now: its visits are not shown as good news.
  b.push_back(
      {visits_badge(f.strings, g.onsite_visits), g.is_one_visit() && !suspended ? f.palette.good : f.palette.neutral});
  b.push_back(
      {f.trf("guide.promised_badge", {{"limit", format_limit(f.strings, g.promised_limit)}}), f.palette.primary});
  if (g.is_free()) {
    b.push_back({f.tr("guide.free"), f.palette.good});
  } else {
    // What it costs, where 免费 would be: the first fee's standard ("收费 20元"), or just 收费.
    const auto& fee = g.fees.front();
    const std::string standard = text_or(f, fee.standard, fee.standard_en);
    b.push_back({standard.empty() ? f.tr("guide.fee_badge_plain") : f.trf("guide.fee_badge", {{"standard", standard}}),
                 f.palette.warn});
  }
  badge_row(f, b);
  // Under the 承诺 badge, where the eye already is: the date it comes to.
  promised_date(f, m, g);
  if (suspended) suspension_note(f, g);
  field(f, K("guide.department"), text_or(f, g.department.name, g.department.name_en));
}

// What to do once the visitor knows what to bring: who may apply, where, when, how long.
void guide_aside(Frame& f, const CatalogueView& view, const Guide& g) {
  if (!g.conditions.empty()) {
    section(f, f.tr("guide.conditions"));
    paragraph(body_style(f, f.palette.text), text_or(f, g.conditions, g.conditions_en));
  }
  where(f, view, g);
  time_limits(f, g);
  fees(f, g);
  steps(f, g);
  visits(f, g);
  phones(f, g);
  legal_basis(f, g);
  faq(f, g);
  ImGui::Dummy(ImVec2(0, f.metrics.pad * 2.0f));
}

// One column, for portrait: the answer in the order a visitor needs it.
void guide_body(Frame& f, const CatalogueView& view, const GuideModel& m, const Guide& g) {
  summary(f, view, m, g);
  materials(f, g);
  guide_aside(f, view, g);
}

// The bottom bar: 取号 when the hub is wired; else a plain line saying where to take a number,
// drawn as text rather than a button nobody can press. The plain line wraps (English in portrait
// 长辈模式 takes two lines) and the bar grows with it. With a voice, 朗读 sits beside 取号 when
// both fit on one row and above it when they do not, and a line above them says what the voice
// is doing (正在朗读…, or that this kiosk cannot play sound).
struct ActionBar {
  bool read = false;    // 朗读 is offered
  bool beside = false;  // 朗读 and 取号 share a row
  float button_h = 0, read_w = 0, take_w = 0, where_h = 0, status_h = 0;
  std::string_view status;  // empty: the voice is idle

  float height(const Frame& f, bool take) const {
    float h = status_h + (take ? button_h : where_h);
    if (read && !beside) h += button_h + f.metrics.gap;
    return h;
  }
};

// Labels in the title font, as the buttons draw them.
float title_button_width(const Frame& f, std::string_view label) {
  return text_width(f.title(), f.title_size(), label) + 2.0f * f.metrics.pad;
}

std::string_view reading_status(const Frame& f, ReadingState::Phase phase) {
  switch (phase) {
    case ReadingState::Phase::idle:
      return {};
    case ReadingState::Phase::reading:
      return f.tr("guide.reading_now");
    case ReadingState::Phase::no_sound:
      return f.tr("guide.no_sound");
    case ReadingState::Phase::failed:
      return f.tr("guide.read_failed");
  }
  return {};
}

ActionBar plan_action_bar(const Frame& f, const GuideModel& m, float width) {
  ActionBar b;
  b.button_h = std::max(f.metrics.button_h, f.metrics.min_target) * 1.1f;
  const TextStyle st = body_style(f, f.palette.text);
  if (!m.take_number_enabled) {
    const auto lines = wrap_lines(st.font, st.size, f.tr("guide.take_number_elsewhere"), width).size();
    b.where_h = static_cast<float>(std::max<std::size_t>(lines, 1)) * f.body_line() + f.metrics.gap;
  } else {
    b.take_w = std::min(width, 640.0f * f.metrics.text_scale);
  }
  b.read = m.read_aloud_enabled;
  if (!b.read) return b;
  // Room for the icon on either side of the label, so the label stays in the middle.
  const float icon = 2.0f * (f.title_size() * 0.8f + f.metrics.gap) + f.metrics.gap;
  b.read_w = std::min(width, std::max({title_button_width(f, f.tr("guide.read_aloud")) + icon,
                                       title_button_width(f, f.tr("guide.read_aloud_stop")) + icon,
                                       360.0f * f.metrics.text_scale}));
  if (m.take_number_enabled) {
    const float room = width - b.read_w - f.metrics.gap * 2.0f;
    const float need = std::max(title_button_width(f, f.tr("guide.take_number")),
                                title_button_width(f, f.tr("guide.take_number_sending")));
    if (room >= need) {
      b.beside = true;
      b.take_w = std::min(b.take_w, room);
    }
  }
  b.status = reading_status(f, m.reading);
  if (!b.status.empty()) {
    const auto lines = wrap_lines(st.font, st.size, b.status, width).size();
    b.status_h = static_cast<float>(std::max<std::size_t>(lines, 1)) * f.body_line() + f.metrics.gap * 0.5f;
  }
  return b;
}

float action_height(const Frame& f, const GuideModel& m, float width) {
  return plan_action_bar(f, m, width).height(f, m.take_number_enabled);
}

// A loudspeaker (朗读) or a stop square (停止朗读), drawn rather than a glyph: a visitor who cannot
// read the label still knows the button by it. `right`: where the label begins.
void reading_icon(const Frame& f, ImVec2 min, float right, float height, bool reading) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = f.title_size() * 0.8f;
  const float x0 = right - f.metrics.gap - s;
  const float cy = min.y + height * 0.5f;
  const ImU32 c = f.color(f.palette.on_primary);
  if (reading) {
    const float half = s * 0.3f;
    dl->AddRectFilled(ImVec2(x0 + s * 0.5f - half, cy - half), ImVec2(x0 + s * 0.5f + half, cy + half), c, 2.0f);
    return;
  }
  dl->AddRectFilled(ImVec2(x0, cy - s * 0.17f), ImVec2(x0 + s * 0.24f, cy + s * 0.17f), c);
  dl->AddQuadFilled(ImVec2(x0 + s * 0.22f, cy - s * 0.17f), ImVec2(x0 + s * 0.52f, cy - s * 0.42f),
                    ImVec2(x0 + s * 0.52f, cy + s * 0.42f), ImVec2(x0 + s * 0.22f, cy + s * 0.17f), c);
  const float line = std::max(2.0f, s * 0.07f);
  for (float r : {s * 0.2f, s * 0.38f}) {
    dl->PathArcTo(ImVec2(x0 + s * 0.6f, cy), r, -0.8f, 0.8f, 12);
    dl->PathStroke(c, 0, line);
  }
}

float reading_icon_width(const Frame& f) {
  return f.title_size() * 0.8f + f.metrics.gap;
}

Intent read_button(Frame& f, const GuideModel& m, ImVec2 at, const ActionBar& b) {
  ImGui::SetCursorScreenPos(at);
  const bool reading = m.reading == ReadingState::Phase::reading;
  const std::string& label = reading ? f.tr("guide.read_aloud_stop") : f.tr("guide.read_aloud");
  const ButtonKind kind = reading ? ButtonKind::toggle_on : ButtonKind::primary;
  const bool tapped = big_button(f, {"guide:read_aloud", label, ImVec2(b.read_w, b.button_h), kind, !m.sending, true});
  const float label_w = text_width(f.title(), f.title_size(), label);
  if (!m.sending && b.read_w >= label_w + 2.0f * reading_icon_width(f) + 2.0f * f.metrics.gap) {
    reading_icon(f, at, at.x + (b.read_w - label_w) * 0.5f, b.button_h, reading);
  }
  if (!tapped) return {};
  if (reading) return {Intent::Kind::stop_reading};
  return {Intent::Kind::read_aloud, (*m.guide)->id};
}

Intent action_bar(Frame& f, const GuideModel& m, Area area) {
  Intent out;
  const ActionBar b = plan_action_bar(f, m, area.size.x);
  float y = area.pos.y + area.size.y - b.height(f, m.take_number_enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(area.pos.x, y - f.metrics.gap * 0.5f), ImVec2(area.pos.x + area.size.x, y - f.metrics.gap * 0.5f),
              f.color(f.palette.border), 2.0f);
  if (!b.status.empty()) {
    const bool trouble = m.reading != ReadingState::Phase::reading;
    const TextStyle st = body_style(f, trouble ? f.palette.warn : f.palette.primary);
    const float tw = std::min(text_width(st.font, st.size, b.status), area.size.x);
    draw_paragraph(dl, st, ImVec2(area.pos.x + (area.size.x - tw) * 0.5f, y), b.status, area.size.x);
    y += b.status_h;
  }
  if (b.read && !b.beside) {
    if (Intent i = read_button(f, m, ImVec2(area.pos.x + (area.size.x - b.read_w) * 0.5f, y), b)) out = i;
    y += b.button_h + f.metrics.gap;
  }
  if (!m.take_number_enabled) {
    const std::string& where_to = f.tr("guide.take_number_elsewhere");
    const TextStyle st = body_style(f, f.palette.text);
    const float tw = std::min(text_width(st.font, st.size, where_to), area.size.x);
    draw_paragraph(dl, st, ImVec2(area.pos.x + (area.size.x - tw) * 0.5f, y + f.metrics.gap * 0.25f), where_to,
                   area.size.x);
    return out;
  }
  const float row_w = b.beside ? b.read_w + f.metrics.gap * 2.0f + b.take_w : b.take_w;
  float x = area.pos.x + (area.size.x - row_w) * 0.5f;
  if (b.beside) {
    if (Intent i = read_button(f, m, ImVec2(x, y), b)) out = i;
    x += b.read_w + f.metrics.gap * 2.0f;
  }
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  const std::string& label = m.sending ? f.tr("guide.take_number_sending") : f.tr("guide.take_number");
  if (big_button(f, {"guide:take_number", label, ImVec2(b.take_w, b.button_h), ButtonKind::accent, !m.sending, true})) {
    out = {Intent::Kind::take_number, (*m.guide)->id};
  }
  return out;
}

}  // namespace

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

Intent draw_guide(Frame& f, const CatalogueView& view, const GuideModel& m, Area area, ScrollState& scroll,
                  ScrollState& aside) {
  ImGui::SetCursorScreenPos(area.pos);
  if (!m.guide) {
    page_heading(f, f.tr("guide.loading_title"), m.name);
    return {};
  }
  if (!*m.guide) {
    page_heading(f, f.tr("guide.unavailable_title"), f.tr("guide.unavailable_hint"));
    return {};
  }
  const Guide& g = **m.guide;
  const float body_h = area.size.y - action_height(f, m, area.size.x) - f.metrics.gap;
  if (f.portrait) {
    begin_touch_scroll(f, "##guide", ImVec2(area.size.x, body_h), scroll);
    guide_body(f, view, m, g);
    end_touch_scroll(f, scroll);
  } else {
    // Landscape: the name and what to bring on the left, where, when and how on the right, each
    // column scrolling by itself: a typical guide needs no scroll at all.
    const float top = area.pos.y;
    const float columns_h = body_h;
    const float gap = f.metrics.gap * 2.0f;
    const float left_w = std::floor((area.size.x - gap) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, top));
    begin_touch_scroll(f, "##guide", ImVec2(left_w, columns_h), scroll);
    summary(f, view, m, g);
    materials(f, g);
    ImGui::Dummy(ImVec2(0, f.metrics.pad));
    end_touch_scroll(f, scroll);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + left_w + gap, top));
    begin_touch_scroll(f, "##guide_aside", ImVec2(area.size.x - left_w - gap, columns_h), aside);
    guide_aside(f, view, g);
    end_touch_scroll(f, aside);
  }
  return action_bar(f, m, area);
}

}  // namespace hall::ui
