// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Speaker port over ALSA (alsa-lib). "default" reaches PipeWire or PulseAudio where they run
// (through their ALSA plugins) and the first sound card where they do not; any ALSA PCM name works
// ("hw:0,3" for HDMI, "file:FILE=/tmp/out.raw,FORMAT=raw" to record in tests).
//
// The device is opened for each sound and closed after it: a board's TV may be switched on after
// the board started, or an HDMI link may come and go, and the next call should find it; holding a
// hw: device open between calls would also keep every other program from it. Opening takes a few
// milliseconds, against seconds of speech.
#include <chrono>
#include <string>

#include "speech/speaker.h"

namespace hall::audio {

struct AlsaOptions {
  std::string device = "default";
  std::chrono::microseconds latency{100'000};  // the device's buffer: how late a stop is heard
};

class AlsaSpeaker final : public speech::Speaker {
 public:
  explicit AlsaSpeaker(AlsaOptions options = {});

  // Writes the sound in pieces of about 50 ms, checking `stop` between them, then waits for the
  // device to play what it holds. A missing or busy device, or one that stops taking sound for
  // longer than the sound lasts, is an ErrorCode::unavailable naming it.
  Result<void> play(const speech::Pcm& sound, std::stop_token stop) override;
  // Opens and closes the device: whether it is there now, for the board's start-up line.
  Result<void> probe() const;
  const std::string& device() const { return options_.device; }

 private:
  AlsaOptions options_;
};

}  // namespace hall::audio
