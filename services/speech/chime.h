// SPDX-License-Identifier: Apache-2.0
#pragma once
// The short two-note chime (叮咚) before each call. Generated rather than shipped as a sound file:
// nothing to install or lose, and it is made at the synthesiser's sample rate, so the chime and the
// voice go to the device as one stream.
#include "speech/speaker.h"

namespace hall::speech {

struct ChimeShape {
  double first_hz = 659.25;   // E5
  double second_hz = 523.25;  // C5: a falling major third, the usual public-address 叮咚
  std::chrono::milliseconds note{260};
  std::chrono::milliseconds gap_after{200};  // silence between the chime and the voice
  double peak = 0.45;                        // of full scale: loud enough, never clipping when mixed
};

Pcm make_chime(int sample_rate, const ChimeShape& shape = {});

}  // namespace hall::speech
