// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's 朗读: reads a guide's sentences aloud on a thread of its own, one sentence after the
// other, and stops the moment it is told to. read() and stop() only take a lock and return: the
// UI thread never waits on synthesis or on the sound card.
//
//   speech::GuideReader reader(synthesizer, speaker, [&](const speech::ReadingOutcome& o) { post(...); });
//   const auto id = reader.read(speech::guide_sentences(guide, language), language);
//   reader.stop();  // the visitor left the guide
//
// A stop cuts the sound being played (the Speaker's stop token: AlsaSpeaker drops what the device
// holds within one piece of ~50 ms) and skips the sentences not yet read. Unlike the board's
// Announcer, a new reading does not wait for the last: it takes its place, as a visitor who opens
// another guide wants to hear that one now.
//
// Every read() ends in exactly one outcome, reported on the reader's thread, in the order the
// readings were asked for.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "speech/speaker.h"

namespace hall::speech {

enum class ReadingEnd {
  finished,          // every sentence played to its end
  stopped,           // stop() or a newer reading cut it short (or it never began)
  failed_synthesis,  // the voice could not say a sentence; `reason` says why
  failed_playback,   // the sound device is missing or failed; `reason` names it
};

struct ReadingOutcome {
  std::uint64_t reading = 0;  // read()'s id
  ReadingEnd end = ReadingEnd::finished;
  std::string reason;
  std::size_t sentences_played = 0;  // to their end
};

// Called on the reader's thread; it must not block for long (log, or post to the UI queue).
using ReadingSink = std::function<void(const ReadingOutcome&)>;

class GuideReader {
 public:
  GuideReader(Synthesizer& synthesizer, Speaker& speaker, ReadingSink sink = {});
  // Cuts the sound being played and joins the thread; nothing more is reported.
  ~GuideReader();
  GuideReader(const GuideReader&) = delete;
  GuideReader& operator=(const GuideReader&) = delete;

  // Starts reading `sentences` as soon as the reading in progress (if any) has been cut off.
  // Returns the reading's id (1, 2, ...), which its outcome carries.
  std::uint64_t read(std::vector<std::string> sentences, Language language);
  // Cuts the reading in progress, and any waiting to begin, short. Returns at once.
  void stop();
  // Whether a reading is waiting or being read.
  bool reading() const;
  // Blocks until nothing is read or left to report, or `timeout` passes (tests and shutdown).
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  struct Reading {
    std::uint64_t id = 0;
    std::vector<std::string> sentences;
    Language language = Language::zh_cn;
  };

  void run(std::stop_token stop);
  ReadingOutcome read_aloud(const Reading& reading, std::stop_token cut);
  void cut_locked();

  Synthesizer& synthesizer_;
  Speaker& speaker_;
  ReadingSink sink_;

  mutable std::mutex mutex_;
  mutable std::condition_variable_any changed_;
  std::optional<Reading> waiting_;
  std::deque<ReadingOutcome> unreported_;  // readings cut before they began
  std::stop_source cut_;                   // of the reading being read
  bool busy_ = false;                      // reading, or reporting
  std::uint64_t last_id_ = 0;
  std::jthread worker_;  // last: stopped and joined before the members it uses are destroyed
};

const char* to_string(ReadingEnd e);

}  // namespace hall::speech
