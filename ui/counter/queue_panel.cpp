// SPDX-License-Identifier: Apache-2.0
// Beside the ticket: how many wait in each group (so the clerk sees a queue growing) and this
// window's figures for today. Both come from the hub and refresh every few seconds.
#include <algorithm>
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

namespace {

// Two sections (waiting, today) side by side once the panel is this wide: portrait's full width.
bool wide_panel(const Frame& f, float width) {
  return width >= 30.0f * f.metrics.body_px;
}

int waiting_rows(const CounterView& v) {
  return v.snapshot && !v.snapshot->groups.empty() ? static_cast<int>(v.snapshot->groups.size()) : 1;
}

int today_rows(const CounterView& v) {
  if (!v.snapshot || !v.snapshot->today) return 1;
  return v.snapshot->today->busy_share ? 5 : 4;
}

}  // namespace

float queue_panel_height(const Frame& f, const CounterView& v, float width) {
  const float section_head = f.title_line() + f.metrics.gap * 0.5f;
  const float a = section_head + static_cast<float>(waiting_rows(v)) * f.body_line();
  const float b = section_head + static_cast<float>(today_rows(v)) * f.body_line();
  const float content = wide_panel(f, width) ? std::max(a, b) : a + f.metrics.gap + b;
  return content + 2.0f * f.metrics.pad;
}

void draw_queue_panel(Frame& f, const CounterView& v, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), f.color(f.palette.panel), f.metrics.rounding);
  const float pad = f.metrics.pad;
  const bool wide = wide_panel(f, size.x);
  const float inner = wide ? (size.x - 3.0f * pad) * 0.5f : size.x - 2.0f * pad;
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const TextStyle muted = muted_style(f);
  float x = p.x + pad;
  float y = p.y + pad;
  const auto row = [&](const std::string& left, const std::string& right) {
    const float rw = text_width(body.font, body.size, right);
    draw_line_clipped(dl, body, ImVec2(x, y), left, inner - rw - f.metrics.gap);
    draw_text(dl, body.font, body.size, ImVec2(x + inner - rw, y), f.color(body.rgb), right);
    y += f.body_line();
  };
  y += draw_paragraph(dl, title, ImVec2(x, y), f.tr("counter.queue.title"), inner) + f.metrics.gap * 0.5f;
  if (v.snapshot && !v.snapshot->groups.empty()) {
    for (const auto& g : v.snapshot->groups) {
      const std::string& name = f.english && !g.name_en.empty() ? g.name_en : (g.name.empty() ? g.id : g.name);
      row(name, f.trf("counter.queue.waiting", {{"n", std::to_string(g.waiting)}}));
    }
  } else {
    y += draw_paragraph(dl, muted, ImVec2(x, y), f.tr("counter.queue.unknown"), inner);
  }
  if (wide) {
    x += inner + pad;
    y = p.y + pad;
  } else {
    y += f.metrics.gap;
  }
  y += draw_paragraph(dl, title, ImVec2(x, y), f.tr("counter.today.title"), inner) + f.metrics.gap * 0.5f;
  if (v.snapshot && v.snapshot->today) {
    const WindowToday& t = *v.snapshot->today;
    row(f.tr("counter.today.served"), std::to_string(t.served));
    row(f.tr("counter.today.no_shows"), std::to_string(t.no_shows));
    row(f.tr("counter.today.wait"), minutes_text(f, t.mean_wait_s));
    row(f.tr("counter.today.service"), minutes_text(f, t.mean_service_s));
    if (t.busy_share) row(f.tr("counter.today.busy"), std::to_string(std::lround(*t.busy_share * 100.0)) + "%");
  } else {
    draw_paragraph(dl, muted, ImVec2(x, y), f.tr("counter.queue.unknown"), inner);
  }
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(size);
}

}  // namespace hall::ui
