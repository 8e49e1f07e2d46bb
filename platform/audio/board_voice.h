// SPDX-License-Identifier: Apache-2.0
#pragma once
// The board's voice put together: the espeak-ng program for the words, ALSA for the sound, an
// Announcer with its own thread between them. The board role makes one at start and calls
// `voice->announcer().announce(call)` for each call event; nothing here blocks the UI thread.
//
// A missing sound device is a warning, never a reason not to start: open() succeeds, logs one line
// ("speech: audio device ... calls are shown but not spoken"), and every later call tries the
// device again; one more line is logged when sound comes back. open() fails only when the espeak-ng
// program or its voices are not installed: the board then runs silent and says so.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "audio/alsa_speaker.h"
#include "audio/espeak_program.h"
#include "speech/announcer.h"

namespace hall::audio {

struct BoardVoiceOptions {
  AlsaOptions device;
  EspeakOptions voice;
  speech::AnnouncerOptions announcer;
  // Where the warnings go; default: stderr, as "hallkiosk: warning: speech: ...".
  std::function<void(std::string_view)> log;
};

class BoardVoice {
 public:
  // `sink` gets every outcome on the announcer's thread (see speech::SpeechOutcomeSink).
  static Result<std::unique_ptr<BoardVoice>> open(BoardVoiceOptions options, speech::SpeechOutcomeSink sink = {});
  ~BoardVoice();

  speech::Announcer& announcer() { return *announcer_; }

 private:
  BoardVoice(BoardVoiceOptions options, std::unique_ptr<EspeakProgram> voice, speech::SpeechOutcomeSink sink);
  void on_outcome(const speech::SpeechOutcome& outcome);

  BoardVoiceOptions options_;
  std::unique_ptr<EspeakProgram> voice_;
  AlsaSpeaker speaker_;
  speech::SpeechOutcomeSink sink_;
  bool silent_ = false;                           // the last playback failed: log again only once sound is back
  std::unique_ptr<speech::Announcer> announcer_;  // last: its thread stops before the rest goes
};

}  // namespace hall::audio
