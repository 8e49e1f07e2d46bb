// SPDX-License-Identifier: Apache-2.0
// Along the bottom of the work screen: 补打凭条 for the current ticket, 打印一次性告知单 while the
// checklist has required materials unticked, what became of the last one, and the counter
// printer's fault when it has one, in plain words.
#include "counter/slip_strip.h"

#include <algorithm>

#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

const char* problem_key(slip::PrinterProblem p) {
  switch (p) {
    case slip::PrinterProblem::none:
      return K("counter.printer.ok");
    case slip::PrinterProblem::unreachable:
      return K("counter.printer.unreachable");
    case slip::PrinterProblem::no_such_queue:
      return K("counter.printer.no_such_queue");
    case slip::PrinterProblem::not_accepting:
      return K("counter.printer.not_accepting");
    case slip::PrinterProblem::stopped:
      return K("counter.printer.stopped");
    case slip::PrinterProblem::offline:
      return K("counter.printer.offline");
    case slip::PrinterProblem::media_empty:
      return K("counter.printer.media_empty");
    case slip::PrinterProblem::media_jam:
      return K("counter.printer.media_jam");
    case slip::PrinterProblem::cover_open:
      return K("counter.printer.cover_open");
    case slip::PrinterProblem::other:
      return K("counter.printer.other");
  }
  return K("counter.printer.other");
}

std::string note_text(const Frame& f, const SlipNote& n) {
  switch (n.phase) {
    case SlipNote::Phase::none:
      return {};
    case SlipNote::Phase::sending:
      return f.trf(n.notice ? K("counter.slip.notice_printing") : K("counter.slip.reprint_sending"), {{"number", n.number}});
    case SlipNote::Phase::done:
      return f.trf(n.notice ? K("counter.slip.notice_printed") : K("counter.slip.reprint_done"), {{"number", n.number}});
    case SlipNote::Phase::failed: {
      const std::string& why = f.english && !n.message_en.empty() ? n.message_en : n.message;
      return f.trf(n.notice ? K("counter.slip.notice_failed") : K("counter.slip.reprint_failed"), {{"number", n.number}}) + why;
    }
  }
  return {};
}

}  // namespace

float slip_strip_height(const Frame& f) {
  return std::max(f.metrics.button_h, f.metrics.min_target) + f.body_line() + f.metrics.gap;
}

SlipStripIntent draw_slip_strip(Frame& f, const SlipStripView& v, Area area) {
  SlipStripIntent out = SlipStripIntent::none;
  const float gap = f.metrics.gap;
  const float bh = std::max(f.metrics.button_h, f.metrics.min_target);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(area.pos, ImVec2(area.pos.x + area.size.x, area.pos.y), f.color(f.palette.border), 2.0f);
  const float y = area.pos.y + gap * 0.5f;
  const std::string reprint = f.tr("counter.slip.reprint");
  const std::string notice = v.missing > 0 ? f.trf("counter.slip.notice", {{"n", std::to_string(v.missing)}})
                                           : f.tr("counter.slip.notice_none");
  const float w1 = button_width(f, reprint) + 2.0f * f.metrics.pad;
  const float w2 = button_width(f, notice) + 2.0f * f.metrics.pad;
  const bool busy = v.note && v.note->phase == SlipNote::Phase::sending;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
  if (big_button(f, {"counter:reprint", reprint, ImVec2(w1, bh), ButtonKind::secondary, v.has_ticket && !busy, true})) {
    out = SlipStripIntent::reprint;
  }
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + w1 + gap, y));
  if (big_button(f, {"counter:notice", notice, ImVec2(w2, bh), ButtonKind::primary, v.missing > 0 && !busy, true})) {
    out = SlipStripIntent::notice;
  }
  const float text_x = area.pos.x + w1 + w2 + 2.0f * gap;
  const float text_w = std::max(0.0f, area.pos.x + area.size.x - text_x);
  const TextStyle st = body_style(f, v.note && v.note->phase == SlipNote::Phase::failed ? f.palette.accent : f.palette.text);
  if (v.note) draw_paragraph(dl, st, ImVec2(text_x, y), note_text(f, *v.note), text_w);
  // The printer's fault on its own line, so it is seen before the clerk needs the printer.
  if (v.printer != slip::PrinterProblem::none) {
    const TextStyle warn = body_style(f, f.palette.accent);
    draw_line_clipped(dl, warn, ImVec2(area.pos.x, y + bh + gap * 0.25f),
                      f.tr("counter.printer.title") + f.tr(problem_key(v.printer)), area.size.x);
  }
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y));
  return out;
}

}  // namespace hall::ui

namespace hall::ui {

std::function<void(SlipNote)> SlipCorner::answer() {
  return [this, life = std::weak_ptr<int>(alive_)](SlipNote n) {
    if (!life.expired()) note_ = std::move(n);
  };
}

void SlipCorner::ask_reprint(const CounterTicket& t) {
  note_ = {SlipNote::Phase::sending, {}, {}, t.number, false};
  port_->reprint(t.number, answer());
}

void SlipCorner::ask_notice(const CounterTicket& t, const std::vector<bool>& checks) {
  std::vector<CounterMaterial> missing;
  for (std::size_t i = 0; i < t.materials.size(); ++i) {
    if (t.materials[i].required && !(i < checks.size() && checks[i])) missing.push_back(t.materials[i]);
  }
  if (missing.empty()) return;
  note_ = {SlipNote::Phase::sending, {}, {}, t.number, true};
  port_->print_notice(t, missing, answer());
}

void SlipCorner::draw(Frame& f, const CounterSnapshot* snapshot, const std::vector<bool>* checks, Area area) {
  if (!port_) return;
  static const std::vector<bool> none;
  const std::vector<bool>& ticked = checks ? *checks : none;
  const auto& current = snapshot ? snapshot->current : std::nullopt;
  SlipStripView v;
  v.has_ticket = current.has_value();
  v.missing = current ? missing_required(*current, ticked) : 0;
  v.note = note_.phase == SlipNote::Phase::none ? nullptr : &note_;
  v.printer = port_->printer_problem();
  const SlipStripIntent i = draw_slip_strip(f, v, area);
  if (i == SlipStripIntent::reprint && current) ask_reprint(*current);
  if (i == SlipStripIntent::notice && current) ask_notice(*current, ticked);
}

}  // namespace hall::ui
