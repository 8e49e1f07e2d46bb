// SPDX-License-Identifier: Apache-2.0
// The one guarded entry for untrusted JSON (services/common/json_guard): each row is one rule,
// with the exact fault it must give.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <optional>
#include <string>

#include "common/json_guard.h"

using namespace hall;

namespace {

struct GuardRule {
  const char* name;
  std::string bytes;
  JsonLimits limits;
  std::optional<JsonFault> fault;  // nullopt: accepted
};

const GuardRule guard_rules[] = {
    {"within every limit: accepted", R"({"a": [1, {"b": 2}]})", {64, 3, 8}, std::nullopt},
    {"one byte over the size limit", std::string(65, ' ') + "1", {65, 3, 8}, JsonFault::too_large},
    {"one level deeper than the limit", "[[[[]]]]", {64, 3, 8}, JsonFault::too_deep},
    {"more containers than the limit, however flat", "[{},{},{},{},{},{},{},{}]", {64, 3, 8}, JsonFault::too_deep},
    {"brackets inside a string do not count", R"(["[[[[[[[[", "{{{{{{{{"])", {64, 2, 8}, std::nullopt},
    {"an escaped quote does not end a string", R"(["\"[[[[[[", "\\", []])", {64, 2, 8}, std::nullopt},
    {"not JSON at all", "{\"a\": ", {64, 3, 8}, JsonFault::not_json},
    {"a UTF-8 byte order mark before the text is the parser's to accept", "\xEF\xBB\xBF{}", {64, 3, 8}, std::nullopt},
};

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

TEST_CASE("untrusted JSON passes one guard that checks size, depth and containers first", "[common][json]") {
  for (const auto& rule : guard_rules) {
    DYNAMIC_SECTION(rule.name) {
      const auto j = parse_untrusted_json(rule.bytes, rule.limits, "test.json");
      if (!rule.fault) {
        CHECK(j);
      } else {
        REQUIRE_FALSE(j);
        INFO(j.error().error.message);
        CHECK(to_string(j.error().fault) == std::string(to_string(*rule.fault)));
        CHECK_THAT(j.error().error.message, Catch::StartsWith("test.json: "));
      }
    }
  }
}

TEST_CASE("8 MiB of opening brackets is refused by the guard at once and in bounded memory", "[common][json][bomb]") {
  const std::string bomb(8u << 20, '[');
  const long rss_before = peak_rss_kib();
  const auto start = std::chrono::steady_clock::now();
  const auto j = parse_untrusted_json(bomb, {16u << 20, 32}, "bomb.json");
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(j);
  CHECK(j.error().fault == JsonFault::too_deep);
  CHECK_THAT(j.error().error.message, Catch::Contains("byte 32: nested deeper than 32 levels"));
  CHECK(took < std::chrono::milliseconds(100));
  CHECK(peak_rss_kib() - rss_before < 16 * 1024);  // nothing built: the peak grew by less than 16 MiB
}
