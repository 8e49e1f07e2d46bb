// SPDX-License-Identifier: Apache-2.0
// hallctl notice validate and scan, through the real binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/demo_hall.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::TempDir;
using hall::test::write_file;
using Json = nlohmann::json;

using hall::test::demo;

namespace {


}  // namespace

TEST_CASE("notice validate accepts the demo notices", "[cli][notices]") {
  const auto r = hallctl({"notice", "validate", demo + "/notices.json"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("valid, 9 notice(s)"));
  const auto j = hallctl({"notice", "validate", demo + "/notices.json", "--json"});
  CHECK(j.exit_code == 0);
  CHECK(Json::parse(j.out)["notices"] == 9);
}

TEST_CASE("notice validate lists every problem and exits 2", "[cli][notices]") {
  TempDir dir;
  auto file = Json::parse(hall::test::read_file(demo + "/notices.json"));
  file["notices"][0].erase("doc_no");
  file["notices"][2]["draft"]["comment_to"] = "2026-11-01";
  write_file(dir.file("bad.json"), file.dump());
  const auto r = hallctl({"notice", "validate", dir.file("bad.json")});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("notice N-2023-001: $.doc_no: missing"));
  CHECK_THAT(r.err, Catch::Contains("notice N-2026-D07: $.draft.comment_to: expected a date not before comment_from"));
  const auto j = hallctl({"notice", "validate", dir.file("bad.json"), "--json"});
  CHECK(j.exit_code == 2);
  CHECK(Json::parse(j.out)["problems"].size() == 2);
  CHECK(hallctl({"notice", "validate", dir.file("missing.json")}).exit_code == 1);
  CHECK(hallctl({"notice", "validate"}).exit_code == 2);
}

TEST_CASE("a file that is not JSON is named in the refusal", "[cli][notices]") {
  TempDir dir;
  const std::string broken = dir.file("broken.json");
  write_file(broken, R"({"format": "hallkiosk.notices/1", "notices": [)");
  const auto r = hallctl({"notice", "validate", broken});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(broken + ": notices: not JSON"));
  const auto j = hallctl({"notice", "validate", broken, "--json"});
  CHECK(j.exit_code == 2);
  CHECK(Json::parse(j.out)["problems"][0].get<std::string>().starts_with(broken + ": "));
  // scan and import read a file the same way.
  const auto scan = hallctl({"notice", "scan", broken});
  CHECK(scan.exit_code == 2);
  CHECK_THAT(scan.err, Catch::Contains(broken));
}

TEST_CASE("a draft with its deputies is valid for the central store only", "[cli][notices]") {
  const auto draft = demo + "/notice-drafts/proposal-reply.json";
  const auto published = hallctl({"notice", "validate", draft});
  CHECK(published.exit_code == 2);
  CHECK_THAT(published.err,
             Catch::Contains("$.proposal.representatives: the names and contacts of deputies never leave"));
  CHECK(hallctl({"notice", "validate", draft, "--central"}).exit_code == 0);
}

TEST_CASE("notice scan shows each hit with its mask", "[cli][notices]") {
  const auto r = hallctl({"notice", "scan", demo + "/notice-drafts/proposal-reply.json"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("notice N-2026-R12: $.title (byte 21): 代表委员姓名 → 张**"));
  CHECK_THAT(r.out, Catch::Contains("2 hit(s) in 1 notice(s)"));
  const auto j = hallctl({"notice", "scan", demo + "/notices.json", "--json"});
  CHECK(j.exit_code == 0);
  CHECK(Json::parse(j.out).empty());
}

TEST_CASE("notice render stays the slip's", "[cli][notices]") {
  const auto help = hallctl({"notice", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("validate") && Catch::Contains("render"));
  TempDir dir;
  CHECK(hallctl({"notice", "render", "--sample", "--out", dir.file("n.pdf")}).exit_code == 0);
}

TEST_CASE("notice import and list: the directory a visitor sees", "[cli][notices]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  const auto first = hallctl({"notice", "import", demo + "/notices.json", "--data", data, "--json"});
  REQUIRE(first.exit_code == 0);
  CHECK(Json::parse(first.out)["added"] == 9);
  CHECK(Json::parse(hallctl({"notice", "import", demo + "/notices.json", "--data", data, "--json"}).out)["unchanged"] ==
        9);

  const auto list = hallctl({"notice", "list", "--data", data, "--date", "2026-12-02", "--json"});
  REQUIRE(list.exit_code == 0);
  const auto d = Json::parse(list.out);
  REQUIRE(d["open_drafts"].size() == 1);
  CHECK(d["open_drafts"][0]["comment_days_left"] == 18);
  CHECK(d["categories"].size() == 5);
  CHECK(d["categories"][0]["count"] == 3);

  const auto text = hallctl({"notice", "list", "--data", data, "--date", "2026-12-02"});
  CHECK_THAT(text.out,
             Catch::Contains("征求意见中") && Catch::Contains("还剩 18 天") && Catch::Contains("安居办发〔2023〕1号"));
  CHECK(hallctl({"notice", "list", "--data", data, "--date", "12/02"}).exit_code == 2);

  // A file not fit to publish changes nothing.
  const auto draft = hallctl({"notice", "import", demo + "/notice-drafts/proposal-reply.json", "--data", data});
  CHECK(draft.exit_code == 2);
  CHECK_THAT(draft.err, Catch::Contains("$.proposal.representatives"));
}
