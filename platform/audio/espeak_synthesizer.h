// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Synthesizer port over espeak-ng's C library: text → 16-bit mono PCM in memory (22050 Hz),
// never through espeak-ng's own audio output, so the Announcer decides when and where it plays.
//
// espeak-ng keeps one engine per process (a global voice, rate and callback), so every instance
// shares it under one lock and sets its own voice and rate before each utterance. The engine is
// started once and never terminated: espeak_ng_Terminate and a second start are not safe while
// another thread could synthesise, and the engine's memory is reachable, not leaked.
//
// The Mandarin voice: Debian's espeak-ng-data has "cmn" (Latin read as English) and
// "cmn-latn-pinyin" (Latin read as pinyin). "cmn" reads a character whose dictionary entry is
// pinyin text (请 → qing3) by switching to English ("qing three"); "cmn-latn-pinyin" reads it as
// Mandarin and still reads a single capital as a letter (A → ei), which is what a call needs.
#include <memory>
#include <string>

#include "speech/speaker.h"

namespace hall::audio {

struct EspeakOptions {
  std::string zh_voice = "cmn-latn-pinyin";
  std::string zh_fallback = "cmn";  // an espeak-ng-data without the pinyin variant
  std::string en_voice = "en";
  // Words per minute: slower than espeak-ng's 175, because a hall is noisy and echoes and a visitor
  // follows the figures one by one.
  int rate = 150;
};

class EspeakSynthesizer final : public speech::Synthesizer {
 public:
  // Starts the engine (once per process) and checks that both voices exist; an error names the
  // voice and says which package provides it.
  static Result<std::unique_ptr<EspeakSynthesizer>> open(EspeakOptions options = {});

  Result<speech::Pcm> synthesize(std::string_view text, speech::Language language) override;
  int sample_rate() const override { return sample_rate_; }

  // espeak-ng's phoneme names for `text`, "(en)" and the like marking a switch of language; tests
  // use it to prove the Mandarin voice reads the sentence as Mandarin.
  Result<std::string> phonemes(std::string_view text, speech::Language language);
  const std::string& voice(speech::Language language) const;

 private:
  EspeakSynthesizer(EspeakOptions options, std::string zh_voice, int sample_rate);

  EspeakOptions options_;
  std::string zh_voice_;
  int sample_rate_;
};

}  // namespace hall::audio
