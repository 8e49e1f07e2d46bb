// SPDX-License-Identifier: Apache-2.0
// The real alsa-lib: a device that does not exist is an error value, not a crash, and the board's
// voice starts anyway with one warning; ALSA's file plugin (piped to `cat >>` so every sound is
// appended) stands in for a sound card, and what it got is two whole calls, in order.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>

#include "audio/alsa_speaker.h"
#include "audio/board_voice.h"
#include "speech/chime.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::audio;
using namespace hall::speech;
using namespace std::chrono_literals;

namespace {

constexpr const char* missing_device = "hallkiosk_no_such_device";

struct Log {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::vector<SpeechOutcome> outcomes;
  std::function<void(std::string_view)> writer() {
    return [this](std::string_view line) {
      std::lock_guard lock(mutex);
      lines.emplace_back(line);
    };
  }
  SpeechOutcomeSink sink() {
    return [this](const SpeechOutcome& o) {
      std::lock_guard lock(mutex);
      outcomes.push_back(o);
    };
  }
};

std::vector<std::int16_t> read_samples(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::int16_t> samples(bytes.size() / 2);
  std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
  return samples;
}

bool chime_at(const std::vector<std::int16_t>& recording, std::size_t at, const std::vector<std::int16_t>& chime) {
  return at + chime.size() <= recording.size() && std::equal(chime.begin(), chime.end(), recording.begin() + at);
}

}  // namespace

TEST_CASE("a sound device that does not exist is an error naming it, at once", "[audio][alsa]") {
  AlsaSpeaker speaker({.device = missing_device});
  const auto before = std::chrono::steady_clock::now();
  const auto probed = speaker.probe();
  REQUIRE_FALSE(probed);
  CHECK(probed.error().code == ErrorCode::unavailable);
  CHECK_THAT(probed.error().message, Catch::Contains(missing_device));

  Pcm one_second;
  one_second.samples.assign(22050, 1000);
  const auto played = speaker.play(one_second, {});
  REQUIRE_FALSE(played);
  CHECK_THAT(played.error().message, Catch::Contains(missing_device) && Catch::Contains("cannot open"));
  CHECK(std::chrono::steady_clock::now() - before < 1s);
}

TEST_CASE("the board's voice with no sound device starts, warns once and keeps calling", "[audio][alsa]") {
  Log log;
  BoardVoiceOptions options;
  options.device.device = missing_device;
  options.log = log.writer();
  auto voice = BoardVoice::open(options, log.sink());
  REQUIRE(voice);
  (*voice)->announcer().announce({1, "A023", "W3", 0, false});
  (*voice)->announcer().announce({2, "A024", "W3", 0, false});
  REQUIRE((*voice)->announcer().wait_idle(10s));

  std::lock_guard lock(log.mutex);
  REQUIRE(log.lines.size() == 1);  // at start; the failed calls after it add nothing
  CHECK_THAT(log.lines[0], Catch::Contains(missing_device) && Catch::Contains("not spoken"));
  REQUIRE(log.outcomes.size() == 2);
  CHECK(log.outcomes[0].result == SpokenResult::failed_playback);
  CHECK(log.outcomes[1].result == SpokenResult::failed_playback);
  CHECK_THAT((*voice)->announcer().status().speaker_problem, Catch::Contains(missing_device));
}

TEST_CASE("through ALSA two calls reach the device whole and in order, each after a chime", "[audio][alsa]") {
  test::TempDir dir;
  const std::string recording = dir.file("device.raw");
  Log log;
  BoardVoiceOptions options;
  options.device.device = "file:'|cat >>" + recording + "',raw";
  options.log = log.writer();
  auto voice = BoardVoice::open(options, log.sink());
  REQUIRE(voice);
  (*voice)->announcer().announce({1, "A023", "W3", 0, false});
  (*voice)->announcer().announce({2, "B1024", "W12", 0, false});
  REQUIRE((*voice)->announcer().wait_idle(10s));

  std::lock_guard lock(log.mutex);
  CHECK(log.lines.empty());
  REQUIRE(log.outcomes.size() == 2);
  CHECK(log.outcomes[0].result == SpokenResult::spoken);
  CHECK(log.outcomes[1].result == SpokenResult::spoken);
  CHECK(log.outcomes[0].call.ticket_number == "A023");

  const auto samples = read_samples(recording);
  const auto rate = 22050;
  const auto chime = make_chime(rate).samples;
  const auto first = static_cast<std::size_t>(log.outcomes[0].sound.count()) * rate / 1000;
  const auto second = static_cast<std::size_t>(log.outcomes[1].sound.count()) * rate / 1000;
  // Durations are whole milliseconds: each sound is known to within 22 samples.
  CHECK(samples.size() >= first + second);
  CHECK(samples.size() <= first + second + 2 * 23);
  CHECK(chime_at(samples, 0, chime));
  bool second_chime = false;
  for (std::size_t at = first; at <= first + 23 && !second_chime; ++at) second_chime = chime_at(samples, at, chime);
  CHECK(second_chime);
  CHECK(second > first);  // the longer call came second
}
