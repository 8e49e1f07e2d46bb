// SPDX-License-Identifier: Apache-2.0
#include "central/guide_diff.h"

#include <algorithm>

#include "common/utf8.h"

namespace hall::central {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* absent = "(none)";

std::string shown(const Json& v) {
  std::string s = v.dump();
  const auto cps = utf8::decode(s);
  if (cps.size() <= 120) return s;
  std::string out;
  for (std::size_t i = 0; i < 119; ++i) utf8::append(out, cps[i]);
  return out + "…";
}

void walk(const Json* before, const Json* after, const std::string& path, std::vector<Change>& out) {
  if (before && after && *before == *after) return;
  if (before && after && before->is_object() && after->is_object()) {
    for (const auto& [key, value] : before->items()) {
      const auto it = after->find(key);
      walk(&value, it == after->end() ? nullptr : &*it, path + "." + key, out);
    }
    for (const auto& [key, value] : after->items()) {
      if (!before->contains(key)) walk(nullptr, &value, path + "." + key, out);
    }
    return;
  }
  if (before && after && before->is_array() && after->is_array()) {
    const std::size_t n = std::max(before->size(), after->size());
    for (std::size_t i = 0; i < n; ++i) {
      walk(i < before->size() ? &(*before)[i] : nullptr, i < after->size() ? &(*after)[i] : nullptr,
           path + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  out.push_back({path, before ? shown(*before) : absent, after ? shown(*after) : absent});
}

}  // namespace

std::vector<Change> diff_json(const Json& before, const Json& after) {
  std::vector<Change> out;
  const Json empty = Json::object();  // a new guide: every key of it is a change
  walk(before.is_null() ? &empty : &before, &after, "$", out);
  return out;
}

}  // namespace hall::central
