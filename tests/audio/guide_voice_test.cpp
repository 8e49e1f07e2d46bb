// SPDX-License-Identifier: Apache-2.0
// The kiosk's 朗读 with the real espeak-ng: a real guide of the demo hall read in Mandarin and in
// English is sound of a plausible length, sentence by sentence; through ALSA's file plugin the
// sound reaches the device; without a device the reading ends as failed_playback with a warning.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "audio/guide_voice.h"
#include "catalogue/catalogue_file.h"
#include "speech/guide_reading.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::audio;
using namespace hall::speech;
using namespace std::chrono_literals;

namespace {

catalogue::Guide demo_guide(const std::string& id) {
  auto file = catalogue::load_catalogue_file(std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json");
  REQUIRE(file);
  for (auto& g : file->guides) {
    if (g.id == id) return g;
  }
  FAIL("no guide " << id << " in the demo catalogue");
  return {};
}

EspeakProgram& reading_voice() {
  static auto v = [] {
    EspeakOptions o;
    o.en_required = false;
    return EspeakProgram::open(o);
  }();
  if (!v) FAIL(v.error().message);
  return **v;
}

int loudest(const Pcm& pcm) {
  int p = 0;
  for (auto s : pcm.samples) p = std::max(p, std::abs(static_cast<int>(s)));
  return p;
}

std::size_t characters(const std::string& utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

struct ReadingLog {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::vector<ReadingOutcome> outcomes;
  std::function<void(std::string_view)> writer() {
    return [this](std::string_view line) {
      std::lock_guard lock(mutex);
      lines.emplace_back(line);
    };
  }
  ReadingSink sink() {
    return [this](const ReadingOutcome& o) {
      std::lock_guard lock(mutex);
      outcomes.push_back(o);
    };
  }
};

}  // namespace

TEST_CASE("the real espeak-ng reads a demo guide, sentence by sentence, as sound of a plausible length",
          "[audio][espeak][guide]") {
  const catalogue::Guide g = demo_guide("370811-JZ-0001");
  struct Case {
    Language language;
    std::chrono::milliseconds per_character_min, per_character_max;
  };
  // Mandarin: one syllable a character, at 150 words a minute about 0.15-0.5 s each; English: a
  // character of text is a fraction of a syllable.
  const Case cases[] = {{Language::zh_cn, 100ms, 600ms}, {Language::en, 20ms, 150ms}};
  for (const auto& c : cases) {
    const auto sentences = guide_sentences(g, c.language);
    REQUIRE(sentences.size() >= 4);
    std::chrono::milliseconds total{0};
    for (const auto& s : sentences) {
      INFO(s);
      if (c.language == Language::en) REQUIRE(reading_voice().speaks(Language::en));
      auto pcm = reading_voice().synthesize(s, c.language);
      REQUIRE(pcm);
      CHECK(loudest(*pcm) > 2000);  // a voice, not silence
      const auto n = static_cast<long>(characters(s));
      CHECK(pcm->duration() >= c.per_character_min * n / 2);  // punctuation counts as characters
      CHECK(pcm->duration() <= c.per_character_max * n + 1000ms);
      total += pcm->duration();
    }
    INFO("total " << total.count() << " ms");
    CHECK(total >= 8s);
    CHECK(total <= 120s);  // what a visitor standing at the kiosk can follow
  }
}

TEST_CASE("the Mandarin reading of a demo guide stays Mandarin (no switch to the English voice)",
          "[audio][espeak][guide]") {
  for (const auto& s : guide_sentences(demo_guide("370811-JZ-0001"), Language::zh_cn)) {
    const auto phonemes = reading_voice().phonemes(s, Language::zh_cn);
    REQUIRE(phonemes);
    INFO(s << "\n" << *phonemes);
    CHECK(phonemes->find("(en)") == std::string::npos);
  }
}

TEST_CASE("through ALSA a reading reaches the device whole", "[audio][alsa][guide]") {
  test::TempDir dir;
  const std::string recording = dir.file("device.raw");
  ReadingLog log;
  GuideVoiceOptions options;
  options.device.device = "file:'|cat >>" + recording + "',raw";
  options.log = log.writer();
  auto guide_voice = GuideVoice::open(options, log.sink());
  REQUIRE(guide_voice);
  const std::vector<std::string> sentences{"请带好以下材料：", "第一项，居民身份证，原件一份。"};
  std::size_t expected = 0;
  for (const auto& s : sentences) expected += reading_voice().synthesize(s, Language::zh_cn)->samples.size();
  (*guide_voice)->reader().read(sentences, Language::zh_cn);
  REQUIRE((*guide_voice)->reader().wait_idle(30s));
  std::lock_guard lock(log.mutex);
  CHECK(log.lines.empty());
  REQUIRE(log.outcomes.size() == 1);
  CHECK(log.outcomes[0].end == ReadingEnd::finished);
  CHECK(log.outcomes[0].sentences_played == 2);
  std::ifstream in(recording, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str().size() / 2 >= expected);
}

TEST_CASE("without a sound device the reading ends as failed_playback and says so on the log",
          "[audio][alsa][guide]") {
  ReadingLog log;
  GuideVoiceOptions options;
  options.device.device = "hw:97,0";
  options.log = log.writer();
  auto guide_voice = GuideVoice::open(options, log.sink());
  REQUIRE(guide_voice);
  (*guide_voice)->reader().read({"请带好以下材料："}, Language::zh_cn);
  REQUIRE((*guide_voice)->reader().wait_idle(30s));
  std::lock_guard lock(log.mutex);
  REQUIRE(log.outcomes.size() == 1);
  CHECK(log.outcomes[0].end == ReadingEnd::failed_playback);
  CHECK_THAT(log.outcomes[0].reason, Catch::Contains("hw:97,0"));
  REQUIRE(log.lines.size() == 2);  // at start, and for the reading
  CHECK_THAT(log.lines[0], Catch::Contains("hw:97,0"));
  CHECK_THAT(log.lines[1], Catch::Contains("could not be read aloud"));
}
