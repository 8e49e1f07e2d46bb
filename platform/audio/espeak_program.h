// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Synthesizer port over the espeak-ng program: text → 16-bit mono PCM in memory (22050 Hz).
// `espeak-ng -v VOICE -s RATE --stdout -- TEXT` runs as a child process for each utterance and its
// WAV output is read back; its own audio output is never used, so the Announcer decides when and
// where the sound plays.
//
// Why a program and not libespeak-ng: espeak-ng is GPL-3 and hallkiosk is Apache-2.0, so nothing
// of it is linked in; Debian's `espeak-ng` package provides the program. A process per call also
// keeps espeak-ng's one global engine out of this process, and costs ~30-60 ms against seconds of
// speech.
//
// The Mandarin voice: Debian's espeak-ng-data has "cmn" (Latin read as English) and
// "cmn-latn-pinyin" (Latin read as pinyin). "cmn" reads a character whose dictionary entry is
// pinyin text (请 → qing3) by switching to English ("qing three"); "cmn-latn-pinyin" reads it as
// Mandarin and still reads a single capital as a letter (A → ei), which is what a call needs.
// espeak-ng falls back to its default voice without a word when asked for one it lacks, so open()
// checks each voice in `espeak-ng --voices=NAME` first.
#include <chrono>
#include <memory>
#include <string>

#include "speech/speaker.h"

namespace hall::audio {

struct EspeakOptions {
  std::string program = "espeak-ng";  // looked up on PATH
  std::string zh_voice = "cmn-latn-pinyin";
  std::string zh_fallback = "cmn";  // an espeak-ng-data without the pinyin variant
  std::string en_voice = "en";
  // The board says every call in English too and needs the voice; the kiosk reads a guide in
  // Mandarin when the English voice is not installed, so it may go without.
  bool en_required = true;
  // Words per minute: slower than espeak-ng's 175, because a hall is noisy and echoes and a visitor
  // follows the figures one by one.
  int rate = 150;
  // One utterance takes ~50 ms on a slow board; a program stuck for this long is killed by its PID.
  std::chrono::milliseconds deadline{10'000};
};

class EspeakProgram final : public speech::Synthesizer {
 public:
  // Runs the program once to check that it is there and has both voices; an error names the
  // voice or the program and says which Debian package provides it.
  static Result<std::unique_ptr<EspeakProgram>> open(EspeakOptions options = {});

  // Safe from any thread: each call is its own process.
  Result<speech::Pcm> synthesize(std::string_view text, speech::Language language) override;
  int sample_rate() const override { return sample_rate_; }

  // espeak-ng's phoneme names for `text` (`-q -x`), "(en)" and the like marking a switch of
  // language; tests use it to prove the Mandarin voice reads the sentence as Mandarin.
  Result<std::string> phonemes(std::string_view text, speech::Language language) const;
  const std::string& voice(speech::Language language) const;
  // Whether the language's voice is installed (Mandarin always is, once open() succeeded).
  bool speaks(speech::Language language) const { return language == speech::Language::zh_cn || has_en_; }

 private:
  EspeakProgram(EspeakOptions options, std::string zh_voice, int sample_rate);

  EspeakOptions options_;
  std::string zh_voice_;
  int sample_rate_;
  bool has_en_ = true;
};

}  // namespace hall::audio
