// SPDX-License-Identifier: Apache-2.0
#include "audio/wav_pcm.h"

#include <cstdint>
#include <string>

namespace hall::audio {
namespace {

std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}

}  // namespace

Result<speech::Pcm> pcm_from_wav(std::string_view bytes) {
  if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE") {
    return fail(ErrorCode::invalid_input, "WAV: not a RIFF/WAVE file (" + std::to_string(bytes.size()) + " bytes)");
  }
  speech::Pcm pcm;
  bool have_format = false;
  std::size_t at = 12;
  while (at + 8 <= bytes.size()) {
    const std::string_view id = bytes.substr(at, 4);
    const std::uint64_t size = le32(bytes, at + 4);
    const std::size_t body = at + 8;
    if (id == "fmt ") {
      if (size < 16 || body + 16 > bytes.size()) return fail(ErrorCode::invalid_input, "WAV: fmt chunk cut short");
      const auto format = le16(bytes, body), channels = le16(bytes, body + 2), bits = le16(bytes, body + 14);
      if (format != 1 || channels != 1 || bits != 16) {
        return fail(ErrorCode::invalid_input, "WAV: format " + std::to_string(format) + ", " +
                                                  std::to_string(channels) + " channels, " + std::to_string(bits) +
                                                  " bits; expected 16-bit mono PCM");
      }
      pcm.sample_rate = static_cast<int>(le32(bytes, body + 4));
      have_format = true;
    } else if (id == "data") {
      if (!have_format) return fail(ErrorCode::invalid_input, "WAV: data before its fmt chunk");
      const std::size_t available = bytes.size() - body;
      const std::size_t length = size < available ? static_cast<std::size_t>(size) : available;
      pcm.samples.resize(length / 2);
      for (std::size_t i = 0; i < pcm.samples.size(); ++i) {
        pcm.samples[i] = static_cast<std::int16_t>(le16(bytes, body + 2 * i));
      }
      if (pcm.sample_rate <= 0) return fail(ErrorCode::invalid_input, "WAV: sample rate 0");
      return pcm;
    }
    at = body + static_cast<std::size_t>(size) + (size & 1);  // chunks are padded to even sizes
  }
  return fail(ErrorCode::invalid_input, have_format ? "WAV: no data chunk" : "WAV: no fmt chunk");
}

}  // namespace hall::audio
