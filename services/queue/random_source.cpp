// SPDX-License-Identifier: Apache-2.0
#include "queue/random_source.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "common/hex.h"

namespace hall::queue {

SodiumRandom::SodiumRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");  // no entropy: a broken host
}

void SodiumRandom::fill(std::uint8_t* out, std::size_t size) {
  randombytes_buf(out, size);
}

std::string random_hex(RandomSource& random, std::size_t bytes) {
  std::vector<std::uint8_t> buf(bytes);
  random.fill(buf.data(), buf.size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()));
}

}  // namespace hall::queue
