// SPDX-License-Identifier: Apache-2.0
// The Announcer with the real espeak-ng and a recording sound card: two calls in a row are both
// synthesised in full and played in order, one ending before the next begins; a recall speaks
// again; a replayed event does not.
#include <catch2/catch.hpp>

#include <mutex>
#include <thread>

#include "audio/espeak_program.h"
#include "audio/recording_speaker.h"
#include "speech/announcer.h"
#include "speech/chime.h"

using namespace hall;
using namespace hall::audio;
using namespace hall::speech;
using namespace std::chrono_literals;

namespace {

struct Outcomes {
  std::mutex mutex;
  std::vector<SpeechOutcome> seen;
  SpeechOutcomeSink sink() {
    return [this](const SpeechOutcome& o) {
      std::lock_guard lock(mutex);
      seen.push_back(o);
    };
  }
};

std::unique_ptr<EspeakProgram> real_voice() {
  auto v = EspeakProgram::open();
  if (!v) FAIL(v.error().message);
  return std::move(*v);
}

// The sound after the chime: the voice alone.
std::chrono::milliseconds voice_length(const Pcm& sound) {
  const auto chime = make_chime(sound.sample_rate).samples.size();
  const auto n = sound.samples.size() > chime ? sound.samples.size() - chime : 0;
  return std::chrono::milliseconds(static_cast<std::int64_t>(n) * 1000 / sound.sample_rate);
}

bool starts_with_chime(const Pcm& sound) {
  const auto chime = make_chime(sound.sample_rate).samples;
  return sound.samples.size() > chime.size() && std::equal(chime.begin(), chime.end(), sound.samples.begin());
}

}  // namespace

TEST_CASE("two calls in a row are both synthesised in full and played in order", "[audio][announcer]") {
  auto voice = real_voice();
  test::RecordingSpeaker speaker;
  Outcomes outcomes;
  Announcer announcer(*voice, speaker, outcomes.sink());
  announcer.announce({101, "A023", "W3", 0, false});
  announcer.announce({102, "B1024", "W12", 0, false});
  REQUIRE(announcer.wait_idle(10s));

  const auto played = speaker.played();
  REQUIRE(played.size() == 2);
  REQUIRE(outcomes.seen.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("call " << i);
    CHECK(outcomes.seen[i].result == SpokenResult::spoken);
    CHECK(starts_with_chime(played[i].sound));
    CHECK(voice_length(played[i].sound) >= 1500ms);
    CHECK(voice_length(played[i].sound) <= 8000ms);
    CHECK(played[i].sound.duration() == outcomes.seen[i].sound);
  }
  CHECK(outcomes.seen[0].call.ticket_number == "A023");
  CHECK(outcomes.seen[1].call.ticket_number == "B1024");
  // B1024 at window twelve is the longer sentence: the second sound is the second call's.
  CHECK(played[1].sound.samples.size() > played[0].sound.samples.size());
  CHECK(played[0].ended <= played[1].began);
}

TEST_CASE("with the real voice a recall speaks again and a replayed event is not spoken twice", "[audio][announcer]") {
  auto voice = real_voice();
  test::RecordingSpeaker speaker;
  Outcomes outcomes;
  Announcer announcer(*voice, speaker, outcomes.sink());
  announcer.announce({201, "A023", "W3", 0, false});
  REQUIRE(announcer.wait_idle(10s));
  announcer.announce({201, "A023", "W3", 0, false});  // replayed after a reconnection
  announcer.announce({202, "A023", "W3", 0, true});   // the clerk recalls
  REQUIRE(announcer.wait_idle(10s));

  REQUIRE(speaker.played().size() == 2);
  REQUIRE(outcomes.seen.size() == 3);
  CHECK(outcomes.seen[0].result == SpokenResult::spoken);
  CHECK(outcomes.seen[1].result == SpokenResult::replayed);
  CHECK(outcomes.seen[2].result == SpokenResult::spoken);
  CHECK(outcomes.seen[2].call.recall);
  CHECK(voice_length(speaker.played()[1].sound) >= 1500ms);
}
