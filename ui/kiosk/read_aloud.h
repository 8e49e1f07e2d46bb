// SPDX-License-Identifier: Apache-2.0
#pragma once
// 朗读 as the kiosk's screens see it: a request to read a guide aloud, a request to stop, and how
// the reading ended, arriving later on the UI thread. The kiosk role (kiosk/hallkiosk's read-aloud
// desk over services/speech's GuideReader) fills these; the screens never wait for the voice.
#include <functional>
#include <string>
#include <string_view>

#include "catalogue/guide.h"

namespace hall::ui {

enum class ReadingEnd {
  finished,  // read to the end
  stopped,   // the visitor stopped it, left the guide, or another reading took its place
  no_sound,  // no sound device (or it failed): "本机暂时无法播放声音"
  failed,    // the voice could not say the text
};

// Runs on the UI thread (through the host's run queue), exactly once per start.
using ReadingReply = std::function<void(ReadingEnd)>;

struct ReadAloud {
  // Reads `guide` in `language` ("zh-CN" or "en"), cutting off any reading in progress.
  std::function<void(const catalogue::Guide& guide, std::string_view language, ReadingReply reply)> start;
  // Cuts the reading short, at once; its reply says `stopped`.
  std::function<void()> stop;
  explicit operator bool() const { return start && stop; }
};

struct ReadingState {
  enum class Phase { idle, reading, no_sound, failed };
  Phase phase = Phase::idle;
  std::string guide_id;  // the guide being (or last) read
};

}  // namespace hall::ui
