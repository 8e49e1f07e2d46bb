// SPDX-License-Identifier: Apache-2.0
// hallctl workdays import and show, and the ticket slip's date line, through the real binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/demo_hall.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"

namespace workdays_cli_test {

using hall::test::demo;
using hall::test::hallctl;
using hall::test::TempDir;
using hall::test::write_file;
using Json = nlohmann::json;

namespace {

std::vector<int> shown_years(const std::string& data) {
  const auto r = hallctl({"workdays", "show", "--data", data, "--json"});
  REQUIRE(r.exit_code == 0);
  std::vector<int> out;
  const auto shown = Json::parse(r.out);
  for (const auto& y : shown["years"]) out.push_back(y["year"].get<int>());
  return out;
}

}  // namespace

TEST_CASE("workdays import makes a file the hall's calendar, and show lists it", "[cli][calendar]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  const auto none = hallctl({"workdays", "show", "--data", data});
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.err, Catch::Contains("no working-day calendar") && Catch::Contains("hallctl workdays import"));

  const auto first = hallctl({"workdays", "import", demo + "/workdays.json", "--data", data, "--json"});
  REQUIRE(first.exit_code == 0);
  CHECK(Json::parse(first.out)["added"] == Json::array({2025, 2026}));
  const auto again = hallctl({"workdays", "import", demo + "/workdays.json", "--data", data});
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("unchanged: 2025, 2026"));

  const auto y2026 = hallctl({"workdays", "show", "--year", "2026", "--data", data, "--json"});
  REQUIRE(y2026.exit_code == 0);
  const auto j = Json::parse(y2026.out)["years"];
  REQUIRE(j.size() == 1);
  CHECK(j[0]["year"] == 2026);
  bool national_day = false;
  for (const auto& h : j[0]["holidays"]) {
    if (h["name"] == "国庆节") national_day = h["from"] == "2026-10-01" && h["days"] == 7;
  }
  CHECK(national_day);
  const auto text = hallctl({"workdays", "show", "--year", "2026", "--data", data});
  CHECK_THAT(text.out, Catch::Contains("2026-10-01 – 2026-10-07  国庆节 (National Day)  放假 7 天") &&
                           Catch::Contains("2026-10-10 星期六  调休上班"));
  CHECK(hallctl({"workdays", "show", "--year", "2027", "--data", data}).exit_code == 1);
  CHECK(hallctl({"workdays", "show", "--year", "twenty", "--data", data}).exit_code == 2);
}

TEST_CASE("a refused calendar file leaves the hall's calendar as it was", "[cli][calendar]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  REQUIRE(hallctl({"workdays", "import", demo + "/workdays.json", "--data", data}).exit_code == 0);
  const std::string friday = dir.file("friday.json");
  write_file(
      friday,
      R"({"format": "hallkiosk.workdays/1", "years": [{"year": 2025, "source": "x", "holidays": [{"name": "国庆节", "from": "2025-10-01", "to": "2025-10-08"}], "working_weekends": ["2025-10-10"]}, {"year": 2026, "source": "y", "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-07"}], "working_weekends": []}]})");
  const std::string only_2027 = dir.file("only-2027.json");
  write_file(
      only_2027,
      R"({"format": "hallkiosk.workdays/1", "years": [{"year": 2027, "source": "x", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}], "working_weekends": []}]})");
  const std::string broken = dir.file("broken.json");
  write_file(broken, R"({"format": "hallkiosk.workdays/1", "years": [)");
  struct Case {
    const char* rule;
    std::string file;
    int exit_code;
    const char* says;
  };
  const Case cases[] = {
      {"a 调休 day on a Friday", friday, 2,
       "2025-10-10 is listed as a working weekend but is not a Saturday or Sunday"},
      {"years the hall holds left out", only_2027, 2, "leaves out"},
      {"not JSON", broken, 2, "calendar"},
      {"no such file", dir.file("missing.json"), 1, "missing.json"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto r = hallctl({"workdays", "import", row.file, "--data", data});
    CHECK(r.exit_code == row.exit_code);
    CHECK_THAT(r.err, Catch::Contains(row.says));
    CHECK(shown_years(data) == std::vector<int>{2025, 2026});
    // The stored 2026 is still the demo's: its 调休 Saturday after National Day is there.
    CHECK_THAT(hallctl({"workdays", "show", "--year", "2026", "--data", data}).out, Catch::Contains("2026-10-10"));
  }
}

TEST_CASE("the ticket slip prints the promised limit's date only when the hall has a calendar",
          "[cli][calendar][slip]") {
  TempDir dir;
  const std::string data = dir.file("hall");
  REQUIRE(hallctl({"hall", "init", "--data", data, "--from", demo + "/hall.json"}).exit_code == 0);
  const auto slip_text = [&] {
    const std::string pdf = dir.file("slip.pdf");
    REQUIRE(hallctl({"slip", "render", "--sample", "--data", data, "--out", pdf}).exit_code == 0);
    return hall::test::run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
  };
  CHECK_THAT(slip_text(), !Catch::Contains("今日受理"));
  REQUIRE(hallctl({"workdays", "import", demo + "/workdays.json", "--data", data}).exit_code == 0);
  CHECK_THAT(slip_text(), Catch::Contains("今日受理，"));
}

}  // namespace workdays_cli_test
