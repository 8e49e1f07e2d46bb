// SPDX-License-Identifier: Apache-2.0
// The real espeak-ng: the Mandarin voice reads a call as Mandarin (no switch to English), and one
// call is a plausible length of sound.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "audio/espeak_program.h"

using namespace hall;
using namespace hall::audio;
using namespace hall::speech;

namespace {

EspeakProgram& voice() {
  static auto v = EspeakProgram::open();
  if (!v) FAIL(v.error().message);
  return **v;
}

std::chrono::milliseconds speech_length(const Pcm& pcm) {
  return pcm.duration();
}

// The loudest sample: a sound that is all silence is no announcement.
int peak(const Pcm& pcm) {
  int p = 0;
  for (auto s : pcm.samples) p = std::max(p, std::abs(static_cast<int>(s)));
  return p;
}

}  // namespace

TEST_CASE("the Mandarin voice is the pinyin variant of cmn and reads the call without English", "[audio][espeak]") {
  CHECK(voice().voice(Language::zh_cn) == "cmn-latn-pinyin");
  const CallAnnouncement call{1, "A023", "W3", 0, false};
  const auto phonemes = voice().phonemes(spoken_call(call, Language::zh_cn), Language::zh_cn);
  REQUIRE(phonemes);
  INFO(*phonemes);
  CHECK(phonemes->find("(en)") == std::string::npos);
  CHECK(phonemes->find("'ei") != std::string::npos);     // A, read as the letter
  CHECK(phonemes->find("l'i35N") != std::string::npos);  // 零
}

TEST_CASE("every letter a queue group may carry is read as a letter in Mandarin", "[audio][espeak]") {
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    const CallAnnouncement call{1, std::string(1, letter) + "001", "W1", 0, false};
    const auto phonemes = voice().phonemes(spoken_call(call, Language::zh_cn), Language::zh_cn);
    REQUIRE(phonemes);
    INFO(letter << ": " << *phonemes);
    CHECK(phonemes->find("(en)") == std::string::npos);
  }
}

TEST_CASE("one call synthesises to 1.5 to 8 seconds of sound", "[audio][espeak]") {
  struct Case {
    const char* rule;
    CallAnnouncement call;
    Language language;
  };
  const Case cases[] = {
      {"a Mandarin call", {1, "A023", "W3", 0, false}, Language::zh_cn},
      {"a four-figure number at window twelve", {2, "B1024", "W12", 0, false}, Language::zh_cn},
      {"the English twin", {3, "A023", "W3", 0, false}, Language::en},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const auto pcm = voice().synthesize(spoken_call(c.call, c.language), c.language);
    REQUIRE(pcm);
    CHECK(pcm->sample_rate == voice().sample_rate());
    CHECK(speech_length(*pcm) >= std::chrono::milliseconds(1500));
    CHECK(speech_length(*pcm) <= std::chrono::milliseconds(8000));
    CHECK(peak(*pcm) > 3000);
  }
}

TEST_CASE("an unknown voice is an error naming it", "[audio][espeak]") {
  EspeakOptions options;
  options.en_voice = "no-such-voice";
  const auto v = EspeakProgram::open(options);
  REQUIRE_FALSE(v);
  CHECK(v.error().code == ErrorCode::not_found);
  CHECK_THAT(v.error().message, Catch::Contains("no-such-voice"));
}

TEST_CASE("plain cmn reads the same call through English, which is why the pinyin variant is chosen",
          "[audio][espeak]") {
  EspeakOptions options;
  options.zh_voice = "cmn";
  auto plain = EspeakProgram::open(options);
  REQUIRE(plain);
  const CallAnnouncement call{1, "A023", "W3", 0, false};
  const auto phonemes = (*plain)->phonemes(spoken_call(call, Language::zh_cn), Language::zh_cn);
  REQUIRE(phonemes);
  INFO(*phonemes);
  CHECK(phonemes->find("(en)") != std::string::npos);
  CHECK(voice().voice(Language::zh_cn) == "cmn-latn-pinyin");  // the shared engine is left usable
}
