// SPDX-License-Identifier: Apache-2.0
#include "common/sha256.h"

#include "common/hex.h"

#include <sodium.h>

namespace hall {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace hall
