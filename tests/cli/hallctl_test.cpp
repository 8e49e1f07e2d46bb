// SPDX-License-Identifier: Apache-2.0
// hallctl end to end, through its real binary: exit codes, messages, and what lands on disk.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/hallctl.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::TempDir;
using hall::test::valid_guide;
using hall::test::write_file;
using Json = nlohmann::json;

namespace {

const std::string demo_catalogue = std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json";

}  // namespace

TEST_CASE("hallctl --help documents every catalogue verb", "[cli]") {
  const auto r = hallctl({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* verb : {"validate", "import", "list", "show", "search", "export", "--data", "--json"}) {
    CHECK_THAT(r.out, Catch::Contains(verb));
  }
  CHECK(hallctl({"catalogue", "--help"}).exit_code == 0);
}

TEST_CASE("usage mistakes exit 2 with a message", "[cli]") {
  const std::vector<std::vector<std::string>> mistakes = {
      {}, {"nonsense"}, {"catalogue"}, {"catalogue", "frobnicate"}, {"catalogue", "show"},
      {"catalogue", "list", "extra"}, {"catalogue", "list", "--bogus"}, {"catalogue", "list", "--data"}};
  for (const auto& args : mistakes) {
    const auto r = hallctl(args);
    INFO("args: " << args.size());
    CHECK(r.exit_code == 2);
    CHECK_FALSE((r.err + r.out).empty());
  }
}

TEST_CASE("validate lists every problem and exits 2", "[cli]") {
  TempDir dir;
  auto bad = valid_guide("G-BAD");
  bad.erase("conditions");
  bad["materials"][2]["certificate"].erase("issued_by");
  write_file(dir.file("bad.json"), hall::test::catalogue_text({bad}));
  const auto r = hallctl({"catalogue", "validate", dir.file("bad.json")});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("guide G-BAD: $.conditions: missing"));
  CHECK_THAT(r.err, Catch::Contains("guide G-BAD: $.materials[2].certificate.issued_by: missing"));

  const auto j = hallctl({"catalogue", "validate", dir.file("bad.json"), "--json"});
  CHECK(j.exit_code == 2);
  const auto out = Json::parse(j.out);
  CHECK(out["valid"] == false);
  CHECK(out["problems"].size() == 2);

  const auto ok = hallctl({"catalogue", "validate", demo_catalogue});
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("valid"));
}

TEST_CASE("garbage files never crash hallctl", "[cli]") {
  TempDir dir;
  const std::vector<std::string> garbage = {"", std::string("\xFF\xFE\x00\x01", 4), "{", std::string(100, '['), "null",
                                            "{\"format\": \"hallkiosk.catalogue/1\", \"guides\": [1, null, {}]}"};
  for (std::size_t i = 0; i < garbage.size(); ++i) {
    const std::string path = dir.file("garbage-" + std::to_string(i));
    write_file(path, garbage[i]);
    const auto r = hallctl({"catalogue", "import", path, "--data", dir.file("data")});
    INFO("garbage #" << i << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, !Catch::Contains("terminate") && !Catch::Contains("Aborted"));
  }
  CHECK(hallctl({"catalogue", "validate", dir.file("missing.json")}).exit_code == 1);
}

TEST_CASE("import, list, show, search and export work on a data folder", "[cli]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  const auto imported = hallctl({"catalogue", "import", demo_catalogue, "--data", data, "--json"});
  REQUIRE(imported.exit_code == 0);
  const auto report = Json::parse(imported.out);
  CHECK(report["added"].get<int>() >= 24);

  const auto again = hallctl({"catalogue", "import", demo_catalogue, "--data", data, "--json"});
  REQUIRE(again.exit_code == 0);
  CHECK(Json::parse(again.out)["added"] == 0);
  CHECK(Json::parse(again.out)["unchanged"] == report["added"]);

  const auto list = hallctl({"catalogue", "list", "--data", data, "--json"});
  REQUIRE(list.exit_code == 0);
  const auto guides = Json::parse(list.out);
  CHECK(guides.size() >= 23);  // the scheduled version stays out until its date
  const std::string first_id = guides[0]["id"];

  const auto show = hallctl({"catalogue", "show", first_id, "--data", data});
  CHECK(show.exit_code == 0);
  CHECK_THAT(show.out, Catch::Contains("申请材料"));
  CHECK(hallctl({"catalogue", "show", "NO-SUCH-ID", "--data", data}).exit_code == 1);

  const auto search = hallctl({"catalogue", "search", "gljt", "--data", data, "--json"});
  REQUIRE(search.exit_code == 0);
  const auto hits = Json::parse(search.out);
  REQUIRE_FALSE(hits.empty());
  CHECK_THAT(hits[0]["name"].get<std::string>(), Catch::Contains("高龄津贴"));

  const auto exported = hallctl({"catalogue", "export", "--data", data});
  REQUIRE(exported.exit_code == 0);
  write_file(dir.file("export.json"), exported.out);
  CHECK(hallctl({"catalogue", "validate", dir.file("export.json")}).exit_code == 0);
}

TEST_CASE("a refused import exits 2 and leaves the data folder as it was", "[cli]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  write_file(dir.file("v3.json"), hall::test::catalogue_text({valid_guide("G-1", "高龄津贴申领", 3)}));
  write_file(dir.file("v2.json"),
             hall::test::catalogue_text({valid_guide("G-2", "临时救助申请"), valid_guide("G-1", "高龄津贴申领", 2)}));
  REQUIRE(hallctl({"catalogue", "import", dir.file("v3.json"), "--data", data}).exit_code == 0);
  const auto before = hallctl({"catalogue", "export", "--data", data}).out;
  const auto r = hallctl({"catalogue", "import", dir.file("v2.json"), "--data", data});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("guide G-1: $.version: version 2 is lower than the stored version 3"));
  CHECK(hallctl({"catalogue", "export", "--data", data}).out == before);
}
