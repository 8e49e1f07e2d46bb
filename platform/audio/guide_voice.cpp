// SPDX-License-Identifier: Apache-2.0
#include "audio/guide_voice.h"

#include <cstdio>

namespace hall::audio {
namespace {

void to_stderr(std::string_view line) {
  std::fprintf(stderr, "hallkiosk: warning: %.*s\n", static_cast<int>(line.size()), line.data());
}

}  // namespace

Result<std::unique_ptr<GuideVoice>> GuideVoice::open(GuideVoiceOptions options, speech::ReadingSink sink) {
  if (!options.log) options.log = to_stderr;
  auto voice = EspeakProgram::open(options.voice);
  if (!voice) return std::unexpected(voice.error());
  return std::unique_ptr<GuideVoice>(new GuideVoice(std::move(options), std::move(*voice), std::move(sink)));
}

GuideVoice::GuideVoice(GuideVoiceOptions options, std::unique_ptr<EspeakProgram> voice, speech::ReadingSink sink)
    : options_(std::move(options)), voice_(std::move(voice)), speaker_(options_.device), sink_(std::move(sink)) {
  if (auto probed = speaker_.probe(); !probed) {
    options_.log("speech: " + probed.error().message + "; 朗读 will say that this kiosk cannot play sound");
  }
  if (!voice_->speaks(speech::Language::en)) {
    options_.log("speech: no English voice \"" + options_.voice.en_voice + "\"; guides are read in Mandarin");
  }
  reader_ = std::make_unique<speech::GuideReader>(
      *voice_, speaker_, [this](const speech::ReadingOutcome& o) { on_outcome(o); });
}

GuideVoice::~GuideVoice() {
  reader_.reset();
}

speech::Language GuideVoice::reading_language(speech::Language wanted) const {
  return voice_->speaks(wanted) ? wanted : speech::Language::zh_cn;
}

// On the reader's thread.
void GuideVoice::on_outcome(const speech::ReadingOutcome& outcome) {
  if (outcome.end == speech::ReadingEnd::failed_playback || outcome.end == speech::ReadingEnd::failed_synthesis) {
    options_.log("speech: a guide could not be read aloud: " + outcome.reason);
  }
  if (sink_) sink_(outcome);
}

}  // namespace hall::audio
