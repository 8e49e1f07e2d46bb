// SPDX-License-Identifier: Apache-2.0
// The child process behind the voice, and the WAV it writes: a program past its deadline is
// killed, a missing one is an error, and espeak-ng's streamed WAV (placeholder sizes) is read.
#include <catch2/catch.hpp>

#include <signal.h>

#include "audio/espeak_program.h"
#include "audio/program_run.h"
#include "audio/wav_pcm.h"

using namespace hall;
using namespace hall::audio;
using namespace std::chrono_literals;

namespace {

std::string le32(std::uint32_t v) {
  return {static_cast<char>(v & 0xff), static_cast<char>(v >> 8 & 0xff), static_cast<char>(v >> 16 & 0xff),
          static_cast<char>(v >> 24 & 0xff)};
}
std::string le16(std::uint16_t v) {
  return {static_cast<char>(v & 0xff), static_cast<char>(v >> 8 & 0xff)};
}

std::string wav(std::uint16_t channels, std::uint16_t bits, std::uint32_t data_size, const std::string& samples) {
  std::string fmt = le16(1) + le16(channels) + le32(22050) + le32(44100) + le16(2) + le16(bits);
  return "RIFF" + le32(0x7ffff024) + "WAVE" + "fmt " + le32(16) + fmt + "data" + le32(data_size) + samples;
}

}  // namespace

TEST_CASE("a program past its deadline is killed and its answer is an error", "[audio][program]") {
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_program({"sleep", "20"}, 300ms);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::unavailable);
  CHECK_THAT(r.error().message, Catch::Contains("no answer within 300 ms"));
  CHECK(std::chrono::steady_clock::now() - start < 3s);
}

TEST_CASE("a program that is not installed is an error naming it", "[audio][program]") {
  const auto r = run_program({"no-such-program-hallkiosk"}, 2s);
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("no-such-program-hallkiosk"));
  EspeakOptions options;
  options.program = "no-such-program-hallkiosk";
  const auto v = EspeakProgram::open(options);
  REQUIRE_FALSE(v);
  CHECK_THAT(v.error().message, Catch::Contains("apt-get install espeak-ng"));
}

TEST_CASE("a program's stdout and stderr are both kept, whole, with its exit code", "[audio][program]") {
  const auto r = run_program({"sh", "-c", "head -c 300000 /dev/zero; echo oops >&2; exit 3"}, 5s);
  REQUIRE(r);
  CHECK(r->exit_code == 3);
  CHECK(r->out.size() == 300000);
  CHECK(r->err == "oops\n");
}

TEST_CASE("WAV as espeak-ng streams it: placeholder sizes end at the last whole sample", "[audio][wav]") {
  const auto pcm = pcm_from_wav(wav(1, 16, 0x7ffff000, le16(1000) + le16(static_cast<std::uint16_t>(-2)) + "x"));
  REQUIRE(pcm);
  CHECK(pcm->sample_rate == 22050);
  REQUIRE(pcm->samples.size() == 2);
  CHECK(pcm->samples[0] == 1000);
  CHECK(pcm->samples[1] == -2);
}

TEST_CASE("WAV that is not 16-bit mono PCM is refused with what it is", "[audio][wav]") {
  struct Case {
    const char* rule;
    std::string bytes;
    const char* says;
  };
  const Case cases[] = {
      {"stereo", wav(2, 16, 4, "abcd"), "2 channels"},
      {"8-bit", wav(1, 8, 4, "abcd"), "8 bits"},
      {"not RIFF", "hello, this is text", "not a RIFF/WAVE"},
      {"no data chunk", wav(1, 16, 0, "").substr(0, 36), "no data chunk"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const auto pcm = pcm_from_wav(c.bytes);
    REQUIRE_FALSE(pcm);
    CHECK_THAT(pcm.error().message, Catch::Contains(c.says));
  }
}
