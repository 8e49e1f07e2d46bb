// SPDX-License-Identifier: Apache-2.0
// hallkiosk as a program: its options, what it does without a display, and how it follows the
// catalogue on disk (another process's import, a guide whose effective time comes) without a restart.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "support/child_process.h"
#include "common/rfc3339.h"
#include "kiosk_runner.h"
#include "support/sample_guides.h"
#include "xvfb_server.h"

namespace hall::test {
namespace {

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

void import_guides(const std::string& data, const std::vector<Json>& guides) {
  SystemClock clock;
  auto file = catalogue::parse_catalogue(catalogue_text(guides));
  REQUIRE(file.has_value());
  auto store = catalogue::CatalogueStore::open(data + "/catalogue.db", clock);
  REQUIRE(store.has_value());
  REQUIRE(store->import(*file).has_value());
}

}  // namespace

TEST_CASE("hallkiosk without a display says so and how to get a picture, and exits 1", "[gui][display]") {
  TempDir hall, out;
  const std::string data = make_demo_hall(hall);
  const auto run = run_hallkiosk("", {"--data", data, "--windowed", "800x600", "--screenshot", out.file("x.png")});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("there is no display") != std::string::npos);
  CHECK(run.err.find("Xvfb :99 -screen 0 1920x1080x24") != std::string::npos);
  CHECK(run.err.find("--screenshot") != std::string::npos);
  CHECK_FALSE(exists(out.file("x.png")));
}

TEST_CASE("hallkiosk with a display that is not there exits 1 with the same advice", "[gui][display]") {
  std::string display = ":4999";
  REQUIRE_FALSE(exists("/tmp/.X11-unix/X4999"));
  TempDir hall;
  const auto run = run_hallkiosk(display, {"--data", make_demo_hall(hall), "--windowed", "800x600"});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("there is no display") != std::string::npos);
}

TEST_CASE("hallkiosk --help documents every option, a wrong option exits 2", "[gui][options]") {
  const auto help = run_hallkiosk("", {"--help"});
  CHECK(help.exit_code == 0);
  for (const char* option :
       {"--windowed WxH", "--data DIR", "--lang zh-CN|en", "--screen SPEC", "--screenshot FILE.png", "--large-text",
        "--idle-timeout SECS", "--frames N", "--timings", "--help"}) {
    INFO(option);
    CHECK(help.out.find(option) != std::string::npos);
  }
  for (const auto& bad : std::vector<std::vector<std::string>>{{"--windowed", "big"},
                                                               {"--lang", "fr"},
                                                               {"--screen", "settings"},
                                                               {"--idle-timeout", "-1"},
                                                               {"--nope"},
                                                               {"--data"}}) {
    const auto run = run_hallkiosk("", bad);
    INFO(bad[0] << " " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("hallkiosk: ") == 0);
  }
}

TEST_CASE("hallkiosk --screenshot of a guide the hall does not have exits 2 and writes nothing", "[gui][options]") {
  XvfbServer x(1024, 768);
  TempDir hall, out;
  const auto run = run_hallkiosk(x.display(), {"--data", make_demo_hall(hall), "--windowed", "1024x768", "--screen",
                                               "guide:NO-SUCH-GUIDE", "--screenshot", out.file("x.png")});
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("guide:NO-SUCH-GUIDE") != std::string::npos);
  CHECK_FALSE(exists(out.file("x.png")));
}

TEST_CASE("hallkiosk with an empty data folder shows the problem instead of crashing", "[gui][degraded]") {
  XvfbServer x(1024, 768);
  TempDir empty, out;
  const auto run =
      run_hallkiosk(x.display(), {"--data", empty.path(), "--windowed", "1024x768", "--screenshot", out.file("x.png")});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("the catalogue cannot be shown") != std::string::npos);
  CHECK(exists(out.file("x.png")));
}

TEST_CASE("a running kiosk follows the catalogue on disk and effective times without a restart", "[gui][reload]") {
  XvfbServer x(1024, 768);
  TempDir hall;
  const std::string data = make_demo_hall(hall);
  ChildProcess kiosk({"/usr/bin/env", "DISPLAY=" + x.display(),
                      "LSAN_OPTIONS=suppressions=" + std::string(HALL_LSAN_SUPPRESSIONS) + ":print_suppressions=0",
                      HALLKIOSK_PATH, "--data", data, "--windowed", "1024x768"},
                     hall.file("kiosk.err"), hall::test::ChildStdout::discard);
  REQUIRE(kiosk.wait_for_stderr("hallkiosk: ready: 25 guides in effect", std::chrono::seconds(30)));

  // Another process imports a guide in effect now; the kiosk shows it without a restart.
  const auto first_start = std::chrono::steady_clock::now();
  import_guides(data, {valid_guide("G-9001", "测试用新增事项")});
  const auto import_took = std::chrono::steady_clock::now() - first_start;
  CHECK(kiosk.wait_for_stderr("catalogue reloaded: 26 guides in effect", std::chrono::seconds(30)));

  // Then one that takes effect a little later: the kiosk switches to it by itself when its time
  // comes. "Later" is well past how long an import took here, so a loaded machine (ASan, a busy CI)
  // cannot bring it into effect before the import has even returned.
  const auto delay = std::max<std::chrono::steady_clock::duration>(std::chrono::seconds(5), import_took * 4);
  Json later = valid_guide("G-9002", "测试用定时生效事项");
  later["effective_from"] =
      format_rfc3339_utc(SystemClock().now() + std::chrono::ceil<std::chrono::seconds>(delay));
  import_guides(data, {later});
  CHECK(kiosk.stderr_text().find("27 guides in effect") == std::string::npos);
  CHECK(kiosk.wait_for_stderr("catalogue reloaded: 27 guides in effect",
                              std::chrono::ceil<std::chrono::seconds>(delay) + std::chrono::seconds(30)));
  INFO(kiosk.stderr_text());
  CHECK(kiosk.stop() == 0);  // SIGTERM: a clean exit through the destructors
}

}  // namespace hall::test
