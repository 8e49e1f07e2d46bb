// SPDX-License-Identifier: Apache-2.0
#include "kiosk/idle_warning.h"

#include <algorithm>
#include <string>

#include "widgets/overlay.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {

void draw_idle_warning(Frame& f, int seconds_left) {
  const ImGuiIO& io = ImGui::GetIO();
  begin_overlay(f, "##idle_warning", 0.55f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The whole screen is the "continue" target: a visitor taps wherever their finger is.
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  tap_area(f, "idle:continue", io.DisplaySize);

  const float w = std::min(io.DisplaySize.x - 2.0f * f.metrics.pad, 900.0f * f.metrics.text_scale);
  const TextStyle title = title_style(f, f.palette.text);
  const TextStyle body = body_style(f, f.palette.text);
  const std::string& hint = f.tr("idle.hint");
  const std::string count = f.trf("idle.countdown", {{"n", std::to_string(std::max(seconds_left, 0))}});
  const float inner = w - 2.0f * f.metrics.pad;
  const float h = paragraph_height(title, f.tr("idle.title"), inner) * 1.4f + paragraph_height(body, hint, inner) +
                  paragraph_height(body, count, inner) + 3.0f * f.metrics.pad;
  const ImVec2 min((io.DisplaySize.x - w) * 0.5f, (io.DisplaySize.y - h) * 0.5f);
  dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), f.color(f.palette.background), f.metrics.rounding * 2.0f);
  dl->AddRect(min, ImVec2(min.x + w, min.y + h), f.color(f.palette.primary), f.metrics.rounding * 2.0f, 0, 6.0f);
  float y = min.y + f.metrics.pad;
  const auto centred = [&](const TextStyle& st, const std::string& text) {
    const float tw = std::min(text_width(st.font, st.size, text), inner);
    y += draw_paragraph(dl, st, ImVec2(min.x + (w - tw) * 0.5f, y), text, inner) + f.metrics.pad * 0.5f;
  };
  centred(title, f.tr("idle.title"));
  centred(body, hint);
  centred(title_style(f, f.palette.accent), count);
  end_overlay(f);
}

}  // namespace hall::ui
