// SPDX-License-Identifier: Apache-2.0
#include "speech/chime.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hall::speech {
namespace {

std::size_t samples_in(std::chrono::milliseconds d, int rate) {
  return static_cast<std::size_t>(d.count()) * static_cast<std::size_t>(rate) / 1000;
}

// A bell-like note: a sine with its octave, struck (a few ms of attack, so it does not click) and
// then decaying; the decay reaches near silence at the note's end, so the notes join without a click.
void add_note(std::vector<std::int16_t>& out, double hz, std::size_t length, int rate, double peak) {
  const double attack = 0.004 * rate;
  for (std::size_t i = 0; i < length; ++i) {
    const double t = static_cast<double>(i) / rate;
    const double progress = static_cast<double>(i) / static_cast<double>(length);
    const double envelope = std::min(1.0, static_cast<double>(i) / attack) * std::exp(-5.0 * progress);
    const double wave = 0.8 * std::sin(2 * std::numbers::pi * hz * t) + 0.2 * std::sin(4 * std::numbers::pi * hz * t);
    out.push_back(static_cast<std::int16_t>(std::lround(32767.0 * peak * envelope * wave)));
  }
}

}  // namespace

Pcm make_chime(int sample_rate, const ChimeShape& shape) {
  Pcm pcm;
  pcm.sample_rate = sample_rate;
  const std::size_t note = samples_in(shape.note, sample_rate);
  pcm.samples.reserve(2 * note + samples_in(shape.gap_after, sample_rate));
  add_note(pcm.samples, shape.first_hz, note, sample_rate, shape.peak);
  add_note(pcm.samples, shape.second_hz, note, sample_rate, shape.peak);
  pcm.samples.resize(pcm.samples.size() + samples_in(shape.gap_after, sample_rate), 0);
  return pcm;
}

}  // namespace hall::speech
