// SPDX-License-Identifier: Apache-2.0
// Every key the code asks for is defined in each language, and every defined key is used.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "i18n/strings.h"
#include "ui_driver.h"

using hall::test::read_asset;

namespace {

// String literals passed to tr(), trf() or K() anywhere under ui/.
std::set<std::string> keys_in_code() {
  const std::regex call(R"re(\b(?:tr|trf|K)\(\s*"([^"]+)")re");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(HALL_UI_SOURCE_DIR)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string text = hall::test::read_file(entry.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) keys.insert((*it)[1].str());
  }
  return keys;
}

std::set<std::string> keys_in_file(const std::string& name) {
  const auto doc = nlohmann::json::parse(read_asset("i18n/" + name));
  std::set<std::string> keys;
  for (const auto& [k, v] : doc.items()) {
    INFO(name << ": " << k);
    CHECK(v.is_string());
    CHECK_FALSE(v.get<std::string>().empty());
    keys.insert(k);
  }
  return keys;
}

}  // namespace

TEST_CASE("the i18n keys used in code and defined in each language are the same set", "[ui][i18n]") {
  const auto used = keys_in_code();
  REQUIRE(used.size() > 50);
  for (const char* file : {"zh-CN.json", "en.json"}) {
    const auto defined = keys_in_file(file);
    for (const auto& k : used) {
      INFO(file << " lacks " << k);
      CHECK(defined.count(k) == 1);
    }
    for (const auto& k : defined) {
      INFO(file << " defines " << k << ", which no code uses");
      CHECK(used.count(k) == 1);
    }
  }
}

TEST_CASE("lookups fall back to zh-CN, then to the key", "[ui][i18n]") {
  hall::ui::Strings s(R"({"a": "甲", "b": "乙 {n}"})", R"({"a": "A"})");
  CHECK(s.problems().empty());
  CHECK(s.tr("a") == "甲");
  s.set_language("en");
  CHECK(s.tr("a") == "A");
  CHECK(s.tr("b") == "乙 {n}");
  CHECK(s.trf("b", {{"n", "7"}}) == "乙 7");
  CHECK(s.tr("missing.key") == "missing.key");
  s.set_language("fr");
  CHECK(s.language() == "zh-CN");

  hall::ui::Strings broken("{not json", R"({"a": 1})");
  CHECK(broken.problems().size() == 2);
  CHECK(broken.tr("a") == "a");
}
