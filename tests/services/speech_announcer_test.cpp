// SPDX-License-Identifier: Apache-2.0
// The Announcer's thread against a scripted synthesiser and a recording speaker: announce() never
// waits, one sound plays to its end before the next, recalls and replays, a missing sound device
// and a failing voice. (tests/audio runs the same with the real espeak-ng.)
#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "speech/announcer.h"
#include "speech/chime.h"

using namespace hall;
using namespace hall::speech;
using namespace std::chrono_literals;

namespace {

constexpr int rate = 8000;

// "Synthesises" a text into samples that are its bytes, so the speaker can tell what it played.
class ScriptedSynthesizer final : public Synthesizer {
 public:
  Result<Pcm> synthesize(std::string_view text, Language) override {
    std::lock_guard lock(mutex);
    if (broken) return fail(ErrorCode::unavailable, "scripted voice: broken");
    Pcm pcm;
    pcm.sample_rate = rate;
    for (unsigned char c : text) pcm.samples.push_back(static_cast<std::int16_t>(c));
    return pcm;
  }
  int sample_rate() const override { return rate; }
  std::mutex mutex;
  bool broken = false;
};

// Records what it plays; a test may hold it inside play() (a long sound) or make it fail.
class RecordingSpeaker final : public Speaker {
 public:
  Result<void> play(const Pcm& sound, std::stop_token stop) override {
    std::unique_lock lock(mutex);
    ++started;
    changed.notify_all();
    changed.wait(lock, stop, [&] { return !held; });
    if (stop.stop_requested()) return fail(ErrorCode::unavailable, "recording speaker: stopped");
    if (missing) return fail(ErrorCode::unavailable, "audio device \"hw:9\": No such file or directory");
    played.push_back(text_of(sound));
    return {};
  }
  // The text after the chime, as the scripted synthesiser wrote it.
  static std::string text_of(const Pcm& sound) {
    const std::size_t chime = make_chime(rate).samples.size();
    std::string text;
    for (std::size_t i = chime; i < sound.samples.size(); ++i) text += static_cast<char>(sound.samples[i]);
    return text;
  }
  void hold(bool h) {
    std::lock_guard lock(mutex);
    held = h;
    changed.notify_all();
  }
  bool wait_started(int n) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 2s, [&] { return started >= n; });
  }
  int started_count() {
    std::lock_guard lock(mutex);
    return started;
  }
  std::vector<std::string> recorded() {
    std::lock_guard lock(mutex);
    return played;
  }

  std::mutex mutex;
  std::condition_variable_any changed;
  bool held = false, missing = false;
  int started = 0;
  std::vector<std::string> played;
};

struct Outcomes {
  std::mutex mutex;
  std::vector<SpeechOutcome> seen;
  SpeechOutcomeSink sink() {
    return [this](const SpeechOutcome& o) {
      std::lock_guard lock(mutex);
      seen.push_back(o);
    };
  }
  std::vector<SpokenResult> results() {
    std::lock_guard lock(mutex);
    std::vector<SpokenResult> out;
    for (const auto& o : seen) out.push_back(o.result);
    return out;
  }
};

CallAnnouncement call(std::int64_t id, const char* number, const char* window = "W3", bool recall = false) {
  return {id, number, window, 0, recall};
}

const std::string a023_at_3 = "请 A 零二三 号，到 三 号窗口 办理";
const std::string a024_at_5 = "请 A 零二四 号，到 五 号窗口 办理";

}  // namespace

TEST_CASE("announce returns at once and two calls play one after the other, in order", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  speaker.hold(true);
  Announcer announcer(voice, speaker);

  const auto before = std::chrono::steady_clock::now();
  announcer.announce(call(1, "A023"));
  announcer.announce(call(2, "A024", "W5"));
  // The speaker is held for as long as the test likes: an announce() that waited for it would hang.
  CHECK(std::chrono::steady_clock::now() - before < 1s);

  REQUIRE(speaker.wait_started(1));
  std::this_thread::sleep_for(30ms);
  CHECK(speaker.started_count() == 1);  // the second waits for the first to finish
  CHECK(announcer.status().speaking);
  CHECK(announcer.status().waiting == 1);

  speaker.hold(false);
  REQUIRE(announcer.wait_idle(2s));
  CHECK(speaker.recorded() == std::vector<std::string>{a023_at_3, a024_at_5});
  CHECK(announcer.status().spoken == 2);
}

TEST_CASE("a recall speaks again and a replayed event does not", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  Outcomes outcomes;
  Announcer announcer(voice, speaker, outcomes.sink());

  announcer.announce(call(10, "A023"));
  REQUIRE(announcer.wait_idle(2s));
  announcer.announce(call(10, "A023"));  // the hub replays event 10 after a reconnection
  REQUIRE(announcer.wait_idle(2s));
  announcer.announce(call(11, "A023", "W3", true));
  REQUIRE(announcer.wait_idle(2s));

  CHECK(speaker.recorded() == std::vector<std::string>{a023_at_3, a023_at_3});
  CHECK(outcomes.results() == std::vector{SpokenResult::spoken, SpokenResult::replayed, SpokenResult::spoken});
}

TEST_CASE("no sound device is a reported failure, and the next call tries again", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  speaker.missing = true;
  Outcomes outcomes;
  Announcer announcer(voice, speaker, outcomes.sink());

  announcer.announce(call(1, "A023"));
  REQUIRE(announcer.wait_idle(2s));
  CHECK(outcomes.results() == std::vector{SpokenResult::failed_playback});
  CHECK_THAT(outcomes.seen.at(0).reason, Catch::Contains("hw:9"));
  CHECK_THAT(announcer.status().speaker_problem, Catch::Contains("No such file"));

  {
    std::lock_guard lock(speaker.mutex);
    speaker.missing = false;  // the TV was switched on
  }
  announcer.announce(call(2, "A024", "W5"));
  REQUIRE(announcer.wait_idle(2s));
  CHECK(speaker.recorded() == std::vector<std::string>{a024_at_5});
  CHECK(announcer.status().speaker_problem.empty());
}

TEST_CASE("a failing voice still rings the chime and says why", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  voice.broken = true;
  RecordingSpeaker speaker;
  Outcomes outcomes;
  Announcer announcer(voice, speaker, outcomes.sink());
  announcer.announce(call(1, "A023"));
  REQUIRE(announcer.wait_idle(2s));
  CHECK(speaker.recorded() == std::vector<std::string>{""});  // the chime, no voice
  REQUIRE(outcomes.results() == std::vector{SpokenResult::failed_synthesis});
  CHECK_THAT(outcomes.seen.at(0).reason, Catch::Contains("broken"));
}

TEST_CASE("each call is said in every configured language after one chime", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  AnnouncerOptions options;
  options.languages = {Language::zh_cn, Language::en};
  options.between_languages = 0ms;
  Announcer announcer(voice, speaker, {}, options);
  announcer.announce(call(1, "A023"));
  REQUIRE(announcer.wait_idle(2s));
  CHECK(speaker.recorded() == std::vector<std::string>{a023_at_3 + "Number A 0 2 3, please go to window 3."});
}

TEST_CASE("a hall that says each call twice gets it twice after one chime", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  AnnouncerOptions options;
  options.times = 2;
  options.between_languages = 0ms;
  Announcer announcer(voice, speaker, {}, options);
  announcer.announce(call(1, "A023"));
  REQUIRE(announcer.wait_idle(2s));
  CHECK(speaker.recorded() == std::vector<std::string>{a023_at_3 + a023_at_3});
}

TEST_CASE("destroying the announcer cuts the sound in play short", "[speech][announcer]") {
  ScriptedSynthesizer voice;
  RecordingSpeaker speaker;
  speaker.hold(true);  // a sound that would never end
  const auto before = std::chrono::steady_clock::now();
  {
    Announcer announcer(voice, speaker);
    announcer.announce(call(1, "A023"));
    announcer.announce(call(2, "A024"));
    REQUIRE(speaker.wait_started(1));
  }
  CHECK(std::chrono::steady_clock::now() - before < 1s);
  CHECK(speaker.recorded().empty());
}
