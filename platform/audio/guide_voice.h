// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's 朗读 put together: the espeak-ng program for the words, ALSA for the sound, a
// GuideReader with its own thread between them. The kiosk role makes one at start (off the UI
// thread: opening runs the program a few times) and shows the button only when it opened.
//
// A missing sound device is a warning, never a reason to hide the button: open() succeeds and logs
// one line, and each reading tried without a device ends as failed_playback (the kiosk then says
// "本机暂时无法播放声音") with one more line on stderr. open() fails only when the espeak-ng program
// or its Mandarin voice is not installed. Without the English voice a guide is read in Mandarin.
#include <functional>
#include <memory>
#include <string_view>

#include "audio/alsa_speaker.h"
#include "audio/espeak_program.h"
#include "speech/guide_reader.h"

namespace hall::audio {

struct GuideVoiceOptions {
  AlsaOptions device;
  EspeakOptions voice = [] {
    EspeakOptions o;
    o.en_required = false;
    return o;
  }();
  // Where the warnings go; default: stderr, as "hallkiosk: warning: speech: ...".
  std::function<void(std::string_view)> log;
};

class GuideVoice {
 public:
  // `sink` gets every outcome on the reader's thread (see speech::ReadingSink).
  static Result<std::unique_ptr<GuideVoice>> open(GuideVoiceOptions options, speech::ReadingSink sink = {});
  ~GuideVoice();

  speech::GuideReader& reader() { return *reader_; }
  // The language a guide is read in when the visitor asked for `wanted`.
  speech::Language reading_language(speech::Language wanted) const;

 private:
  GuideVoice(GuideVoiceOptions options, std::unique_ptr<EspeakProgram> voice, speech::ReadingSink sink);
  void on_outcome(const speech::ReadingOutcome& outcome);

  GuideVoiceOptions options_;
  std::unique_ptr<EspeakProgram> voice_;
  AlsaSpeaker speaker_;
  speech::ReadingSink sink_;
  std::unique_ptr<speech::GuideReader> reader_;  // last: its thread stops before the rest goes
};

}  // namespace hall::audio
