// SPDX-License-Identifier: Apache-2.0
#include "speech/guide_reader.h"

#include <utility>

namespace hall::speech {

GuideReader::GuideReader(Synthesizer& synthesizer, Speaker& speaker, ReadingSink sink)
    : synthesizer_(synthesizer),
      speaker_(speaker),
      sink_(std::move(sink)),
      worker_([this](std::stop_token stop) { run(stop); }) {}

GuideReader::~GuideReader() {
  {
    std::lock_guard lock(mutex_);
    cut_.request_stop();
  }
  worker_.request_stop();
  changed_.notify_all();
}

void GuideReader::cut_locked() {
  cut_.request_stop();
  if (waiting_) {
    unreported_.push_back({waiting_->id, ReadingEnd::stopped, "stopped before it began", 0});
    waiting_.reset();
  }
}

std::uint64_t GuideReader::read(std::vector<std::string> sentences, Language language) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    cut_locked();
    id = ++last_id_;
    waiting_ = Reading{id, std::move(sentences), language};
  }
  changed_.notify_all();
  return id;
}

void GuideReader::stop() {
  {
    std::lock_guard lock(mutex_);
    cut_locked();
  }
  changed_.notify_all();
}

bool GuideReader::reading() const {
  std::lock_guard lock(mutex_);
  return waiting_.has_value() || (busy_ && !cut_.stop_requested());
}

bool GuideReader::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return !waiting_ && !busy_ && unreported_.empty(); });
}

void GuideReader::run(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    changed_.wait(lock, stop, [&] { return waiting_.has_value() || !unreported_.empty(); });
    if (stop.stop_requested()) return;
    busy_ = true;
    ReadingOutcome outcome;
    if (!unreported_.empty()) {
      outcome = std::move(unreported_.front());
      unreported_.pop_front();
      lock.unlock();
    } else {
      const Reading reading = std::move(*waiting_);
      waiting_.reset();
      cut_ = std::stop_source();  // a fresh one: the last reading's stop does not stop this one
      const std::stop_token cut = cut_.get_token();
      lock.unlock();
      outcome = read_aloud(reading, cut);
      if (stop.stop_requested()) return;  // the destructor cut it: the owner's sink may be gone
    }
    if (sink_) sink_(outcome);
    lock.lock();
    busy_ = false;
    changed_.notify_all();
  }
}

// One sentence at a time: a stop is seen between sentences, and within one by the speaker.
ReadingOutcome GuideReader::read_aloud(const Reading& reading, std::stop_token cut) {
  ReadingOutcome outcome{reading.id, ReadingEnd::finished, "", 0};
  for (const std::string& text : reading.sentences) {
    if (cut.stop_requested()) {
      outcome.end = ReadingEnd::stopped;
      return outcome;
    }
    auto sound = synthesizer_.synthesize(text, reading.language);
    if (!sound) {
      outcome.end = ReadingEnd::failed_synthesis;
      outcome.reason = sound.error().message;
      return outcome;
    }
    if (cut.stop_requested()) {
      outcome.end = ReadingEnd::stopped;
      return outcome;
    }
    if (auto played = speaker_.play(*sound, cut); !played) {
      // A speaker told to stop answers with an error too: that is a stop, not a broken device.
      outcome.end = cut.stop_requested() ? ReadingEnd::stopped : ReadingEnd::failed_playback;
      if (!cut.stop_requested()) outcome.reason = played.error().message;
      return outcome;
    }
    ++outcome.sentences_played;
  }
  return outcome;
}

const char* to_string(ReadingEnd e) {
  switch (e) {
    case ReadingEnd::finished:
      return "finished";
    case ReadingEnd::stopped:
      return "stopped";
    case ReadingEnd::failed_synthesis:
      return "failed_synthesis";
    case ReadingEnd::failed_playback:
      return "failed_playback";
  }
  return "?";
}

}  // namespace hall::speech
