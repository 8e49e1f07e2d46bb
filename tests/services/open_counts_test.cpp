// SPDX-License-Identifier: Apache-2.0
// The 常办 order: the hall's list, then this kiosk's open counts, then pinyin.
#include <catch2/catch.hpp>

#include <fstream>

#include "hall/open_counts.h"
#include "support/temp_dir.h"

using namespace hall;

namespace {

// Guide guide_ids in pinyin order, as the kiosk's catalogue holds them.
const std::vector<std::string> guide_ids = {"A", "B", "C", "D", "E"};

std::vector<std::string> ordered(const std::vector<std::string>& listed, const OpenCounts& counts) {
  std::vector<std::string> out;
  for (const auto i : common_order(guide_ids, listed, counts)) out.push_back(guide_ids[i]);
  return out;
}

}  // namespace

TEST_CASE("the 常办 order: the hall's list, then open counts, then pinyin", "[hall][common]") {
  struct Case {
    const char* rule;
    std::vector<std::string> listed;
    OpenCounts counts;
    std::vector<std::string> order;
  };
  const Case cases[] = {
      {"nothing set: pinyin order", {}, {}, {"A", "B", "C", "D", "E"}},
      {"the hall's list leads, in its own order", {"D", "B"}, {}, {"D", "B", "A", "C", "E"}},
      {"counts rank the rest, most first", {}, {{"C", 5}, {"E", 9}}, {"E", "C", "A", "B", "D"}},
      {"equal counts keep pinyin order", {}, {{"D", 2}, {"B", 2}}, {"B", "D", "A", "C", "E"}},
      {"the list wins over counts", {"A"}, {{"E", 50}}, {"A", "E", "B", "C", "D"}},
      {"a listed id not in the catalogue is skipped", {"Z", "C"}, {}, {"C", "A", "B", "D", "E"}},
      {"counts of guides no longer there change nothing", {}, {{"GONE", 7}}, {"A", "B", "C", "D", "E"}},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(ordered(c.listed, c.counts) == c.order);
  }
}

TEST_CASE("open counts survive a write and read, and damage is an error naming the file", "[hall][common]") {
  test::TempDir dir;
  const std::string path = dir.file("open_counts.json");
  const auto none = read_open_counts(path);
  REQUIRE(none);
  CHECK(none->empty());  // a new kiosk has counted nothing
  REQUIRE(write_open_counts(path, {{"370811-JZ-0006", 12}, {"370811-JZ-0001", 3}}));
  const auto back = read_open_counts(path);
  REQUIRE(back);
  CHECK(*back == OpenCounts{{"370811-JZ-0006", 12}, {"370811-JZ-0001", 3}});
  for (const char* damaged : {"{", "[]", R"({"format": "other", "counts": {}})",
                              R"({"format": "hallkiosk.open_counts/1", "counts": {"A": -1}})",
                              R"({"format": "hallkiosk.open_counts/1", "counts": {"A": "x"}})"}) {
    INFO(damaged);
    std::ofstream(path, std::ios::trunc) << damaged;
    const auto read = read_open_counts(path);
    REQUIRE_FALSE(read);
    CHECK(read.error().message.find(path) != std::string::npos);
  }
}
