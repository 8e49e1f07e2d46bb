// SPDX-License-Identifier: Apache-2.0
// The ticket: the number as large as the screen allows, the people ahead and the wait, the QR code
// of the status page for the visitor's phone, what to bring with 原件/复印件 counts, and where to
// listen for the call. It goes home by itself after a minute (the visitor has what they need), and
// 完成 goes at once. Landscape: number | QR | materials; portrait: number beside QR, then materials.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/qr_code.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

std::string text_or(const Frame& f, const std::string& zh, const std::string& en) {
  return f.english && !en.empty() ? en : zh;
}

// The font the number is drawn in: its own when that font holds every character of it, else the
// title font at twice its size.
std::pair<ImFont*, float> number_font(Frame& f, const std::string& number) {
  for (const char c : number) {
    if (f.number()->FindGlyphNoFallback(static_cast<ImWchar>(static_cast<unsigned char>(c))) == nullptr) {
      return {f.title(), f.title_size() * 2.0f};
    }
  }
  return {f.number(), f.number_size()};
}

// The number, shrunk to fit `width` (a narrow column: portrait in 长辈模式) and `max_h` (what the
// block leaves it) rather than cut or drawn over the lines below.
void draw_number(Frame& f, ImDrawList* dl, ImVec2 pos, float width, float max_h, const std::string& number) {
  auto [font, size] = number_font(f, number);
  const float w = text_width(font, size, number);
  if (w > width && w > 0.0f) size *= width / w;
  // Whole pixels: ImGui puts the next line's cursor on a whole pixel too.
  size = std::floor(std::min(size, std::max(max_h, f.title_size())));
  draw_text(dl, font, size, pos, f.color(f.palette.text), number);
  ImGui::Dummy(ImVec2(width, size));
}

// The lines of the number block around the number.
struct NumberLines {
  std::string ahead, wait;
  TextStyle ahead_style;
};

NumberLines number_lines(Frame& f, const TicketModel& m, float width) {
  const IssuedTicket& t = *m.state->ticket;
  NumberLines out{{}, {}, title_style(f, f.palette.accent)};
  const std::string n = std::to_string(t.ahead);
  const bool again = m.state->purpose == TicketState::Purpose::reactivate;
  out.ahead = t.ahead == 0 ? f.tr(again ? K("ticket.requeued_none_ahead") : K("ticket.none_ahead"))
                           : f.trf(again ? K("ticket.requeued_ahead") : K("ticket.ahead"), {{"n", n}});
  // One line, in the title size when it fits, else the body size: "3" and "人" must not part.
  if (text_width(out.ahead_style.font, out.ahead_style.size, out.ahead) > width) {
    out.ahead_style = body_style(f, f.palette.accent);
  }
  if (t.estimated_wait_s) {
    const int minutes = std::max(1, static_cast<int>(std::ceil(*t.estimated_wait_s / 60.0)));
    out.wait = f.trf("ticket.wait", {{"n", std::to_string(minutes)}});
  }
  return out;
}

// The hint on the notice colour: the one thing to do next (listen for the number).
float listen_hint_height(Frame& f, float width) {
  return paragraph_height(body_style(f, f.palette.on_notice), f.tr("ticket.listen"), width - 2.0f * f.metrics.gap) +
         f.metrics.gap;
}

void listen_hint(Frame& f, float width) {
  const TextStyle st = body_style(f, f.palette.on_notice);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = listen_hint_height(f, width);
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), f.color(f.palette.notice), f.metrics.rounding);
  draw_paragraph(dl, st, ImVec2(p.x + f.metrics.gap, p.y + f.metrics.gap * 0.5f), f.tr("ticket.listen"),
                 width - 2.0f * f.metrics.gap);
  ImGui::Dummy(ImVec2(width, h));
}

// Height of everything in the number block but the number itself (the hint too when it is there).
float number_block_rest(Frame& f, const TicketModel& m, const NumberLines& lines, float width, bool hint) {
  float h = paragraph_height(muted_style(f), f.tr("ticket.your_number"), width);
  if (m.state->sample) h += paragraph_height(muted_style(f), f.tr("ticket.sample"), width);
  if (!m.group_name.empty()) h += paragraph_height(title_style(f, f.palette.text), m.group_name, width);
  h += f.metrics.gap * 1.5f;  // the gaps above people ahead and above the hint
  h += paragraph_height(lines.ahead_style, lines.ahead, width);
  if (!lines.wait.empty()) h += paragraph_height(body_style(f, f.palette.text), lines.wait, width);
  if (hint) h += listen_hint_height(f, width);
  // The spacing ImGui puts between the block's items: the number, its label, the two half gaps,
  // people ahead and the hint, and the optional lines.
  const int items =
      5 + (hint ? 1 : 0) + (m.state->sample ? 1 : 0) + (m.group_name.empty() ? 0 : 1) + (lines.wait.empty() ? 0 : 1);
  return h + static_cast<float>(items - 1) * ImGui::GetStyle().ItemSpacing.y;
}

// Number, group, people ahead, the wait, and (with `hint`) where to listen, within `max_h`.
void number_block(Frame& f, const TicketModel& m, float width, float max_h, bool hint) {
  const IssuedTicket& t = *m.state->ticket;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const NumberLines lines = number_lines(f, m, width);
  // The block's lines follow each other with only the gaps drawn here, so the number keeps what
  // ImGui's spacing would otherwise take in 长辈模式 (in English the lines are many).
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  ImGui::BeginGroup();
  paragraph(muted_style(f), f.tr("ticket.your_number"), 0.0f, width);
  if (m.state->sample) paragraph(muted_style(f), f.tr("ticket.sample"), 0.0f, width);
  draw_number(f, dl, ImGui::GetCursorScreenPos(), width, max_h - number_block_rest(f, m, lines, width, hint),
              t.number);
  if (!m.group_name.empty()) paragraph(title_style(f, f.palette.text), m.group_name, 0.0f, width);
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
  paragraph(lines.ahead_style, lines.ahead, 0.0f, width);
  if (!lines.wait.empty()) paragraph(body_style(f, f.palette.text), lines.wait, 0.0f, width);
  ImGui::Dummy(ImVec2(0, f.metrics.gap));
  if (hint) listen_hint(f, width);
  ImGui::EndGroup();
  ImGui::PopStyleVar();
}

// What became of the slip, under the QR code. When the printer cannot print, the words ask the
// visitor to photograph the code, on the notice colour so they are not missed.
void slip_line(Frame& f, SlipPhase phase, float width) {
  if (phase == SlipPhase::none) return;
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
  if (phase == SlipPhase::printing) {
    paragraph(muted_style(f), f.tr("ticket.slip_printing"), 0.0f, width);
    return;
  }
  if (phase == SlipPhase::printed) {
    paragraph(title_style(f, f.palette.text), f.tr("ticket.slip_printed"), 0.0f, width);
    return;
  }
  const TextStyle st = body_style(f, f.palette.on_notice);
  const std::string& words = f.tr("ticket.slip_unprintable");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float inner = width - 2.0f * f.metrics.gap;
  const float h = paragraph_height(st, words, inner) + f.metrics.gap;
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), f.color(f.palette.notice), f.metrics.rounding);
  draw_paragraph(dl, st, ImVec2(p.x + f.metrics.gap, p.y + f.metrics.gap * 0.5f), words, inner);
  ImGui::Dummy(ImVec2(width, h));
}

// Room the slip line and the caption take under the QR code, so the code shrinks just enough to
// leave them.
float under_qr_height(Frame& f, const TicketModel& m, float width) {
  const float spacing = ImGui::GetStyle().ItemSpacing.y;  // between the block's items
  float h = m.qr ? spacing + paragraph_height(body_style(f, f.palette.text), f.tr("ticket.scan"), width)
                 : paragraph_height(muted_style(f), f.tr("ticket.no_qr"), width);
  const SlipPhase phase = m.state->ticket->slip;
  if (phase == SlipPhase::none) return h;
  h += f.metrics.gap * 0.5f + 2.0f * spacing;
  if (phase == SlipPhase::printing) return h + paragraph_height(muted_style(f), f.tr("ticket.slip_printing"), width);
  if (phase == SlipPhase::printed) {
    return h + paragraph_height(title_style(f, f.palette.text), f.tr("ticket.slip_printed"), width);
  }
  return h + paragraph_height(body_style(f, f.palette.on_notice), f.tr("ticket.slip_unprintable"),
                              width - 2.0f * f.metrics.gap) +
         f.metrics.gap;
}

// The QR code with what it is for; `max_side` bounds the code, the caption goes below.
void qr_block(Frame& f, const TicketModel& m, float width, float max_side) {
  ImGui::BeginGroup();
  const std::string& caption = f.tr("ticket.scan");
  if (m.qr) {
    const float side = qr_side(*m.qr, std::min(width, max_side));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_qr(ImGui::GetWindowDrawList(), ImVec2(p.x + (width - side) * 0.5f, p.y), *m.qr, side);
    ImGui::Dummy(ImVec2(width, side));
    const TextStyle st = body_style(f, f.palette.text);
    const float tw = std::min(text_width(st.font, st.size, caption), width);
    paragraph(st, caption, (width - tw) * 0.5f, width);
  } else {
    paragraph(muted_style(f), f.tr("ticket.no_qr"), 0.0f, width);
  }
  slip_line(f, m.state->ticket->slip, width);
  ImGui::EndGroup();
}

void materials_block(Frame& f, const TicketModel& m, float width) {
  const TextStyle head = title_style(f, f.palette.text);
  if (!m.guide) {
    // A consultation has no guide: the desk will say what is needed.
    paragraph(head, f.tr("ticket.bring"), 0.0f, width);
    paragraph(body_style(f, f.palette.text), f.tr("ticket.bring_ask"), 0.0f, width);
    return;
  }
  const catalogue::Guide& g = *m.guide;
  paragraph(head, f.tr("ticket.bring"), 0.0f, width);
  paragraph(muted_style(f), text_or(f, g.name, g.name_en), 0.0f, width);
  if (g.materials.empty()) paragraph(body_style(f, f.palette.text), f.tr("guide.no_materials"), 0.0f, width);
  for (std::size_t i = 0; i < g.materials.size(); ++i) {
    const catalogue::Material& mat = g.materials[i];
    ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
    paragraph(body_style(f, f.palette.text), std::to_string(i + 1) + ". " + text_or(f, mat.name, mat.name_en), 0.0f,
              width);
    badge_row(f, material_badges(f, mat), f.metrics.pad);
  }
  ImGui::Dummy(ImVec2(0, f.metrics.pad));
}

// The countdown and 完成 at the bottom.
float bottom_height(const Frame& f) {
  return std::max(f.metrics.button_h, f.metrics.min_target) + f.metrics.gap;
}

Intent bottom_bar(Frame& f, const TicketModel& m, Area area) {
  Intent out;
  const float bh = std::max(f.metrics.button_h, f.metrics.min_target);
  const float y = area.pos.y + area.size.y - bh;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(area.pos.x, y - f.metrics.gap * 0.5f), ImVec2(area.pos.x + area.size.x, y - f.metrics.gap * 0.5f),
              f.color(f.palette.border), 2.0f);
  const std::string& done = f.tr("ticket.done");
  const float w = std::max(button_width(f, done) + 2.0f * f.metrics.pad, 320.0f * f.metrics.text_scale);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - w, y));
  if (big_button(f, {"ticket:done", done, ImVec2(w, bh), ButtonKind::primary, true, true})) {
    out = {Intent::Kind::ticket_done, {}};
  }
  const TextStyle st = body_style(f, f.palette.text);
  const std::string left = f.trf("ticket.going_home", {{"n", std::to_string(std::max(m.seconds_left, 0))}});
  const float room = area.size.x - w - f.metrics.gap;
  draw_line_clipped(dl, st, ImVec2(area.pos.x, y + (bh - st.size) * 0.5f), left, room);
  return out;
}

}  // namespace

Intent draw_ticket(Frame& f, const TicketModel& m, Area area, ScrollState& scroll) {
  if (!m.state || !m.state->ticket) return {Intent::Kind::home};
  const float gap = f.metrics.gap * 2.0f;
  const float body_h = area.size.y - bottom_height(f) - f.metrics.gap;
  if (f.portrait) {
    // Number and QR side by side across the top; what to bring scrolls below.
    const float qr_w = std::floor(area.size.x * 0.4f);
    const float num_w = area.size.x - qr_w - gap;
    ImGui::SetCursorScreenPos(area.pos);
    // The number gives way so that what to bring keeps a few lines of its own below.
    number_block(f, m, num_w, body_h * 0.6f, true);
    const float num_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + num_w + gap, area.pos.y + f.body_line()));
    qr_block(f, m, qr_w, std::min(qr_w, body_h * 0.6f - f.body_line() - under_qr_height(f, m, qr_w)));
    const float top = std::max(num_bottom, ImGui::GetItemRectMax().y) + gap;
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, top));
    begin_touch_scroll(f, "##ticket_materials", ImVec2(area.size.x, area.pos.y + body_h - top), scroll);
    materials_block(f, m, area.size.x - f.metrics.pad);
    end_touch_scroll(f, scroll);
  } else {
    const float num_w = std::floor(area.size.x * 0.36f);
    const float qr_w = std::floor(area.size.x * 0.26f);
    const float mat_w = area.size.x - num_w - qr_w - 2.0f * gap;
    ImGui::SetCursorScreenPos(area.pos);
    // The hint heads what to do next, above what to bring, so the number keeps its height (in
    // 长辈模式 English the number column's lines are many, and the number came down to the title
    // size) and the QR code its own.
    number_block(f, m, num_w, body_h, false);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + num_w + gap, area.pos.y + f.body_line()));
    qr_block(f, m, qr_w, std::min(qr_w, body_h - f.body_line() - under_qr_height(f, m, qr_w)));
    const float mat_x = area.pos.x + num_w + qr_w + 2.0f * gap;
    ImGui::SetCursorScreenPos(ImVec2(mat_x, area.pos.y));
    begin_touch_scroll(f, "##ticket_materials", ImVec2(mat_w, body_h), scroll);
    listen_hint(f, mat_w - f.metrics.pad);
    ImGui::Dummy(ImVec2(0, f.metrics.gap));
    materials_block(f, m, mat_w - f.metrics.pad);
    end_touch_scroll(f, scroll);
  }
  return bottom_bar(f, m, area);
}

}  // namespace hall::ui
