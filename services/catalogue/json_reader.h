// SPDX-License-Identifier: Apache-2.0
#pragma once
// Walks untrusted JSON and records every problem with the guide and the JSON path it belongs to,
// so an administrator sees all mistakes of a file at once, each pointing at its place.
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.h"

namespace hall::catalogue {

using Json = nlohmann::ordered_json;

// The spec's limits, in one place.
inline constexpr std::size_t max_text_chars = 20'000;
inline constexpr std::size_t max_file_bytes = 64u * 1024u * 1024u;
inline constexpr int max_nesting = 32;
// A guide's change note (README, "Changed guides"): a few lines under its title, never cut.
inline constexpr std::size_t max_change_chars = 300;
inline constexpr std::size_t max_change_en_chars = 600;

class Problems {
 public:
  void add(const std::string& subject, const std::string& path, const std::string& what) {
    messages_.push_back(subject + ": " + path + ": " + what);
  }
  void add_plain(std::string message) { messages_.push_back(std::move(message)); }
  bool empty() const { return messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

enum class Need { required, optional };

class JsonReader {
 public:
  JsonReader(const Json& node, std::string path, std::string subject, Problems& problems)
      : node_(node), path_(std::move(path)), subject_(std::move(subject)), problems_(problems) {}

  std::string text(std::string_view key, Need need, std::size_t max_chars = max_text_chars);
  std::optional<int> integer(std::string_view key, Need need, int min, int max);
  std::optional<bool> boolean(std::string_view key, Need need);
  std::optional<Instant> time(std::string_view key, Need need);
  std::vector<std::string> texts(std::string_view key, Need need, std::size_t min_count = 0);
  std::optional<JsonReader> object(std::string_view key, Need need);
  // Calls `each` for every element of an array of objects; returns false when the array is absent or wrong.
  bool objects(std::string_view key, Need need, std::size_t min_count,
               const std::function<void(JsonReader&)>& each);

  template <class E>
  std::optional<E> choice(std::string_view key, Need need, std::initializer_list<std::pair<const char*, E>> options) {
    const std::string value = text(key, need, 64);
    if (value.empty()) return std::nullopt;
    for (const auto& [name, e] : options) {
      if (value == name) return e;
    }
    std::string allowed;
    for (const auto& [name, e] : options) allowed += (allowed.empty() ? "" : " | ") + std::string(name);
    problem(key, "expected one of " + allowed + ", got \"" + value + "\"");
    return std::nullopt;
  }

  // Checks one string value (UTF-8, controls, length) found at `path`.
  bool check_text(const std::string& value, const std::string& path, std::size_t max_chars);

  void problem(std::string_view key, const std::string& what);
  void problem_here(const std::string& what) { problems_.add(subject_, path_, what); }
  std::string path_of(std::string_view key) const { return path_ + "." + std::string(key); }
  const std::string& subject() const { return subject_; }
  const Json& node() const { return node_; }
  bool has(std::string_view key) const { return node_.contains(key); }

 private:
  const Json* find(std::string_view key, Need need);

  const Json& node_;
  std::string path_;
  std::string subject_;
  Problems& problems_;
};

}  // namespace hall::catalogue
