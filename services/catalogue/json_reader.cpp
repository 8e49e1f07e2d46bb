// SPDX-License-Identifier: Apache-2.0
#include "catalogue/json_reader.h"

#include <cstdio>

#include "common/rfc3339.h"
#include "common/utf8.h"

namespace hall::catalogue {
namespace {

// The file loader replaces bytes that are not UTF-8 with U+FFFD so the rest can still be read and
// the bad string reported at its path; a guide may not carry it on.
constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

const char* kind_of(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number_integer() || j.is_number_unsigned()) return "an integer";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

}  // namespace

void JsonReader::problem(std::string_view key, const std::string& what) {
  problems_.add(subject_, path_of(key), what);
}

const Json* JsonReader::find(std::string_view key, Need need) {
  const auto it = node_.find(key);
  if (it == node_.end()) {
    if (need == Need::required) problem(key, "missing");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::check_text(const std::string& value, const std::string& path, std::size_t max_chars) {
  if (value.find(replacement_char) != std::string::npos) {
    problems_.add(subject_, path, "not valid UTF-8");
    return false;
  }
  const auto cps = utf8::decode(value);
  for (const char32_t cp : cps) {
    if (utf8::is_control(cp)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      problems_.add(subject_, path, std::string("contains a control character (") + code + ")");
      return false;
    }
  }
  if (cps.size() > max_chars) {
    problems_.add(subject_, path, "longer than " + std::to_string(max_chars) + " characters");
    return false;
  }
  return true;
}

std::string JsonReader::text(std::string_view key, Need need, std::size_t max_chars) {
  const Json* j = find(key, need);
  if (!j) return {};
  if (!j->is_string()) {
    problem(key, std::string("expected a string, got ") + kind_of(*j));
    return {};
  }
  const auto& value = j->get_ref<const std::string&>();
  if (!check_text(value, path_of(key), max_chars)) return {};
  if (need == Need::required && value.empty()) {
    problem(key, "expected a non-empty string");
    return {};
  }
  return value;
}

std::optional<int> JsonReader::integer(std::string_view key, Need need, int min, int max) {
  const Json* j = find(key, need);
  if (!j) return std::nullopt;
  if (!j->is_number_integer()) {
    problem(key, std::string("expected an integer, got ") + kind_of(*j));
    return std::nullopt;
  }
  const auto v = j->get<long long>();
  if (v < min || v > max) {
    problem(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                     std::to_string(v));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<bool> JsonReader::boolean(std::string_view key, Need need) {
  const Json* j = find(key, need);
  if (!j) return std::nullopt;
  if (!j->is_boolean()) {
    problem(key, std::string("expected true or false, got ") + kind_of(*j));
    return std::nullopt;
  }
  return j->get<bool>();
}

std::optional<Instant> JsonReader::time(std::string_view key, Need need) {
  const std::string value = text(key, need, 64);
  if (value.empty()) return std::nullopt;
  const auto t = parse_rfc3339(value);
  if (!t) problem(key, "expected an RFC 3339 time with an offset such as 2027-03-01T00:00:00+08:00, got \"" + value + "\"");
  return t;
}

std::vector<std::string> JsonReader::texts(std::string_view key, Need need, std::size_t min_count) {
  std::vector<std::string> out;
  const Json* j = find(key, need);
  if (!j) return out;
  if (!j->is_array()) {
    problem(key, std::string("expected an array of strings, got ") + kind_of(*j));
    return out;
  }
  if (j->size() < min_count) {
    problem(key, "expected at least " + std::to_string(min_count) + " item" + (min_count == 1 ? "" : "s"));
  }
  for (std::size_t i = 0; i < j->size(); ++i) {
    const std::string item_path = path_of(key) + "[" + std::to_string(i) + "]";
    const Json& item = (*j)[i];
    if (!item.is_string()) {
      problems_.add(subject_, item_path, std::string("expected a string, got ") + kind_of(item));
      continue;
    }
    const auto& value = item.get_ref<const std::string&>();
    if (value.empty()) {
      problems_.add(subject_, item_path, "expected a non-empty string");
      continue;
    }
    if (check_text(value, item_path, max_text_chars)) out.push_back(value);
  }
  return out;
}

std::optional<JsonReader> JsonReader::object(std::string_view key, Need need) {
  const Json* j = find(key, need);
  if (!j) return std::nullopt;
  if (!j->is_object()) {
    problem(key, std::string("expected an object, got ") + kind_of(*j));
    return std::nullopt;
  }
  return JsonReader(*j, path_of(key), subject_, problems_);
}

bool JsonReader::objects(std::string_view key, Need need, std::size_t min_count,
                         const std::function<void(JsonReader&)>& each) {
  const Json* j = find(key, need);
  if (!j) return false;
  if (!j->is_array()) {
    problem(key, std::string("expected an array, got ") + kind_of(*j));
    return false;
  }
  if (j->size() < min_count) {
    problem(key, "expected at least " + std::to_string(min_count) + " item" + (min_count == 1 ? "" : "s"));
  }
  for (std::size_t i = 0; i < j->size(); ++i) {
    const std::string item_path = path_of(key) + "[" + std::to_string(i) + "]";
    const Json& item = (*j)[i];
    if (!item.is_object()) {
      problems_.add(subject_, item_path, std::string("expected an object, got ") + kind_of(item));
      continue;
    }
    JsonReader reader(item, item_path, subject_, problems_);
    each(reader);
  }
  return true;
}

}  // namespace hall::catalogue
