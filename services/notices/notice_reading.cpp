// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_reading.h"

#include <algorithm>
#include <cctype>

namespace hall::notices::detail {

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

const char* kind_of(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number_integer() || j.is_number_unsigned()) return "an integer";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

std::optional<Date> read_date(JsonReader& r, std::string_view key, Need need) {
  const auto text = r.text(key, need, 64);
  if (text.empty()) return std::nullopt;
  const auto d = parse_iso_date(text);
  if (!d) r.problem(key, "expected a date such as 2026-12-01, got \"" + text + "\"");
  return d;
}

Text read_text(JsonReader& r, const std::string& key, Need need, std::size_t max_chars) {
  Text t;
  t.zh = r.text(key, need, max_chars);
  t.en = r.text(key + "_en", Need::optional, max_chars);
  return t;
}

// A list item or table cell: a string, or {"text", "text_en"} when it has an English twin.
std::optional<Text> read_text_value(const Json& item, const std::string& path, const std::string& subject, Ctx& ctx) {
  if (item.is_string()) {
    JsonReader holder(item, path, subject, ctx.problems);
    const auto& value = item.get_ref<const std::string&>();
    if (value.empty()) {
      ctx.problems.add(subject, path, "expected a non-empty string");
      return std::nullopt;
    }
    if (!holder.check_text(value, path, catalogue::max_text_chars)) return std::nullopt;
    return Text{value, {}};
  }
  if (item.is_object()) {
    JsonReader r(item, path, subject, ctx.problems);
    Text t = read_text(r, "text", Need::required);
    if (t.zh.empty()) return std::nullopt;
    return t;
  }
  ctx.problems.add(subject, path, std::string("expected a string or {\"text\", \"text_en\"}, got ") + kind_of(item));
  return std::nullopt;
}

std::vector<Text> read_texts(JsonReader& r, Ctx& ctx, std::string_view key, Need need, std::size_t min_count) {
  std::vector<Text> out;
  const auto it = r.node().find(key);
  if (it == r.node().end()) {
    if (need == Need::required) r.problem(key, "missing");
    return out;
  }
  if (!it->is_array()) {
    r.problem(key, std::string("expected an array, got ") + kind_of(*it));
    return out;
  }
  if (it->size() < min_count) {
    r.problem(key, "expected at least " + std::to_string(min_count) + " item" + (min_count == 1 ? "" : "s"));
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto path = r.path_of(key) + "[" + std::to_string(i) + "]";
    if (auto t = read_text_value((*it)[i], path, r.subject(), ctx)) out.push_back(std::move(*t));
  }
  return out;
}

std::vector<Basis> read_basis(JsonReader& r, std::string_view key, Need need, std::size_t min_count) {
  std::vector<Basis> out;
  r.objects(key, need, min_count, [&](JsonReader& b) {
    out.push_back(Basis{b.text("title", Need::required), b.text("doc_no", Need::optional, 100),
                        b.text("clause", Need::optional)});
  });
  return out;
}

}  // namespace hall::notices::detail
