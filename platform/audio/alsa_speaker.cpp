// SPDX-License-Identifier: Apache-2.0
#include "audio/alsa_speaker.h"

#include <alsa/asoundlib.h>

#include <algorithm>
#include <cstdarg>
#include <mutex>
#include <optional>
#include <thread>

namespace hall::audio {
namespace {

// alsa-lib prints its own lines to stderr for every failed open ("ALSA lib confmisc.c:855: cannot
// find card '0'" and seven more). The error comes back to the caller as a value naming the device,
// so those lines are silenced once for the process; only this adapter uses ALSA.
void quiet(const char*, int, const char*, int, const char*, ...) {}

void silence_alsa_lib() {
  static std::once_flag once;
  std::call_once(once, [] { snd_lib_error_set_handler(quiet); });
}

std::string problem(const std::string& device, const char* what, int code) {
  std::string message = "audio device \"" + device + "\": " + what + ": " + snd_strerror(code);
  if (code == -ENOENT || code == -ENODEV) message += " (no sound card or HDMI audio? `aplay -L` lists the devices)";
  if (code == -EBUSY) message += " (another program holds it)";
  return message;
}

// Closes on every path.
class PcmHandle {
 public:
  ~PcmHandle() {
    if (handle_ != nullptr) snd_pcm_close(handle_);
  }
  snd_pcm_t*& handle() { return handle_; }
  snd_pcm_t* get() const { return handle_; }

 private:
  snd_pcm_t* handle_ = nullptr;
};

// Non-blocking throughout: a device another program holds is an error at once, and a device that
// stops taking samples (a sound server that hangs) cannot hold the announcer's thread past the
// sound's own length, nor its owner's shutdown past a stop.
Result<void> open(PcmHandle& pcm, const std::string& device, int sample_rate, std::chrono::microseconds latency) {
  silence_alsa_lib();
  if (int rc = snd_pcm_open(&pcm.handle(), device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK); rc < 0) {
    pcm.handle() = nullptr;
    return fail(ErrorCode::unavailable, problem(device, "cannot open", rc));
  }
  // soft_resample = 1: a device without the voice's 22050 Hz converts in alsa-lib.
  if (int rc = snd_pcm_set_params(pcm.get(), SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                  static_cast<unsigned>(sample_rate), 1, static_cast<unsigned>(latency.count()));
      rc < 0) {
    return fail(ErrorCode::unavailable, problem(device, "cannot play 16-bit mono", rc));
  }
  return {};
}

}  // namespace

AlsaSpeaker::AlsaSpeaker(AlsaOptions options) : options_(std::move(options)) {}

Result<void> AlsaSpeaker::probe() const {
  PcmHandle pcm;
  return open(pcm, options_.device, 22050, options_.latency);
}

Result<void> AlsaSpeaker::play(const speech::Pcm& sound, std::stop_token stop) {
  PcmHandle pcm;
  if (auto r = open(pcm, options_.device, sound.sample_rate, options_.latency); !r) return r;
  // Past the sound's length and a margin the device is taken to hang.
  const auto deadline = std::chrono::steady_clock::now() + sound.duration() + std::chrono::seconds(2) +
                        std::chrono::duration_cast<std::chrono::milliseconds>(options_.latency);
  auto interrupted = [&]() -> std::optional<std::string> {
    if (stop.stop_requested()) return "stopped";
    if (std::chrono::steady_clock::now() > deadline) return "stopped taking sound (a hung sound server?)";
    return std::nullopt;
  };
  const std::size_t piece = static_cast<std::size_t>(std::max(sound.sample_rate / 20, 1));
  std::size_t done = 0;
  while (done < sound.samples.size()) {
    if (auto why = interrupted()) {
      snd_pcm_drop(pcm.get());
      return fail(ErrorCode::unavailable, "audio device \"" + options_.device + "\": " + *why);
    }
    const std::size_t n = std::min(piece, sound.samples.size() - done);
    snd_pcm_sframes_t written = snd_pcm_writei(pcm.get(), sound.samples.data() + done, n);
    if (written == -EAGAIN) {
      snd_pcm_wait(pcm.get(), 50);  // the device's buffer is full: wait for room, briefly
      continue;
    }
    if (written < 0) written = snd_pcm_recover(pcm.get(), static_cast<int>(written), 1);  // an underrun: go on
    if (written < 0) return fail(ErrorCode::unavailable, problem(options_.device, "write", static_cast<int>(written)));
    done += static_cast<std::size_t>(written);
  }
  // Returns once the device has played what it holds, so the next call starts after this one ends.
  // Without blocking, drain() starts the draining and the state says when it is over.
  int rc = snd_pcm_drain(pcm.get());
  while (rc == -EAGAIN || snd_pcm_state(pcm.get()) == SND_PCM_STATE_DRAINING) {
    if (auto why = interrupted()) {
      snd_pcm_drop(pcm.get());
      return fail(ErrorCode::unavailable, "audio device \"" + options_.device + "\": " + *why);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    rc = 0;
  }
  if (rc < 0) return fail(ErrorCode::unavailable, problem(options_.device, "drain", rc));
  return {};
}

}  // namespace hall::audio
