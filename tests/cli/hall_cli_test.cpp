// SPDX-License-Identifier: Apache-2.0
// hallctl hall init: a data folder the kiosk opens, and refusals that say what mends them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/demo_hall.h"
#include "catalogue/catalogue_store.h"
#include "hall/hall_config.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::TempDir;
using hall::test::write_file;

using hall::test::demo;

namespace {


}  // namespace

TEST_CASE("hall init makes a data folder with a valid hall.json and an empty catalogue", "[cli][hall]") {
  TempDir dir;
  const std::string data = dir.file("new-hall");
  const auto r = hallctl({"hall", "init", "--data", data, "--name", "测试街道便民服务中心", "--address", "测试路1号",
                          "--name-en", "Test Subdistrict Service Centre", "--zone", "Asia/Shanghai"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("hallctl catalogue import FILE --data " + data));
  const auto hall = hall::load_hall_config(data + "/hall.json");
  REQUIRE(hall);
  CHECK(hall->name == "测试街道便民服务中心");
  CHECK(hall->name_en == "Test Subdistrict Service Centre");
  CHECK(hall->windows.size() == 1);
  hall::SystemClock clock;
  auto store = hall::catalogue::CatalogueStore::open(data + "/catalogue.db", clock);
  REQUIRE(store);
  // The guides follow, and the folder then lists them like any hall.
  REQUIRE(hallctl({"catalogue", "import", demo + "/catalogue.json", "--data", data}).exit_code == 0);
  CHECK_THAT(hallctl({"catalogue", "list", "--data", data}).out, Catch::Contains("最低生活保障"));
}

TEST_CASE("hall init from a template keeps its groups and windows, flags override", "[cli][hall]") {
  TempDir dir;
  const std::string data = dir.file("from-template");
  const auto r =
      hallctl({"hall", "init", "--data", data, "--from", demo + "/hall.json", "--name", "新建街道便民服务中心"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto hall = hall::load_hall_config(data + "/hall.json");
  const auto template_hall = hall::load_hall_config(demo + "/hall.json");
  REQUIRE(hall);
  REQUIRE(template_hall);
  CHECK(hall->name == "新建街道便民服务中心");
  CHECK(hall->windows.size() == template_hall->windows.size());
}

TEST_CASE("hall init refuses what it cannot make right, and changes nothing", "[cli][hall]") {
  TempDir dir;
  const std::string made = dir.file("made");
  REQUIRE(hallctl({"hall", "init", "--data", made, "--name", "甲", "--address", "乙"}).exit_code == 0);
  const std::string broken = dir.file("broken");
  std::filesystem::create_directories(broken);
  write_file(broken + "/hall.json", R"({"format": "hallkiosk.hall/1"})");
  struct Case {
    const char* rule;
    std::vector<std::string> args;
    const char* says;
    const char* folder;  // must not have been created, or "" when it existed before
  };
  const Case cases[] = {
      {"--data is required", {"hall", "init", "--name", "甲", "--address", "乙"}, "--data DIR is required", ""},
      {"without a template, name and address are required",
       {"hall", "init", "--data", dir.file("a")},
       "$.name: expected a non-empty string",
       "a"},
      {"an unknown zone is refused",
       {"hall", "init", "--data", dir.file("b"), "--name", "甲", "--address", "乙", "--zone", "Mars/Olympus"},
       "not in this machine's tzdata",
       "b"},
      {"a missing template is named",
       {"hall", "init", "--data", dir.file("c"), "--from", dir.file("none.json")},
       "none.json: cannot be opened",
       "c"},
      {"a finished hall is left alone",
       {"hall", "init", "--data", made, "--name", "丙", "--address", "丁"},
       "is already a hall",
       ""},
      {"a broken hall.json is listed and kept",
       {"hall", "init", "--data", broken, "--name", "甲", "--address", "乙"},
       "$.default_queue_group: missing",
       ""},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const auto r = hallctl(c.args);
    // A file that is not there is a failure (1), like `catalogue validate` of one; the rest usage (2).
    CHECK(r.exit_code == (std::string(c.says).find("cannot be opened") != std::string::npos ? 1 : 2));
    CHECK_THAT(r.err, Catch::Contains(c.says));
    if (*c.folder) CHECK_FALSE(std::filesystem::exists(dir.file(c.folder)));
  }
  CHECK(hall::load_hall_config(made + "/hall.json")->name == "甲");
  CHECK_FALSE(std::filesystem::exists(broken + "/catalogue.db"));
}

TEST_CASE("a folder that is not yet a hall says the command that mends it", "[cli][hall]") {
  TempDir dir;
  const std::string bare = dir.file("bare");
  // Guides imported into a bare folder: done, with a word that the kiosk needs the hall too.
  const auto imported = hallctl({"catalogue", "import", demo + "/catalogue.json", "--data", bare});
  CHECK(imported.exit_code == 0);
  CHECK_THAT(imported.err, Catch::Contains("hallctl hall init --data " + bare));
  // Commands that need hall.json refuse with the same command.
  const auto stats = hallctl({"queue", "stats", "--data", bare});
  CHECK(stats.exit_code != 0);
  CHECK_THAT(stats.err, Catch::Contains("hallctl hall init --data " + bare));
  write_file(bare + "/hall.json", "{");
  const auto broken = hallctl({"queue", "stats", "--data", bare});
  CHECK(broken.exit_code != 0);
  CHECK_THAT(broken.err, Catch::Contains("move it away and run: hallctl hall init --data " + bare));
}
