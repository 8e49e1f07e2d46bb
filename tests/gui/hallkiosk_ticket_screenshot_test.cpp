// SPDX-License-Identifier: Apache-2.0
// The ticket screen in a real screenshot under Xvfb: its QR code, read back with an independent
// decoder (zbarimg, package zbar-tools), must be the ticket's status URL, in both orientations,
// Chinese and English, and 长辈模式. The ticket is the screen spec's sample (no hub in this test); the
// URL follows hall.json's public_base_url, so the test proves the code is built from the ticket's
// own data, and draws it crisp enough for a phone.
#include <catch2/catch.hpp>

#include <string>

#include "kiosk_runner.h"
#include "support/run_process.h"
#include "support/temp_dir.h"
#include "xvfb_server.h"

namespace hall::test {
namespace {

// The sample ticket's token (ui/kiosk_app.cpp, open_sample): fixed, so the URL is known here.
constexpr const char* sample_token = "0f3c9a5e7b2d4c1f8e6a9b0c3d5e7f21";

std::string decode_qr(const std::string& png) {
  const auto r = run_process({"/usr/bin/zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png});
  INFO("zbarimg: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::string out = r.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("hallkiosk --screenshot: the ticket screen's QR code decodes to the status URL", "[gui][ticket]") {
  XvfbServer x(1920, 1920);
  TempDir hall, out;
  const std::string data = make_demo_hall(hall);
  // A hall that tells phones where to reach it: the URL must be built on it.
  std::string config = read_file(hall.file("hall.json"));
  const std::string empty_base = "\"public_base_url\": \"\"";
  const auto at = config.find(empty_base);
  REQUIRE(at != std::string::npos);
  config.replace(at, empty_base.size(), "\"public_base_url\": \"https://anju.example.cn/queue\"");
  write_file(hall.file("hall.json"), config);
  const std::string expected = std::string("https://anju.example.cn/queue/t/") + sample_token;

  struct Case {
    const char* size;
    const char* lang;
    bool large;
  };
  const Case cases[] = {{"1920x1080", "zh-CN", false},
                        {"1080x1920", "zh-CN", false},
                        {"1920x1080", "en", false},
                        {"1920x1080", "zh-CN", true},
                        {"1080x1920", "en", true}};
  int n = 0;
  for (const Case& c : cases) {
    INFO(c.size << " " << c.lang << (c.large ? " large" : ""));
    const std::string png = out.file("ticket" + std::to_string(n++) + ".png");
    std::vector<std::string> args = {"--data",       data,   "--windowed", c.size,
                                     "--lang",       c.lang, "--screen",   "ticket:370811-JZ-0001",
                                     "--screenshot", png};
    if (c.large) args.push_back("--large-text");
    const auto run = run_hallkiosk(x.display(), args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(number_after(run.err, "distinct characters), ") == 0);  // no tofu on the ticket
    CHECK(decode_qr(png) == expected);
  }
}

}  // namespace hall::test
