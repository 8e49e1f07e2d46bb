// SPDX-License-Identifier: Apache-2.0
// The ticket at the window: its number as large as the space allows (the clerk says it aloud and
// the visitor shows the slip), its state, its service, and how long the visitor has waited.
#include <algorithm>

#include "counter/screens.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

const char* state_key(const std::string& state) {
  if (state == "called") return K("counter.state.called");
  if (state == "serving") return K("counter.state.serving");
  if (state == "waiting") return K("counter.state.waiting");
  if (state == "done") return K("counter.state.done");
  if (state == "no_show") return K("counter.state.no_show");
  return K("counter.state.other");
}

std::string minutes_since(const Frame& f, std::optional<Instant> from, Instant now) {
  if (!from) return {};
  const auto m = std::max<long long>(0, std::chrono::duration_cast<std::chrono::minutes>(now - *from).count());
  return f.trf("counter.minutes", {{"n", std::to_string(m)}});
}

}  // namespace

void draw_ticket_card(Frame& f, const CounterView& v, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), f.color(f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const float inner = size.x - 2.0f * pad;
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const TextStyle muted = muted_style(f);
  const auto& current = v.snapshot ? v.snapshot->current : std::nullopt;
  float y = p.y + pad;
  if (!current) {
    const bool paused = v.snapshot && v.snapshot->paused;
    const std::string& head = f.tr(paused              ? K("counter.card.paused")
                                   : v.none_waiting    ? K("counter.card.none_waiting")
                                                       : K("counter.card.idle"));
    y += draw_paragraph(dl, title, ImVec2(p.x + pad, y), head, inner) + f.metrics.gap;
    draw_paragraph(dl, muted, ImVec2(p.x + pad, y), f.tr(paused ? K("counter.card.paused_hint") : K("counter.card.idle_hint")),
                   inner);
    ImGui::Dummy(size);
    return;
  }
  const CounterTicket& t = *current;
  // The number on the left at the card's height; the words beside it (below it when narrow).
  const float number_size = std::min(f.number_size(), size.y * 0.55f);
  const float number_w = text_width(f.number(), number_size, t.number);
  const bool beside = number_w + pad * 2.0f < inner * 0.55f;
  draw_text(dl, f.number(), number_size, ImVec2(p.x + pad, y), f.color(f.palette.text), t.number);
  float x = p.x + pad;
  float w = inner;
  if (beside) {
    x += number_w + pad * 2.0f;
    w = inner - number_w - pad * 2.0f;
  } else {
    y += number_size + f.metrics.gap;
  }
  const TextStyle state = title_style(f, t.state == "serving" ? f.palette.good : f.palette.primary);
  std::string head = f.tr(state_key(t.state));
  if (t.recalls > 0) head += "  " + f.trf("counter.card.recalls", {{"n", std::to_string(t.recalls)}});
  y += draw_paragraph(dl, state, ImVec2(x, y), head, w) + f.metrics.gap * 0.5f;
  const std::string& guide = f.english && !t.guide_name_en.empty() ? t.guide_name_en : t.guide_name;
  y += draw_paragraph(dl, body, ImVec2(x, y), guide.empty() ? f.tr("counter.card.consultation") : guide, w) +
       f.metrics.gap * 0.5f;
  std::string times = f.trf("counter.card.waited", {{"t", minutes_since(f, t.issued_at, v.wall_now)}});
  if (t.called_at) times += "  " + f.trf("counter.card.called_ago", {{"t", minutes_since(f, t.called_at, v.wall_now)}});
  draw_paragraph(dl, muted, ImVec2(x, y), times, w);
  ImGui::Dummy(size);
}

}  // namespace hall::ui
