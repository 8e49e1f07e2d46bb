// SPDX-License-Identifier: Apache-2.0
// The board's voice: how long from a call to its first audio sample reaching the sound device.
// With the real espeak-ng and a speaker that notes when play() is entered (the moment the first
// sample is handed to the device; this machine has no sound card). Also the synthesis alone, the
// cost of announce() on the caller's (UI) thread, and opening ALSA's "null" device, which the
// ALSA speaker does once per call. Prints median and p99; asserts nothing.
//   speech_bench [N]
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "audio/alsa_speaker.h"
#include "audio/espeak_program.h"
#include "speech/announcer.h"

namespace {

using Steady = std::chrono::steady_clock;
using namespace hall;

double ms_between(Steady::time_point a, Steady::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

void report(const char* what, const std::vector<double>& ms) {
  std::printf("%-44s n=%zu  median %.3f ms  p99 %.3f ms  max %.3f ms\n", what, ms.size(), percentile(ms, 0.5),
              percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end()));
}

// Notes when each sound reaches it and returns at once (the figure is the time to the first
// sample, not the playing).
class TimingSpeaker final : public speech::Speaker {
 public:
  Result<void> play(const speech::Pcm& sound, std::stop_token) override {
    std::lock_guard lock(mutex);
    reached = Steady::now();
    seconds += static_cast<double>(sound.samples.size()) / sound.sample_rate;
    ++count;
    changed.notify_all();
    return {};
  }
  std::mutex mutex;
  std::condition_variable changed;
  Steady::time_point reached;
  int count = 0;
  double seconds = 0;
};

speech::CallAnnouncement call(int i) {
  const char letters[] = "ABCD";
  char number[16];
  std::snprintf(number, sizeof number, "%c%03d", letters[i % 4], i % 1000);
  return {i + 1, number, "W" + std::to_string(1 + i % 12), 0, false};
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  auto voice = audio::EspeakProgram::open();
  if (!voice) {
    std::fprintf(stderr, "speech_bench: %s\n", voice.error().message.c_str());
    return 1;
  }

  // Synthesis alone and the whole path are measured in turn within each round, so the load of a
  // shared machine weighs on both alike.
  TimingSpeaker speaker;
  std::vector<double> synth_ms, audio_s, first_sample_ms, announce_ms;
  {
    speech::Announcer announcer(**voice, speaker);
    for (int i = 0; i < n; ++i) {
      const std::string text = speech::spoken_call(call(i), speech::Language::zh_cn);
      const auto synth_start = Steady::now();
      const auto pcm = (*voice)->synthesize(text, speech::Language::zh_cn);
      synth_ms.push_back(ms_between(synth_start, Steady::now()));
      if (pcm) audio_s.push_back(static_cast<double>(pcm->samples.size()) / pcm->sample_rate);

      const auto start = Steady::now();
      announcer.announce(call(i));
      const auto returned = Steady::now();
      std::unique_lock lock(speaker.mutex);
      speaker.changed.wait(lock, [&] { return speaker.count == i + 1; });
      announce_ms.push_back(ms_between(start, returned));
      first_sample_ms.push_back(ms_between(start, speaker.reached));
      lock.unlock();
      announcer.wait_idle(std::chrono::seconds(5));
    }
  }

  audio::AlsaSpeaker null_device({.device = "null"});
  std::vector<double> open_ms;
  for (int i = 0; i < std::min(n, 100); ++i) {
    const auto start = Steady::now();
    if (auto r = null_device.probe(); !r) {
      std::fprintf(stderr, "speech_bench: %s\n", r.error().message.c_str());
      break;
    }
    open_ms.push_back(ms_between(start, Steady::now()));
  }

  std::printf("voice %s at %d Hz, %d calls such as \"%s\"\n", (*voice)->voice(speech::Language::zh_cn).c_str(),
              (*voice)->sample_rate(), n, speech::spoken_call(call(23), speech::Language::zh_cn).c_str());
  std::printf("%-44s median %.2f s  min %.2f s  max %.2f s\n", "speech per call (without the chime)",
              percentile(audio_s, 0.5), *std::min_element(audio_s.begin(), audio_s.end()),
              *std::max_element(audio_s.begin(), audio_s.end()));
  report("synthesis of one call (espeak-ng, whole)", synth_ms);
  report("announce() on the caller's thread", announce_ms);
  report("call -> first sample at the device", first_sample_ms);
  if (!open_ms.empty()) report("ALSA open + set_params (\"null\")", open_ms);
  return 0;
}
