// SPDX-License-Identifier: Apache-2.0
#pragma once
// A sound card that keeps what it is given, in order, and says when each sound started and ended,
// so a test sees that one announcement ended before the next began.
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "speech/speaker.h"

namespace hall::test {

class RecordingSpeaker final : public speech::Speaker {
 public:
  struct Played {
    speech::Pcm sound;
    std::chrono::steady_clock::time_point began, ended;
  };

  Result<void> play(const speech::Pcm& sound, std::stop_token) override {
    Played p{sound, std::chrono::steady_clock::now(), {}};
    // As long as a real device would take, scaled down: the next call must still wait for it.
    std::this_thread::sleep_for(sound.duration() / 20);
    p.ended = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    played_.push_back(std::move(p));
    return {};
  }
  std::vector<Played> played() const {
    std::lock_guard lock(mutex_);
    return played_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Played> played_;
};

}  // namespace hall::test
