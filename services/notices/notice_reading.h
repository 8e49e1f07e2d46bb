// SPDX-License-Identifier: Apache-2.0
#pragma once
// The notice validator's shared readers (notice_parser.cpp reads the common fields and the body,
// notice_parts.cpp the part only one kind has). Internal to services/notices.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/json_reader.h"
#include "notices/notice.h"
#include "notices/notice_labels.h"
#include "notices/notice_parser.h"

namespace hall::notices::detail {

using catalogue::JsonReader;
using catalogue::Need;

// What the readers need beside the node: the shared problem list (for items read by hand) and
// where the notice is going.
struct Ctx {
  Problems& problems;
  Destination destination;
};

bool valid_id(const std::string& id);
const char* kind_of(const Json& j);

template <class E>
std::optional<E> read_term(JsonReader& r, std::string_view key, Need need, const std::vector<Term<E>>& table) {
  const std::string value = r.text(key, need, 64);
  if (value.empty()) return std::nullopt;
  for (const auto& t : table) {
    if (value == t.code) return t.value;
  }
  std::string allowed;
  for (const auto& t : table) allowed += (allowed.empty() ? "" : " | ") + std::string(t.code);
  r.problem(key, "expected one of " + allowed + ", got \"" + value + "\"");
  return std::nullopt;
}

std::optional<Date> read_date(JsonReader& r, std::string_view key, Need need);
// `key` and its twin `key_en`.
Text read_text(JsonReader& r, const std::string& key, Need need, std::size_t max_chars = catalogue::max_text_chars);
// An array whose items are strings or {"text", "text_en"} objects.
std::vector<Text> read_texts(JsonReader& r, Ctx& ctx, std::string_view key, Need need, std::size_t min_count);
std::optional<Text> read_text_value(const Json& item, const std::string& path, const std::string& subject, Ctx& ctx);
std::vector<Basis> read_basis(JsonReader& r, std::string_view key, Need need, std::size_t min_count);

// The part of `n` only its kind has; a part given to another kind is refused.
void read_kind_parts(JsonReader& r, Ctx& ctx, Notice& n);

}  // namespace hall::notices::detail
