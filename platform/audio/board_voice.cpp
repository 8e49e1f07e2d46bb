// SPDX-License-Identifier: Apache-2.0
#include "audio/board_voice.h"

#include <cstdio>

namespace hall::audio {
namespace {

void to_stderr(std::string_view line) {
  std::fprintf(stderr, "hallkiosk: warning: %.*s\n", static_cast<int>(line.size()), line.data());
}

}  // namespace

Result<std::unique_ptr<BoardVoice>> BoardVoice::open(BoardVoiceOptions options, speech::SpeechOutcomeSink sink) {
  if (!options.log) options.log = to_stderr;
  auto voice = EspeakProgram::open(options.voice);
  if (!voice) return std::unexpected(voice.error());
  return std::unique_ptr<BoardVoice>(new BoardVoice(std::move(options), std::move(*voice), std::move(sink)));
}

BoardVoice::BoardVoice(BoardVoiceOptions options, std::unique_ptr<EspeakProgram> voice,
                       speech::SpeechOutcomeSink sink)
    : options_(std::move(options)), voice_(std::move(voice)), speaker_(options_.device), sink_(std::move(sink)) {
  if (auto probed = speaker_.probe(); !probed) {
    options_.log("speech: " + probed.error().message + "; calls are shown but not spoken until it is there");
    silent_ = true;
  }
  announcer_ = std::make_unique<speech::Announcer>(
      *voice_, speaker_, [this](const speech::SpeechOutcome& o) { on_outcome(o); }, options_.announcer);
}

BoardVoice::~BoardVoice() {
  announcer_.reset();
}

// On the announcer's thread, which is the only one touching silent_.
void BoardVoice::on_outcome(const speech::SpeechOutcome& outcome) {
  if (outcome.result == speech::SpokenResult::failed_playback && !silent_) {
    options_.log("speech: " + outcome.reason + "; calls are shown but not spoken");
    silent_ = true;
  } else if (outcome.result == speech::SpokenResult::spoken && silent_) {
    options_.log("speech: sound is back on audio device \"" + speaker_.device() + "\"");
    silent_ = false;
  } else if (outcome.result == speech::SpokenResult::failed_synthesis) {
    options_.log("speech: " + outcome.reason);
  }
  if (sink_) sink_(outcome);
}

}  // namespace hall::audio
