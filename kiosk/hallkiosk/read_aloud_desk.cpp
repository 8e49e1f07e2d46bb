// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/read_aloud_desk.h"

#include "speech/guide_reading.h"

namespace hall::kiosk {

ui::ReadingEnd reading_end_of(speech::ReadingEnd end) {
  switch (end) {
    case speech::ReadingEnd::finished:
      return ui::ReadingEnd::finished;
    case speech::ReadingEnd::stopped:
      return ui::ReadingEnd::stopped;
    case speech::ReadingEnd::failed_playback:
      return ui::ReadingEnd::no_sound;
    case speech::ReadingEnd::failed_synthesis:
      return ui::ReadingEnd::failed;
  }
  return ui::ReadingEnd::failed;
}

ReadAloudDesk::ReadAloudDesk(RunQueue& ui) : ui_(ui) {}

speech::ReadingSink ReadAloudDesk::sink() {
  return [this](const speech::ReadingOutcome& outcome) {
    ui_.post([this, outcome, life = std::weak_ptr<int>(alive_)] {
      if (!life.expired()) answered(outcome);
    });
  };
}

// On the UI thread. A reply was stored before its outcome could arrive: start() stores it right
// after read() returned the id, on this same thread, and outcomes reach it only through the queue.
void ReadAloudDesk::answered(const speech::ReadingOutcome& outcome) {
  const auto it = replies_.find(outcome.reading);
  if (it == replies_.end()) return;
  ui::ReadingReply reply = std::move(it->second);
  replies_.erase(it);
  if (reply) reply(reading_end_of(outcome.end));
}

ui::ReadAloud ReadAloudDesk::port(speech::GuideReader& reader,
                                  std::function<speech::Language(speech::Language)> language_for) {
  ui::ReadAloud out;
  out.start = [this, &reader, language_for](const catalogue::Guide& guide, std::string_view language,
                                            ui::ReadingReply reply) {
    speech::Language wanted = language == "en" ? speech::Language::en : speech::Language::zh_cn;
    if (language_for) wanted = language_for(wanted);
    const std::uint64_t id = reader.read(speech::guide_sentences(guide, wanted), wanted);
    replies_[id] = std::move(reply);
  };
  out.stop = [&reader] { reader.stop(); };
  return out;
}

}  // namespace hall::kiosk
