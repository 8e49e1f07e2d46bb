// SPDX-License-Identifier: Apache-2.0
#pragma once
// Randomness comes in through this seam: tokens in production from libsodium, in tests from a
// sequence the test chooses.
#include <cstddef>
#include <cstdint>
#include <string>

namespace hall::queue {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void fill(std::uint8_t* out, std::size_t size) = 0;
};

// randombytes_buf (libsodium's CSPRNG).
class SodiumRandom final : public RandomSource {
 public:
  SodiumRandom();
  void fill(std::uint8_t* out, std::size_t size) override;
};

// `bytes` random bytes as lower-case hex (16 bytes: a 128-bit ticket token).
std::string random_hex(RandomSource& random, std::size_t bytes);

}  // namespace hall::queue
