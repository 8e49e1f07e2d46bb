// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every visible string is a key looked up in assets/i18n/<lang>.json (a flat object of
// "key": "text"). A key missing in the current language falls back to zh-CN, then to the key
// itself, so a gap shows up as a readable key instead of a blank.
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hall::ui {

// Marks a string literal as an i18n key where it is not looked up on the spot (tables, enums).
// The key test (tests/ui/i18n_keys_test.cpp) finds every string literal passed to tr, trf or K.
constexpr const char* K(const char* key) {  // NOLINT(readability-identifier-naming): short on purpose
  return key;
}

class Strings {
 public:
  using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  Strings() = default;
  // Unparseable text leaves that language empty (lookups fall back) and is reported by problems().
  Strings(std::string_view zh_cn_json, std::string_view en_json);

  void set_language(std::string_view language);  // "zh-CN" or "en"; anything else means zh-CN
  const std::string& language() const { return language_; }

  const std::string& tr(std::string_view key) const;
  // tr() with "{name}" placeholders replaced: trf("home.topic_count", {{"n", "7"}}).
  std::string trf(std::string_view key, Args args) const;

  std::vector<std::string> keys(std::string_view language) const;
  // Every text of both languages, concatenated: what the glyph atlas needs from the strings.
  std::string all_text() const;
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  using Table = std::map<std::string, std::string, std::less<>>;
  const Table* table(std::string_view language) const;

  Table zh_, en_;
  std::string language_ = "zh-CN";
  std::vector<std::string> problems_;
};

// Replaces each "{name}" in `text` by its value; unknown placeholders stay as they are.
std::string substitute(std::string_view text, Strings::Args args);

}  // namespace hall::ui
