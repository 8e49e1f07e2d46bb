// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a draft changes, for a reviewer: every changed JSON path with its old and new value.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hall::central {

struct Change {
  std::string path;       // $.materials[2].name
  std::string old_value;  // compact JSON, "(none)" when the path is new
  std::string new_value;  // compact JSON, "(none)" when the path was removed
  std::string text() const { return path + ": " + old_value + " → " + new_value; }
};

// Objects are compared key by key, arrays element by element; a value longer than 120
// characters is shortened with "…" (the draft keeps the whole guide).
std::vector<Change> diff_json(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after);

}  // namespace hall::central
