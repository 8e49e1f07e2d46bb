// SPDX-License-Identifier: Apache-2.0
#include "audio/alsa_speaker.h"

#include <alsa/asoundlib.h>

#include <algorithm>
#include <cstdarg>
#include <mutex>

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

// Non-blocking open, so a device another program holds is an error at once rather than a worker
// waiting for it; then blocking writes, which pace themselves to the device.
Result<void> open(PcmHandle& pcm, const std::string& device, int sample_rate, std::chrono::microseconds latency) {
  silence_alsa_lib();
  if (int rc = snd_pcm_open(&pcm.handle(), device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK); rc < 0) {
    pcm.handle() = nullptr;
    return fail(ErrorCode::unavailable, problem(device, "cannot open", rc));
  }
  if (int rc = snd_pcm_nonblock(pcm.get(), 0); rc < 0) return fail(ErrorCode::unavailable, problem(device, "mode", rc));
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
  const std::size_t piece = static_cast<std::size_t>(std::max(sound.sample_rate / 20, 1));
  std::size_t done = 0;
  while (done < sound.samples.size()) {
    if (stop.stop_requested()) {
      snd_pcm_drop(pcm.get());
      return fail(ErrorCode::unavailable, "audio device \"" + options_.device + "\": stopped");
    }
    const std::size_t n = std::min(piece, sound.samples.size() - done);
    snd_pcm_sframes_t written = snd_pcm_writei(pcm.get(), sound.samples.data() + done, n);
    if (written < 0) written = snd_pcm_recover(pcm.get(), static_cast<int>(written), 1);  // an underrun: go on
    if (written < 0) return fail(ErrorCode::unavailable, problem(options_.device, "write", static_cast<int>(written)));
    done += static_cast<std::size_t>(written);
  }
  // Returns once the device has played what it holds: the next call starts after this one ends.
  if (int rc = snd_pcm_drain(pcm.get()); rc < 0)
    return fail(ErrorCode::unavailable, problem(options_.device, "drain", rc));
  return {};
}

}  // namespace hall::audio
