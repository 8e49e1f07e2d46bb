// SPDX-License-Identifier: Apache-2.0
#pragma once
// 朗读 behind the kiosk's screens: the screens' ReadAloud port over services/speech's GuideReader.
// start() turns the guide into its sentences (speech::guide_sentences) and hands them to the
// reader, whose own thread synthesises and plays them; stop() cuts it. Both only take the reader's
// lock, so the UI thread never waits; how a reading ended comes back through the run queue.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>

#include "common/run_queue.h"
#include "kiosk/read_aloud.h"
#include "speech/guide_reader.h"

namespace hall::kiosk {

class ReadAloudDesk {
 public:
  explicit ReadAloudDesk(RunQueue& ui);
  ReadAloudDesk(const ReadAloudDesk&) = delete;
  ReadAloudDesk& operator=(const ReadAloudDesk&) = delete;

  // For the GuideReader (or audio::GuideVoice): called on the reader's thread, it posts the
  // outcome to the UI thread. The desk must outlive the reader.
  speech::ReadingSink sink();
  // The screens' port over `reader`, which must outlive it. `language_for`: the language a guide
  // is read in when the visitor chose another (a voice without English reads Mandarin).
  ui::ReadAloud port(speech::GuideReader& reader, std::function<speech::Language(speech::Language)> language_for = {});

 private:
  void answered(const speech::ReadingOutcome& outcome);

  RunQueue& ui_;
  std::map<std::uint64_t, ui::ReadingReply> replies_;  // UI thread only: by the reader's id
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

// The reader's outcome as the screens see it.
ui::ReadingEnd reading_end_of(speech::ReadingEnd end);

}  // namespace hall::kiosk
