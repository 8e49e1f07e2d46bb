// SPDX-License-Identifier: Apache-2.0
#include "widgets/ticket_number.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

constexpr std::size_t max_number_digits = 4;  // A023, and a busy day's A1023

std::size_t group_letter_length(std::string_view number, const std::vector<std::string>& letters) {
  for (const auto& l : letters) {
    if (!l.empty() && number.starts_with(l)) return l.size();
  }
  return 0;
}

}  // namespace

std::string ticket_number_with_key(std::string_view number, const std::vector<std::string>& letters,
                                   std::string_view key) {
  if (key.empty()) return std::string(number);
  const std::size_t lead = group_letter_length(number, letters);
  const std::string digits(number.substr(lead));
  if (key == "backspace") {
    if (!digits.empty()) return std::string(number.substr(0, number.size() - 1));
    return {};
  }
  if (key == "clear") return {};
  if (std::isdigit(static_cast<unsigned char>(key.front()))) {
    if (digits.size() >= max_number_digits) return std::string(number);
    return std::string(number) + std::string(key);
  }
  return std::string(key) + digits;
}

bool ticket_number_complete(std::string_view number, const std::vector<std::string>& letters) {
  const std::size_t lead = group_letter_length(number, letters);
  const std::size_t digits = number.size() - lead;
  return lead > 0 && digits >= 3 && digits <= max_number_digits &&
         std::all_of(number.begin() + static_cast<std::ptrdiff_t>(lead), number.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

void ticket_number_box(Frame& f, std::string_view number, std::string_view placeholder, float width, float height) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), f.color(f.palette.background), f.metrics.rounding);
  dl->AddRect(p, ImVec2(p.x + width, p.y + height), f.color(f.palette.text), f.metrics.rounding, 0, 3.0f);
  if (number.empty()) {
    const TextStyle hint = muted_style(f);
    const float tw = std::min(text_width(hint.font, hint.size, placeholder), width - 2.0f * f.metrics.pad);
    draw_line_clipped(dl, hint, ImVec2(p.x + (width - tw) * 0.5f, p.y + (height - hint.size) * 0.5f), placeholder,
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

std::optional<std::string> ticket_keypad(Frame& f, const TicketKeypad& k, ImVec2 origin, float width, float key_h) {
  std::optional<std::string> out;
  const float gap = f.metrics.gap;
  const std::vector<std::string>& letters = *k.letters;
  const auto key = [&](const std::string& id, const std::string& label, ImVec2 pos, float w, ButtonKind kind) {
    ImGui::SetCursorScreenPos(pos);
    return big_button(f, {k.id_prefix + id, label, ImVec2(w, key_h), kind, k.enabled, true});
  };
  const std::size_t n_letters = std::max<std::size_t>(letters.size(), 1);
  const float letter_w = (width - gap * static_cast<float>(n_letters - 1)) / static_cast<float>(n_letters);
  const std::size_t lead = group_letter_length(k.number, letters);
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const std::string& l = letters[i];
    const bool chosen = lead > 0 && k.number.substr(0, lead) == l;
    if (key(l, l, ImVec2(origin.x + static_cast<float>(i) * (letter_w + gap), origin.y), letter_w,
            chosen ? ButtonKind::toggle_on : ButtonKind::primary)) {
      out = ticket_number_with_key(k.number, letters, l);
    }
  }
  static constexpr const char* digits[4][3] = {
      {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"backspace", "0", "clear"}};
  const float third = (width - 2.0f * gap) / 3.0f;
  for (int r = 0; r < 4; ++r) {
    const float y = origin.y + static_cast<float>(r + 1) * (key_h + gap);
    for (int c = 0; c < 3; ++c) {
      const std::string id = digits[r][c];
      const bool digit = id.size() == 1;
      const std::string& label = digit ? id : id == "backspace" ? k.backspace_label : k.clear_label;
      if (key(id, label, ImVec2(origin.x + static_cast<float>(c) * (third + gap), y), third,
              digit ? ButtonKind::secondary : ButtonKind::primary)) {
        out = ticket_number_with_key(k.number, letters, id);
      }
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(ticket_keypad_rows) * (key_h + gap)));
  return out;
}

}  // namespace hall::ui
