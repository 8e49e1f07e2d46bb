// SPDX-License-Identifier: Apache-2.0
// Beside the ticket: how many wait in each group (so the clerk sees a queue growing) and this
// window's figures for today. Both come from the hub and refresh every few seconds.
#include <cmath>

#include "counter/screens.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

std::string minutes_text(const Frame& f, std::optional<double> seconds) {
  if (!seconds) return "—";
  return f.trf("counter.minutes", {{"n", std::to_string(static_cast<long long>(std::lround(*seconds / 60.0)))}});
}

}  // namespace

void draw_queue_panel(Frame& f, const CounterView& v, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), f.color(f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const float inner = size.x - 2.0f * pad;
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const TextStyle muted = muted_style(f);
  float y = p.y + pad;
  y += draw_paragraph(dl, title, ImVec2(p.x + pad, y), f.tr("counter.queue.title"), inner) + f.metrics.gap * 0.5f;
  const auto row = [&](const std::string& left, const std::string& right) {
    const float rw = text_width(body.font, body.size, right);
    draw_line_clipped(dl, body, ImVec2(p.x + pad, y), left, inner - rw - f.metrics.gap);
    draw_text(dl, body.font, body.size, ImVec2(p.x + pad + inner - rw, y), f.color(body.rgb), right);
    y += f.body_line();
  };
  if (v.snapshot && !v.snapshot->groups.empty()) {
    for (const auto& g : v.snapshot->groups) {
      const std::string& name = f.english && !g.name_en.empty() ? g.name_en : (g.name.empty() ? g.id : g.name);
      row(name, f.trf("counter.queue.waiting", {{"n", std::to_string(g.waiting)}}));
    }
  } else {
    y += draw_paragraph(dl, muted, ImVec2(p.x + pad, y), f.tr("counter.queue.unknown"), inner);
  }
  y += f.metrics.gap;
  y += draw_paragraph(dl, title, ImVec2(p.x + pad, y), f.tr("counter.today.title"), inner) + f.metrics.gap * 0.5f;
  if (v.snapshot && v.snapshot->today) {
    const WindowToday& t = *v.snapshot->today;
    row(f.tr("counter.today.served"), std::to_string(t.served));
    row(f.tr("counter.today.no_shows"), std::to_string(t.no_shows));
    row(f.tr("counter.today.wait"), minutes_text(f, t.mean_wait_s));
    row(f.tr("counter.today.service"), minutes_text(f, t.mean_service_s));
    if (t.busy_share) row(f.tr("counter.today.busy"), std::to_string(std::lround(*t.busy_share * 100.0)) + "%");
  } else {
    draw_paragraph(dl, muted, ImVec2(p.x + pad, y), f.tr("counter.queue.unknown"), inner);
  }
  ImGui::Dummy(size);
}

}  // namespace hall::ui
