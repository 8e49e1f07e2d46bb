// SPDX-License-Identifier: Apache-2.0
// "过号了？": the visitor types the number on their slip (A023) on a keypad of this hall's group
// letters and the digits, as large as a phone's, and the hub puts it back in the queue if its rule
// allows. The number shows as typed, in the ticket's own large font, so a wrong digit is seen.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

constexpr std::size_t max_digits = 4;  // A023, and a busy day's A1023

std::size_t letter_length(std::string_view number, const std::vector<std::string>& letters) {
  for (const auto& l : letters) {
    if (!l.empty() && number.starts_with(l)) return l.size();
  }
  return 0;
}

// What a key makes of the number typed so far: a letter goes in front, replacing any letter there
// (a visitor who typed the digits first, or chose the wrong group, need not clear anything); a
// digit goes at the end.
std::string with_key(std::string_view number, const std::vector<std::string>& letters, std::string_view key) {
  const std::size_t lead = letter_length(number, letters);
  const std::string digits(number.substr(lead));
  if (key == "backspace") {
    if (!digits.empty()) return std::string(number.substr(0, number.size() - 1));
    return {};
  }
  if (key == "clear") return {};
  if (std::isdigit(static_cast<unsigned char>(key.front()))) {
    if (digits.size() >= max_digits) return std::string(number);
    return std::string(number) + std::string(key);
  }
  return std::string(key) + digits;
}

void number_box(Frame& f, std::string_view number, float width, float height) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), f.color(f.palette.background), f.metrics.rounding);
  dl->AddRect(p, ImVec2(p.x + width, p.y + height), f.color(f.palette.text), f.metrics.rounding, 0, 3.0f);
  if (number.empty()) {
    const TextStyle hint = muted_style(f);
    const std::string& text = f.tr("reactivate.placeholder");
    const float tw = std::min(text_width(hint.font, hint.size, text), width - 2.0f * f.metrics.pad);
    draw_line_clipped(dl, hint, ImVec2(p.x + (width - tw) * 0.5f, p.y + (height - hint.size) * 0.5f), text,
                      width - 2.0f * f.metrics.pad);
  } else {
    ImFont* font = f.number();
    const float size = std::min(f.number_size() * 0.6f, height * 0.9f);
    const float tw = text_width(font, size, number);
    draw_text(dl, font, size, ImVec2(p.x + (width - tw) * 0.5f, p.y + (height - size) * 0.5f), f.color(f.palette.text),
              number);
  }
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

bool reactivation_number_complete(std::string_view number, const std::vector<std::string>& letters) {
  const std::size_t lead = letter_length(number, letters);
  const std::size_t digits = number.size() - lead;
  return lead > 0 && digits >= 3 && digits <= max_digits;
}

Intent draw_reactivate(Frame& f, const ReactivateModel& m, Area area) {
  Intent out;
  const float gap = f.metrics.gap;
  // Portrait: the question, the number and the keypad from top to bottom. Landscape: the question
  // and the number on the left, the keypad on the right at the full height, so six rows of keys
  // stay large in 长辈模式 too. The keypad is at most a phone's width: a finger travels little.
  const float pad_w = f.portrait
                          ? std::min(area.size.x, 900.0f * f.metrics.text_scale)
                          : std::min(std::floor((area.size.x - 2.0f * gap) * 0.5f), 900.0f * f.metrics.text_scale);
  const float text_w = f.portrait ? pad_w : area.size.x - pad_w - 2.0f * gap;
  const float x0 = f.portrait ? area.pos.x + (area.size.x - pad_w) * 0.5f : area.pos.x + area.size.x - pad_w;
  const float text_x = f.portrait ? x0 : area.pos.x;
  ImGui::SetCursorScreenPos(ImVec2(text_x, area.pos.y));
  ImGui::BeginGroup();
  paragraph(title_style(f, f.palette.text), f.tr("reactivate.title"), 0.0f, text_w);
  paragraph(body_style(f, f.palette.text), f.tr("reactivate.hint"), 0.0f, text_w);
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetItemRectMax().y + gap));
  const float box_h = std::max(f.metrics.button_h * 1.3f, f.title_size() * 2.0f);
  number_box(f, m.number, text_w, box_h);

  // Rows: the letters, 1-2-3, 4-5-6, 7-8-9, 删除-0-清空, then 确定 across the width.
  const float top = f.portrait ? ImGui::GetCursorScreenPos().y + gap * 0.5f : area.pos.y;
  const float bottom = area.pos.y + area.size.y;
  const float rows = 6.0f;
  const float key_h =
      std::clamp((bottom - top - gap * (rows - 1.0f)) / rows, f.metrics.min_target, f.metrics.key_h * 1.4f);
  const auto key = [&](const std::string& id, const std::string& label, ImVec2 pos, float w, ButtonKind kind,
                       bool enabled = true) {
    ImGui::SetCursorScreenPos(pos);
    return big_button(f, {id, label, ImVec2(w, key_h), kind, enabled && !m.sending, true});
  };
  const float third = (pad_w - 2.0f * gap) / 3.0f;
  const std::size_t n_letters = std::max<std::size_t>(m.letters.size(), 1);
  const float letter_w = (pad_w - gap * static_cast<float>(n_letters - 1)) / static_cast<float>(n_letters);
  const std::size_t lead = letter_length(m.number, m.letters);
  for (std::size_t i = 0; i < m.letters.size(); ++i) {
    const std::string& l = m.letters[i];
    const bool chosen = lead > 0 && m.number.substr(0, lead) == l;
    if (key("pad:" + l, l, ImVec2(x0 + static_cast<float>(i) * (letter_w + gap), top), letter_w,
            chosen ? ButtonKind::toggle_on : ButtonKind::primary)) {
      out = {Intent::Kind::set_number, with_key(m.number, m.letters, l)};
    }
  }
  static constexpr const char* digits[4][3] = {
      {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"backspace", "0", "clear"}};
  for (int r = 0; r < 4; ++r) {
    const float y = top + static_cast<float>(r + 1) * (key_h + gap);
    for (int c = 0; c < 3; ++c) {
      const std::string id = digits[r][c];
      const bool digit = id.size() == 1;
      const std::string label = digit               ? id
                                : id == "backspace" ? f.tr("reactivate.backspace")
                                                    : f.tr("reactivate.clear");
      if (key("pad:" + id, label, ImVec2(x0 + static_cast<float>(c) * (third + gap), y), third,
              digit ? ButtonKind::secondary : ButtonKind::primary)) {
        out = {Intent::Kind::set_number, with_key(m.number, m.letters, id)};
      }
    }
  }
  const bool complete = reactivation_number_complete(m.number, m.letters);
  if (key("pad:ok", f.tr("reactivate.ok"), ImVec2(x0, top + 5.0f * (key_h + gap)), pad_w, ButtonKind::accent,
          complete)) {
    out = {Intent::Kind::reactivate, std::string(m.number)};
  }
  return out;
}

}  // namespace hall::ui
