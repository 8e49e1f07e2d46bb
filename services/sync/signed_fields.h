// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading the fields of a signed sync file (manifest.json, timestamp.json) after its signature
// held: each gives nothing for a field that is missing, of the wrong kind or out of range, and the
// caller names the field in its refusal.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.h"

namespace hall::sync {

// 64 lower-case hex digits: a SHA-256 as the manifest and timestamp write it.
bool is_hash(const std::string& h);
// 1–64 of [A-Za-z0-9._-]: a guide's or a notice's id as an index names it.
bool is_entry_id(const std::string& id);
// An RFC 3339 time in a string field.
std::optional<Instant> time_at(const nlohmann::ordered_json& obj, const char* key);
// An integer field within [min, max].
std::optional<std::int64_t> integer_at(const nlohmann::ordered_json& obj, const char* key, std::int64_t min,
                                       std::int64_t max);

}  // namespace hall::sync
