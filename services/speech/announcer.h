// SPDX-License-Identifier: Apache-2.0
#pragma once
// The board's voice: the one object the board role calls. announce() hands a call over and returns
// at once; the Announcer's own thread takes the calls one at a time (SpeechQueue's rules: in order,
// none cut off, a recall spoken again, a replayed event not spoken twice, the oldest dropped past
// the bound), synthesises the sentence, and plays the chime and the sentence as one sound, to its
// end, before taking the next. The UI thread never waits on synthesis or on the sound card.
//
//   speech::Announcer voice(synthesizer, speaker, [&](const speech::SpeechOutcome& o) { post(...); });
//   voice.announce(*speech::announcement_for(event, hall));   // on each "called" / "recalled"
//
// A sound card that is missing or fails is not fatal: the call is reported as failed_playback with
// the device's error (the board shows "语音播报不可用" and keeps calling on screen), and the next call
// tries the device again, so a TV switched on later is heard. platform/audio/board_voice.h builds
// one over espeak-ng and ALSA.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "speech/speaker.h"
#include "speech/speech_queue.h"

namespace hall::speech {

enum class SpokenResult {
  spoken,            // chime and sentence played to the end
  replaced,          // a newer call of the same ticket took its place before it was spoken
  replayed,          // its event id was announced before
  dropped,           // too many waiting: the oldest was dropped unspoken
  failed_synthesis,  // the chime was played alone; `reason` says why the voice failed
  failed_playback,   // the sound device is missing or failed; `reason` names it
};

struct SpeechOutcome {
  CallAnnouncement call;
  SpokenResult result = SpokenResult::spoken;
  std::string reason;
  std::chrono::milliseconds sound{0};  // the length of what was (to be) played
};

// Called on the Announcer's thread; it must not block for long (log, or post to the UI queue).
using SpeechOutcomeSink = std::function<void(const SpeechOutcome&)>;

struct AnnouncerOptions {
  std::vector<Language> languages{Language::zh_cn};  // each call said in each, in this order
  bool chime = true;
  // Many halls say each call twice, for visitors who look up at the chime and miss the number.
  int times = 1;
  std::chrono::milliseconds between_languages{400};  // and between the repetitions
  SpeechQueueOptions queue;
};

struct AnnouncerStatus {
  std::size_t waiting = 0;
  bool speaking = false;
  std::size_t spoken = 0;
  std::size_t dropped = 0;
  std::string speaker_problem;  // the last playback's error; empty once a call played after it
};

class Announcer {
 public:
  Announcer(Synthesizer& synthesizer, Speaker& speaker, SpeechOutcomeSink sink = {}, AnnouncerOptions options = {});
  // Stops the sound being played (the Speaker returns early) and joins the thread; calls still
  // waiting are dropped without a report.
  ~Announcer();
  Announcer(const Announcer&) = delete;
  Announcer& operator=(const Announcer&) = delete;

  // Never blocks on synthesis or playback: takes the lock only to queue the call.
  void announce(CallAnnouncement call);
  AnnouncerStatus status() const;
  // Blocks until nothing waits or plays, or `timeout` passes (tests and shutdown).
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  void run(std::stop_token stop);
  SpeechOutcome speak(const CallAnnouncement& call, std::stop_token stop);
  const Pcm& chime_at(int sample_rate);
  void report(const SpeechOutcome& outcome);

  Synthesizer& synthesizer_;
  Speaker& speaker_;
  SpeechOutcomeSink sink_;
  AnnouncerOptions options_;
  std::optional<Pcm> chime_;  // made on the worker at the voice's sample rate

  mutable std::mutex mutex_;
  mutable std::condition_variable_any changed_;
  SpeechQueue queue_;
  std::deque<SpeechOutcome> unreported_;  // outcomes decided in announce(), reported on the worker
  bool speaking_ = false;
  bool reporting_ = false;  // an outcome from unreported_ is with the sink
  std::size_t spoken_ = 0;
  std::string speaker_problem_;
  std::jthread worker_;  // last: stopped and joined before the members it uses are destroyed
};

const char* to_string(SpokenResult r);

}  // namespace hall::speech
