// SPDX-License-Identifier: Apache-2.0
#include "speech/speech_text.h"
#include "common/ascii.h"

#include <array>
#include <initializer_list>

namespace hall::speech {
namespace {

// Every sentence the board says or writes, in both languages; "{}" marks are filled in order.
struct Phrase {
  std::string_view zh_cn, en;
};
constexpr Phrase spoken_sentence{"请 {} 号，到 {} 办理", "Number {}, please go to {}."};
constexpr Phrase written_sentence{"请 {} 号 到 {} 办理", "Number {}, please go to {}"};
constexpr Phrase numbered_window{"{} 号窗口", "window {}"};

constexpr std::array<std::string_view, 10> zh_digits{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string_view in(const Phrase& p, Language language) {
  return language == Language::en ? p.en : p.zh_cn;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  auto value = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && value != values.end()) {
      out += *value++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Mandarin reading of 1..9999: 十 alone for 10–19, 零 once for each run of missing places
// (一百零五, 一千零一十).
std::string zh_cardinal(int n) {
  if (n == 0) return std::string(zh_digits[0]);
  constexpr std::array<std::string_view, 4> places{"千", "百", "十", ""};
  constexpr std::array<int, 4> sizes{1000, 100, 10, 1};
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const int d = n / sizes[i] % 10;
    if (d == 0) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += zh_digits[0];
    gap = false;
    const bool bare_ten = sizes[i] == 10 && d == 1 && out.empty();
    if (!bare_ten) out += zh_digits[static_cast<std::size_t>(d)];
    out += places[i];
  }
  return out;
}

std::string digits_one_by_one(std::string_view figures, Language language) {
  std::string out;
  for (char c : figures) {
    if (!is_ascii_digit(c)) continue;
    if (language == Language::en) {
      if (!out.empty()) out += ' ';
      out += c;
    } else {
      out += zh_digits[static_cast<std::size_t>(c - '0')];
    }
  }
  return out;
}

std::string window_words(const CallAnnouncement& call, Language language, bool spoken) {
  const auto number = window_number_of(call);
  if (!number) return call.window;
  const std::string figures = spoken ? read_window_number(*number, language) : std::to_string(*number);
  return fill(in(numbered_window, language), {figures});
}

std::string written_ticket_number(std::string_view number) {
  std::string out;
  for (char c : number) {
    if (is_letter(c) || is_ascii_digit(c)) out += upper(c);
  }
  return out;
}

}  // namespace

std::string read_ticket_number(std::string_view number, Language language) {
  std::string out;
  std::size_t i = 0;
  while (i < number.size()) {
    const char c = number[i];
    if (is_letter(c)) {
      if (!out.empty()) out += ' ';
      out += upper(c);
      ++i;
    } else if (is_ascii_digit(c)) {
      std::size_t end = i;
      while (end < number.size() && is_ascii_digit(number[end])) ++end;
      if (!out.empty()) out += ' ';
      out += digits_one_by_one(number.substr(i, end - i), language);
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

std::string read_window_number(int number, Language language) {
  if (language == Language::en) return std::to_string(number);
  if (number >= 0 && number <= 9999) return zh_cardinal(number);
  return digits_one_by_one(std::to_string(number), language);
}

std::optional<int> window_number_of(const CallAnnouncement& call) {
  if (call.window_number > 0) return call.window_number;
  std::string_view w = call.window;
  std::size_t i = 0;
  while (i < w.size() && is_letter(w[i])) ++i;
  const std::size_t first_digit = i;
  int n = 0;
  while (i < w.size() && is_ascii_digit(w[i]) && n < 100000) n = n * 10 + (w[i++] - '0');
  if (i == first_digit || (i < w.size() && is_ascii_digit(w[i]))) return std::nullopt;
  const std::string_view rest = w.substr(i);
  if (!rest.empty() && rest != "号" && rest != "号窗口") return std::nullopt;
  return n;
}

std::string spoken_call(const CallAnnouncement& call, Language language) {
  return fill(in(spoken_sentence, language),
              {read_ticket_number(call.ticket_number, language), window_words(call, language, true)});
}

std::string written_call(const CallAnnouncement& call, Language language) {
  return fill(in(written_sentence, language),
              {written_ticket_number(call.ticket_number), window_words(call, language, false)});
}

std::optional<CallAnnouncement> announcement_for(const queue::QueueEvent& event, const HallConfig& hall) {
  if (event.kind != "called" && event.kind != "recalled") return std::nullopt;
  if (event.ticket_number.empty()) return std::nullopt;
  CallAnnouncement call;
  call.event_id = event.id;
  call.ticket_number = event.ticket_number;
  call.window = event.window;
  call.recall = event.kind == "recalled";
  if (const Window* w = hall.window(event.window); w != nullptr) call.window_number = w->number;
  return call;
}

}  // namespace hall::speech
