// SPDX-License-Identifier: Apache-2.0
#pragma once
// A WAV file's bytes as the Announcer's sound: RIFF/WAVE, PCM, 16-bit, mono (what espeak-ng
// --stdout writes). espeak-ng streams: its RIFF and data sizes are placeholders (0x7ffff...), so
// a data chunk that claims more than is there ends at the last whole sample.
#include <string_view>

#include "speech/speaker.h"

namespace hall::audio {

// invalid_input naming what is wrong: not RIFF/WAVE, no fmt or data chunk, not 16-bit mono PCM.
Result<speech::Pcm> pcm_from_wav(std::string_view bytes);

}  // namespace hall::audio
