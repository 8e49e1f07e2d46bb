// SPDX-License-Identifier: Apache-2.0
#pragma once
// Ed25519 keys and signatures (libsodium) as the sync protocol writes them: lower-case hex, key ids
// from the public key's SHA-256, and the signed envelope of manifest.json / keys.json.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/hex.h"

namespace hall::central {

struct PublicKey {
  std::string hex;  // 64 hex digits: the 32-byte Ed25519 public key
  std::string key_id() const;
};

struct KeyPair {
  PublicKey public_key;
  std::string secret_hex;  // 128 hex digits: libsodium's 64-byte secret key; never logged
  std::string id;          // an administrator's id when the file names one, else empty
};

KeyPair generate_key_pair();

// 128 hex digits of an Ed25519 signature over the bytes.
std::string sign(const KeyPair& key, std::string_view message);
bool verify(const PublicKey& key, std::string_view message, std::string_view signature_hex);


// Key files as `hallctl keygen` writes them: FILE (secret, mode 0600) and FILE.pub.
Result<void> write_key_files(const std::string& path, const KeyPair& key);
Result<KeyPair> read_secret_key_file(const std::string& path);
Result<PublicKey> read_public_key_file(const std::string& path);  // FILE.pub or FILE itself

// {"format": F, "signed": payload, "signatures": [...]}, one signature per key.
std::string make_envelope(std::string_view format, const std::string& payload, const std::vector<KeyPair>& keys);

// Reads a file whole; errors name it.
Result<std::string> read_whole_file(const std::string& path);
// Writes to a temporary name in the same folder, flushes it to disk, then renames it into place,
// so a reader sees the old file or the new one, never half of one.
// `durable` = false skips the fsync (a caller that syncs a whole folder once, e.g. many objects).
Result<void> write_file_atomically(const std::string& path, std::string_view bytes, unsigned mode = 0644,
                                   bool durable = true);

}  // namespace hall::central
