// SPDX-License-Identifier: Apache-2.0
#pragma once
// The two ports the announcer needs from outside: a Synthesizer that turns text into sound in
// memory, and a Speaker that plays sound. platform/audio implements them with espeak-ng and ALSA;
// tests put a recording speaker in place of the sound card (and a scripted synthesiser where the
// rule under test is the queue's, not the voice's).
#include <chrono>
#include <cstdint>
#include <stop_token>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "speech/speech_text.h"

namespace hall::speech {

// Mono 16-bit PCM. One format end to end, so nothing converts between synthesis and playback.
struct Pcm {
  int sample_rate = 22050;
  std::vector<std::int16_t> samples;

  std::chrono::milliseconds duration() const {
    if (sample_rate <= 0) return {};
    return std::chrono::milliseconds(static_cast<std::int64_t>(samples.size()) * 1000 / sample_rate);
  }
};

class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  // The whole utterance, in memory; an error names the voice or the text that failed.
  virtual Result<Pcm> synthesize(std::string_view text, Language language) = 0;
  // The rate of what synthesize() gives, so the chime is made to match even when synthesis fails.
  virtual int sample_rate() const = 0;
};

class Speaker {
 public:
  virtual ~Speaker() = default;
  // Plays `sound` to its end and returns only then (so one announcement finishes before the next
  // starts), or earlier with an error when `stop` is requested or the device fails. No device is
  // an error value (ErrorCode::unavailable) naming the device, never a crash.
  virtual Result<void> play(const Pcm& sound, std::stop_token stop) = 0;
};

}  // namespace hall::speech
