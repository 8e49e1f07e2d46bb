// SPDX-License-Identifier: Apache-2.0
// hallctl slip/notice render, end to end through the real binary.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support/run_process.h"
#include "support/temp_dir.h"

using namespace hall::test;

TEST_CASE("hallctl slip render --sample writes an 80 or 58 mm PDF and a PNG", "[cli][slip]") {
  // Sanitizer builds: hallctl inherits the suppression of cairo 1.16's own PDF leak (tests/lsan.supp).
  setenv("LSAN_OPTIONS", "suppressions=" HALL_SOURCE_ASSETS "/../tests/lsan.supp:print_suppressions=0", 1);
  TempDir dir;
  auto r =
      run_process({HALLCTL_PATH, "slip", "render", "--sample", "--out", dir.file("s.pdf"), "--png", dir.file("s.png")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("226.772 x") != std::string::npos);
  CHECK(std::filesystem::file_size(dir.file("s.png")) > 1000);
  r = run_process({HALLCTL_PATH, "slip", "render", "--sample", "--width", "58", "--out", dir.file("n.pdf")});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("164.409 x") != std::string::npos);
  r = run_process({HALLCTL_PATH, "slip", "render", "--sample", "--width", "70", "--out", dir.file("x.pdf")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--width 70") != std::string::npos);
  r = run_process({HALLCTL_PATH, "notice", "render", "--sample", "--out", dir.file("notice.pdf")});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("iso_a4_210x297mm") != std::string::npos);
  r = run_process({HALLCTL_PATH, "slip", "render", "--out", dir.file("y.pdf")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("give --ticket ID or --sample") != std::string::npos);
  r = run_process({HALLCTL_PATH, "slip", "render", "--ticket", "x1", "--out", dir.file("y.pdf")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--ticket x1") != std::string::npos);
}
