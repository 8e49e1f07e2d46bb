// SPDX-License-Identifier: Apache-2.0
#include "speech/guide_reading.h"
#include "common/ascii.h"
#include "common/working_calendar.h"

#include <algorithm>
#include <optional>

namespace hall::speech {
namespace {

using catalogue::Guide;
using catalogue::Material;
using catalogue::MaterialForm;
using catalogue::Necessity;

const std::string& in(Language language, const std::string& zh, const std::string& en) {
  return language == Language::en && !en.empty() ? en : zh;
}

struct ClockTime {
  int hour = 0, minute = 0;
  std::size_t length = 0;  // of its text, "9:00" → 4
};

// "9:00" or "13:30" at `at`; a full-width colon (：) counts too, as halls type both.
std::optional<ClockTime> clock_time_at(std::string_view s, std::size_t at) {
  std::size_t i = at;
  int hour = 0;
  while (i < s.size() && i - at < 2 && is_ascii_digit(s[i])) hour = hour * 10 + (s[i++] - '0');
  if (i == at || (i < s.size() && is_ascii_digit(s[i]))) return std::nullopt;
  std::size_t colon = 0;
  if (s.compare(i, 1, ":") == 0) colon = 1;
  if (s.compare(i, 3, "：") == 0) colon = 3;
  if (colon == 0) return std::nullopt;
  i += colon;
  if (i + 2 > s.size() || !is_ascii_digit(s[i]) || !is_ascii_digit(s[i + 1])) return std::nullopt;
  if (i + 2 < s.size() && is_ascii_digit(s[i + 2])) return std::nullopt;
  const int minute = (s[i] - '0') * 10 + (s[i + 1] - '0');
  if (hour > 24 || minute > 59) return std::nullopt;
  return ClockTime{hour, minute, i + 2 - at};
}

std::string said(const ClockTime& t, Language language) {
  const std::string h = std::to_string(t.hour);
  if (language == Language::en) {
    if (t.minute == 0) return h;
    return h + " " + (t.minute < 10 ? "0" : "") + std::to_string(t.minute);
  }
  return t.minute == 0 ? h + "点" : h + "点" + std::to_string(t.minute) + "分";
}

// The length of a dash between two times ("-", "–", "—", "~", "～", "至"), spaces around it
// included; 0 when there is none before another time.
std::size_t range_dash_at(std::string_view s, std::size_t at) {
  std::size_t i = at;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t dash = 0;
  for (std::string_view d : {"-", "~", "–", "—", "～", "至", "到"}) {
    if (s.compare(i, d.size(), d) == 0) dash = d.size();
  }
  if (dash == 0) return 0;
  i += dash;
  while (i < s.size() && s[i] == ' ') ++i;
  return clock_time_at(s, i) ? i - at : 0;
}

std::string zh_small_number(int n) {
  if (n == 2) return "两";  // 两份, never 二份
  return read_window_number(n, Language::zh_cn);
}

// What of one material to bring: "原件一份，复印件两份", "电子版".
std::string what_to_bring(const Material& m, Language language) {
  const bool en = language == Language::en;
  if (m.form == MaterialForm::electronic) return en ? "an electronic copy" : "电子版";
  const int originals = m.originals.value_or(0), copies = m.copies.value_or(0);
  std::string out;
  if (originals > 0) out = spoken_count(originals, Copies::originals, language);
  if (copies > 0) {
    if (!out.empty()) out += en ? " and " : "，";
    out += spoken_count(copies, Copies::copies, language);
  }
  if (!out.empty()) return out;
  switch (m.form) {
    case MaterialForm::copy:
      return en ? "a copy" : "复印件";
    case MaterialForm::original_or_copy:
      return en ? "the original or a copy" : "原件或复印件";
    default:
      return en ? "the original" : "原件";
  }
}

// A sentence ends once: a name that ends in its own full stop gets no second one.
std::string sentence(std::string text, Language language) {
  const std::string stop = language == Language::en ? "." : "。";
  for (std::string_view end : {".", "。", "!", "！", "?", "？"}) {
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0) return text;
  }
  return text + stop;
}

void materials(const Guide& g, Language language, std::vector<std::string>& out) {
  const bool en = language == Language::en;
  std::vector<const Material*> required;
  for (const auto& m : g.materials) {
    if (m.necessity == Necessity::required) required.push_back(&m);
  }
  const std::size_t others = g.materials.size() - required.size();
  if (g.materials.empty()) {
    out.push_back(en ? "You do not need to bring any documents." : "本事项不需要提交材料。");
    return;
  }
  if (required.empty()) {
    out.push_back(en ? "No document is required." : "本事项没有必须提交的材料。");
  } else {
    out.push_back(en ? "Please bring the following documents:" : "请带好以下材料：");
    for (std::size_t i = 0; i < required.size(); ++i) {
      const Material& m = *required[i];
      const std::string n = std::to_string(i + 1);
      const std::string& name = in(language, m.name, m.name_en);
      out.push_back(en ? "Document " + n + ": " + name + ", " + what_to_bring(m, language) + "."
                       : "第" + read_window_number(static_cast<int>(i + 1), language) + "项，" + name + "，" +
                             what_to_bring(m, language) + "。");
    }
  }
  if (others > 0) {
    out.push_back(en ? (others == 1 ? std::string("One more document may be needed; the screen says when.")
                                    : std::to_string(others) + " more documents may be needed; the screen says when.")
                     : "另有" + zh_small_number(static_cast<int>(others)) + "项材料视情况提交，请看屏幕上的说明。");
  }
}

void where_and_when(const Guide& g, Language language, std::vector<std::string>& out) {
  const bool en = language == Language::en;
  const auto& at = g.location;
  const std::string& window = in(language, at.window, at.window_en);
  const std::string& address = in(language, at.address, at.address_en);
  if (!window.empty()) {
    out.push_back(en ? "Please go to " + window + "." : "请到" + window + "办理。");
  } else if (!address.empty()) {
    out.push_back(sentence((en ? "Where: " : "办理地点：") + address, language));
  }
  const std::string& hours = in(language, at.hours, at.hours_en);
  if (!hours.empty()) out.push_back(sentence((en ? "Opening hours: " : "办理时间：") + spoken_hours(hours, language), language));
}

}  // namespace

std::string spoken_count(int n, Copies what, Language language) {
  if (language == Language::en) {
    const bool one = n == 1;
    if (what == Copies::originals) return std::to_string(n) + (one ? " original" : " originals");
    return std::to_string(n) + (one ? " copy" : " copies");
  }
  return std::string(what == Copies::originals ? "原件" : "复印件") + zh_small_number(n) + "份";
}

std::string spoken_hours(std::string_view hours, Language language) {
  std::string out;
  std::size_t i = 0;
  while (i < hours.size()) {
    const bool starts_number = is_ascii_digit(hours[i]) && (i == 0 || !is_ascii_digit(hours[i - 1]));
    const auto t = starts_number ? clock_time_at(hours, i) : std::nullopt;
    if (!t) {
      out += hours[i++];
      continue;
    }
    out += said(*t, language);
    i += t->length;
    if (const std::size_t dash = range_dash_at(hours, i); dash > 0) {
      out += language == Language::en ? " to " : "至";
      i += dash;
    }
  }
  return out;
}

// "本事项自2027年3月1日起调整：……" when the guide carries a change note (the kiosk passes it only
// while it marks the guide as changed): a visitor who listens hears it as one who reads sees it.
void change_note(const Guide& g, Language language, std::vector<std::string>& out) {
  if (!g.change) return;
  const bool en = language == Language::en;
  const auto since = parse_iso_date(g.change->since);
  std::string when = g.change->since;
  if (since) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    const int y = static_cast<int>(since->year());
    const unsigned m = static_cast<unsigned>(since->month()), d = static_cast<unsigned>(since->day());
    when = en ? std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y)
              : std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
  }
  const std::string& what = in(language, g.change->summary, g.change->summary_en);
  std::string s = en ? "This service changes from " + when : "本事项自" + when + "起调整";
  if (!what.empty()) s += (en ? ": " : "：") + what;
  out.push_back(sentence(s, language));
}

std::vector<std::string> guide_sentences(const Guide& g, Language language) {
  std::vector<std::string> out;
  const std::string& name = in(language, g.name, g.name_en);
  if (!name.empty()) out.push_back(sentence(name, language));
  change_note(g, language, out);
  materials(g, language, out);
  where_and_when(g, language, out);
  return out;
}

}  // namespace hall::speech
