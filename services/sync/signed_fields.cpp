// SPDX-License-Identifier: Apache-2.0
#include "sync/signed_fields.h"

#include "common/rfc3339.h"

namespace hall::sync {

bool is_hash(const std::string& h) {
  if (h.size() != 64) return false;
  for (const char c : h) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<Instant> time_at(const nlohmann::ordered_json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return parse_rfc3339(it->get<std::string>());
}

std::optional<std::int64_t> integer_at(const nlohmann::ordered_json& obj, const char* key, std::int64_t min,
                                       std::int64_t max) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) return std::nullopt;
  const auto v = it->get<std::int64_t>();
  if (v < min || v > max) return std::nullopt;
  return v;
}

bool is_entry_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace hall::sync
