// SPDX-License-Identifier: Apache-2.0
// The GuideReader's thread against a scripted voice and a speaker that plays as long as a device
// would: sentences in order, a stop cuts the sound being played and skips the rest, a new reading
// takes the place of the last, a missing device and a broken voice, and a destructor mid-sentence.
// Stops are asserted by what the speaker saw (cut, not played out), never by how long they took.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "speech/guide_reader.h"

using namespace hall;
using namespace hall::speech;
using namespace std::chrono_literals;

namespace {

constexpr int voice_rate = 8000;

// Each byte of the text is one sample, so the speaker can tell which sentence it was given; a
// sentence starting with '~' is "long" (a minute of sound).
class ScriptedVoice final : public Synthesizer {
 public:
  Result<Pcm> synthesize(std::string_view text, Language) override {
    std::lock_guard lock(mutex);
    said.emplace_back(text);
    if (broken) return fail(ErrorCode::unavailable, "scripted voice: broken");
    Pcm pcm;
    pcm.sample_rate = voice_rate;
    for (unsigned char c : text) pcm.samples.push_back(static_cast<std::int16_t>(c));
    if (text.starts_with("~")) pcm.samples.resize(static_cast<std::size_t>(voice_rate) * 60, 0);
    return pcm;
  }
  int sample_rate() const override { return voice_rate; }
  std::vector<std::string> synthesised() {
    std::lock_guard lock(mutex);
    return said;
  }
  std::mutex mutex;
  std::vector<std::string> said;
  bool broken = false;
};

// Plays for as long as the sound lasts (a long sentence lasts a minute), returning early when told
// to stop, like AlsaSpeaker; records each sound as played out or cut.
class TimedSpeaker final : public Speaker {
 public:
  struct Played {
    std::string text;
    bool cut = false;
  };
  Result<void> play(const Pcm& sound, std::stop_token stop) override {
    std::string text;
    for (auto s : sound.samples) {
      if (s != 0) text += static_cast<char>(s);
    }
    std::unique_lock lock(mutex);
    ++started;
    changed.notify_all();
    if (missing) return fail(ErrorCode::unavailable, "audio device \"hw:9\": No such file or directory");
    // Only a stop ends the wait early: the predicate is never true.
    changed.wait_for(lock, stop, sound.duration(), [] { return false; });
    const bool was_stopped = stop.stop_requested();
    played.push_back({text, was_stopped});
    changed.notify_all();
    if (was_stopped) return fail(ErrorCode::unavailable, "audio device: stopped");
    return {};
  }
  bool wait_started(int n) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 10s, [&] { return started >= n; });
  }
  std::vector<Played> recorded() {
    std::lock_guard lock(mutex);
    return played;
  }
  std::mutex mutex;
  std::condition_variable_any changed;
  bool missing = false;
  int started = 0;
  std::vector<Played> played;
};

struct ReadingOutcomes {
  std::mutex mutex;
  std::vector<ReadingOutcome> seen;
  ReadingSink sink() {
    return [this](const ReadingOutcome& o) {
      std::lock_guard lock(mutex);
      seen.push_back(o);
    };
  }
  std::vector<ReadingOutcome> all() {
    std::lock_guard lock(mutex);
    return seen;
  }
};

}  // namespace

TEST_CASE("a reading plays every sentence in order, to its end", "[speech][guide_reader]") {
  ScriptedVoice voice;
  TimedSpeaker speaker;
  ReadingOutcomes outcomes;
  GuideReader reader(voice, speaker, outcomes.sink());
  const auto id = reader.read({"one.", "two.", "three."}, Language::en);
  CHECK(id == 1);
  REQUIRE(reader.wait_idle(10s));
  const auto played = speaker.recorded();
  REQUIRE(played.size() == 3);
  CHECK(played[0].text == "one.");
  CHECK(played[2].text == "three.");
  CHECK_FALSE(played[1].cut);
  const auto seen = outcomes.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].reading == id);
  CHECK(seen[0].end == ReadingEnd::finished);
  CHECK(seen[0].sentences_played == 3);
  CHECK_FALSE(reader.reading());
}

TEST_CASE("stop() cuts the sentence being played and skips the rest", "[speech][guide_reader]") {
  ScriptedVoice voice;
  TimedSpeaker speaker;
  ReadingOutcomes outcomes;
  GuideReader reader(voice, speaker, outcomes.sink());
  reader.read({"~a minute of sound", "never said"}, Language::zh_cn);
  REQUIRE(speaker.wait_started(1));
  CHECK(reader.reading());
  reader.stop();
  CHECK_FALSE(reader.reading());  // at once, before the thread has seen it
  // Far less than the minute the sentence lasts; the bound only keeps a broken reader from hanging.
  REQUIRE(reader.wait_idle(20s));
  const auto played = speaker.recorded();
  REQUIRE(played.size() == 1);
  CHECK(played[0].cut);
  CHECK(voice.synthesised() == std::vector<std::string>{"~a minute of sound"});
  const auto seen = outcomes.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].end == ReadingEnd::stopped);
  CHECK(seen[0].sentences_played == 0);
  CHECK(seen[0].reason.empty());
}

TEST_CASE("a new reading takes the place of the one being read, and each reading has one outcome, in order",
          "[speech][guide_reader]") {
  ScriptedVoice voice;
  TimedSpeaker speaker;
  ReadingOutcomes outcomes;
  GuideReader reader(voice, speaker, outcomes.sink());
  const auto first = reader.read({"~first guide", "first, second sentence"}, Language::zh_cn);
  REQUIRE(speaker.wait_started(1));
  const auto second = reader.read({"~second guide"}, Language::zh_cn);
  const auto third = reader.read({"third guide."}, Language::zh_cn);  // before the second began
  REQUIRE(reader.wait_idle(20s));
  const auto played = speaker.recorded();
  REQUIRE(played.size() == 2);
  CHECK(played[0].text == "~first guide");
  CHECK(played[0].cut);
  CHECK(played[1].text == "third guide.");
  CHECK_FALSE(played[1].cut);
  const auto seen = outcomes.all();
  REQUIRE(seen.size() == 3);
  // The second was stopped before it began; it is reported when the thread gets to it.
  std::vector<std::uint64_t> ids;
  for (const auto& o : seen) ids.push_back(o.reading);
  CHECK(std::ranges::is_permutation(ids, std::vector<std::uint64_t>{first, second, third}));
  for (const auto& o : seen) {
    INFO(o.reading);
    CHECK(o.end == (o.reading == third ? ReadingEnd::finished : ReadingEnd::stopped));
  }
  CHECK(seen.back().reading == third);
}

TEST_CASE("a missing sound device and a broken voice end the reading with the reason", "[speech][guide_reader]") {
  ScriptedVoice voice;
  TimedSpeaker speaker;
  ReadingOutcomes outcomes;
  GuideReader reader(voice, speaker, outcomes.sink());
  SECTION("no sound device: failed_playback naming it, the rest not tried") {
    speaker.missing = true;
    reader.read({"one.", "two."}, Language::zh_cn);
    REQUIRE(reader.wait_idle(10s));
    const auto seen = outcomes.all();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].end == ReadingEnd::failed_playback);
    CHECK(seen[0].reason.find("hw:9") != std::string::npos);
    CHECK(voice.synthesised().size() == 1);
  }
  SECTION("a voice that fails: failed_synthesis with its message") {
    voice.broken = true;
    reader.read({"one."}, Language::zh_cn);
    REQUIRE(reader.wait_idle(10s));
    const auto seen = outcomes.all();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].end == ReadingEnd::failed_synthesis);
    CHECK(seen[0].reason == "scripted voice: broken");
    CHECK(speaker.recorded().empty());
  }
}

TEST_CASE("the reader's destructor cuts a sentence being played and reports nothing more", "[speech][guide_reader]") {
  ScriptedVoice voice;
  TimedSpeaker speaker;
  ReadingOutcomes outcomes;
  {
    GuideReader reader(voice, speaker, outcomes.sink());
    reader.read({"~a minute of sound"}, Language::zh_cn);
    REQUIRE(speaker.wait_started(1));
  }
  const auto played = speaker.recorded();
  REQUIRE(played.size() == 1);
  CHECK(played[0].cut);
  CHECK(outcomes.all().empty());
}
