// SPDX-License-Identifier: Apache-2.0
#pragma once
// A ticket's number typed on a keypad (A023): one of the hall's group letters in front, then three
// or four digits. The kiosk's 过号重排 and the counter's 补打其他号 both type one; the hub reads
// it with hub_body's ticket_number_field.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/frame.h"

namespace hall::ui {

// What a key ("A", "0".."9", "backspace", "clear") makes of the number typed so far: a letter goes
// in front, replacing any letter there (a digit typed first, or the wrong group, needs no clearing);
// a digit goes at the end, up to four.
std::string ticket_number_with_key(std::string_view number, const std::vector<std::string>& letters,
                                   std::string_view key);
// Whether `number` is complete enough to send: one of `letters` and three or four digits.
bool ticket_number_complete(std::string_view number, const std::vector<std::string>& letters);

// The number as typed, centred in a box at the cursor, in the ticket's own large font so a wrong
// digit is seen; `placeholder` while nothing is typed.
void ticket_number_box(Frame& f, std::string_view number, std::string_view placeholder, float width, float height);

struct TicketKeypad {
  std::string_view number;                  // typed so far
  const std::vector<std::string>* letters;  // the hall's group letters, in hall.json order
  std::string id_prefix;                    // touch targets: prefix + "A", "1", "backspace", "clear"
  std::string backspace_label, clear_label;
  bool enabled = true;
};

// Five rows at `origin`, `width` wide, keys `key_h` high: the letters, 1-2-3, 4-5-6, 7-8-9,
// 删除-0-清空. Returns the number after the key tapped this frame, if one was.
std::optional<std::string> ticket_keypad(Frame& f, const TicketKeypad& k, ImVec2 origin, float width, float key_h);
constexpr int ticket_keypad_rows = 5;

}  // namespace hall::ui
