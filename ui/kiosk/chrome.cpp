// SPDX-License-Identifier: Apache-2.0
// The top bar every screen shares: navigation on the left (返回, 首页) or the hall's name and the
// time on home; the language switch and 长辈模式 always in the top-right corner.
#include <algorithm>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {

float top_bar_height(const Frame& f) {
  return std::max(
      {f.metrics.top_bar, f.metrics.button_h + f.metrics.gap, f.title_size() + f.body_size() + f.metrics.gap * 1.5f});
}

Intent draw_top_bar(Frame& f, const TopBarModel& m) {
  Intent out;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = top_bar_height(f);
  const float bh = f.metrics.button_h;
  const float by = origin.y + (h - bh) * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(origin.x - f.metrics.pad, origin.y + h), ImVec2(origin.x + width + f.metrics.pad, origin.y + h),
              f.color(f.palette.border), 2.0f);

  // The corner: always the same place, on every screen.
  const std::string& lang = f.tr("corner.language");
  const std::string large =
      f.trf("corner.large_text", {{"state", f.tr(f.metrics.text_scale > 1.0f ? K("corner.on") : K("corner.off"))}});
  const float lang_w = button_width(f, lang);
  const float large_w =
      std::max(button_width(f, large), button_width(f, f.trf("corner.large_text", {{"state", f.tr("corner.off")}})));
  float x = origin.x + width - large_w;
  ImGui::SetCursorScreenPos(ImVec2(x, by));
  if (big_button(f, {"corner:large_text", large, ImVec2(large_w, bh),
                     f.metrics.text_scale > 1.0f ? ButtonKind::toggle_on : ButtonKind::secondary})) {
    out = {Intent::Kind::toggle_large_text, {}};
  }
  x -= lang_w + f.metrics.gap;
  ImGui::SetCursorScreenPos(ImVec2(x, by));
  if (big_button(f, {"corner:language", lang, ImVec2(lang_w, bh), ButtonKind::secondary})) {
    out = {Intent::Kind::toggle_language, {}};
  }
  const float left_room = x - origin.x - f.metrics.gap;

  if (m.inner) {
    const std::string& back = f.tr("nav.back");
    const std::string& home = f.tr("nav.home");
    const float back_w = std::max(button_width(f, back), 150.0f);
    const float home_w = std::max(button_width(f, home), 150.0f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, by));
    if (big_button(f, {"nav:back", back, ImVec2(back_w, bh), ButtonKind::primary})) out = {Intent::Kind::back, {}};
    ImGui::SetCursorScreenPos(ImVec2(origin.x + back_w + f.metrics.gap, by));
    if (big_button(f, {"nav:home", home, ImVec2(home_w, bh), ButtonKind::secondary})) out = {Intent::Kind::home, {}};
  } else {
    // A narrow bar (portrait in 长辈模式) takes the name in the body size and the short date.
    TextStyle title = title_style(f, f.palette.text);
    if (text_width(title.font, title.size, m.hall_name) > left_room) title = body_style(f, f.palette.text);
    const TextStyle sub = muted_style(f);
    const std::string_view when =
        text_width(sub.font, sub.size, m.date_time) > left_room ? m.date_time_short : m.date_time;
    // Narrower still (an English name in portrait 长辈模式): the name in two lines of the date's
    // size, never cut, above the date.
    const bool two_lines = text_width(title.font, title.size, m.hall_name) > left_room;
    const float name_h = two_lines ? 2.0f * sub.line : title.size;
    const float block = name_h + sub.size;
    const float y = origin.y + std::max(0.0f, (h - block) * 0.5f);
    if (two_lines) {
      draw_paragraph(dl, TextStyle{sub.font, sub.size, sub.line, f.palette.text}, ImVec2(origin.x, y), m.hall_name,
                     left_room);
    } else {
      draw_line_clipped(dl, title, ImVec2(origin.x, y), m.hall_name, left_room);
    }
    draw_line_clipped(dl, sub, ImVec2(origin.x, y + name_h), when, left_room);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + f.metrics.gap));
  return out;
}

float notices_height(const Frame& f, const std::vector<std::string>& notices, float width) {
  float h = 0.0f;
  const TextStyle s = body_style(f, f.palette.on_notice);
  for (const auto& n : notices) h += paragraph_height(s, n, width - 2.0f * f.metrics.pad) + f.metrics.gap;
  return h;
}

void draw_notices(Frame& f, const std::vector<std::string>& notices, Area area) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const TextStyle s = body_style(f, f.palette.on_notice);
  float y = area.pos.y;
  for (const auto& n : notices) {
    const float inner = area.size.x - 2.0f * f.metrics.pad;
    const float h = paragraph_height(s, n, inner) + f.metrics.gap;
    dl->AddRectFilled(ImVec2(area.pos.x, y), ImVec2(area.pos.x + area.size.x, y + h), f.color(f.palette.notice));
    draw_paragraph(dl, s, ImVec2(area.pos.x + f.metrics.pad, y + f.metrics.gap * 0.5f), n, inner);
    y += h;
  }
}

void page_heading(Frame& f, std::string_view title, std::string_view subtitle) {
  paragraph(title_style(f, f.palette.text), title);
  if (!subtitle.empty()) paragraph(muted_style(f), subtitle);
}

}  // namespace hall::ui
