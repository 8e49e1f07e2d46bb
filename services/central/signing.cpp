// SPDX-License-Identifier: Apache-2.0
#include "central/signing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sync/signed_envelope.h"

namespace hall::central {
namespace {

using Json = nlohmann::ordered_json;

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it only fails when no entropy source exists.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool is_hex(std::string_view s, std::size_t length) {
  if (s.size() != length) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

// The same key id the kiosk's verifier computes (services/sync), from the raw key bytes.
std::string PublicKey::key_id() const {
  const auto raw = from_hex(hex);
  return sync::key_id_of(raw ? *raw : std::string());
}

KeyPair generate_key_pair() {
  ensure_sodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  KeyPair k;
  k.public_key.hex = to_hex(std::string_view(reinterpret_cast<const char*>(pk), sizeof pk));
  k.secret_hex = to_hex(std::string_view(reinterpret_cast<const char*>(sk), sizeof sk));
  sodium_memzero(sk, sizeof sk);
  return k;
}

std::string sign(const KeyPair& key, std::string_view message) {
  ensure_sodium();
  auto sk = from_hex(key.secret_hex);
  if (!sk || sk->size() != crypto_sign_SECRETKEYBYTES) throw std::logic_error("sign: not a secret key");
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, bytes_of(message), message.size(), bytes_of(*sk));
  sodium_memzero(sk->data(), sk->size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(sig), sizeof sig));
}

bool verify(const PublicKey& key, std::string_view message, std::string_view signature_hex) {
  ensure_sodium();
  if (!is_hex(signature_hex, crypto_sign_BYTES * 2) || !is_hex(key.hex, crypto_sign_PUBLICKEYBYTES * 2)) {
    return false;
  }
  const auto sig = from_hex(signature_hex);
  const auto pk = from_hex(key.hex);
  return crypto_sign_verify_detached(bytes_of(*sig), bytes_of(message), message.size(), bytes_of(*pk)) == 0;
}

Result<void> write_key_files(const std::string& path, const KeyPair& key) {
  Json secret = {{"format", "hallkiosk.secret-key/1"}, {"algorithm", "ed25519"}};
  if (!key.id.empty()) secret["id"] = key.id;
  secret["key_id"] = key.public_key.key_id();
  secret["public"] = key.public_key.hex;
  secret["secret"] = key.secret_hex;
  Json pub = {{"format", "hallkiosk.public-key/1"}, {"algorithm", "ed25519"}};
  if (!key.id.empty()) pub["id"] = key.id;
  pub["key_id"] = key.public_key.key_id();
  pub["public"] = key.public_key.hex;
  if (std::filesystem::exists(path)) return fail(ErrorCode::conflict, path + ": exists; not overwriting a key");
  if (auto r = write_file_atomically(path, secret.dump(2) + "\n", 0600); !r) return r;
  return write_file_atomically(path + ".pub", pub.dump(2) + "\n", 0644);
}

Result<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::io, path + ": cannot be opened for reading");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

namespace {

Result<Json> read_key_json(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text) return std::unexpected(text.error());
  try {
    return Json::parse(*text);
  } catch (const Json::exception&) {
    return fail(ErrorCode::invalid_input, path + ": not a key file (malformed JSON)");
  }
}

}  // namespace

Result<KeyPair> read_secret_key_file(const std::string& path) {
  auto j = read_key_json(path);
  if (!j) return std::unexpected(j.error());
  if (!j->is_object() || j->value("format", "") != "hallkiosk.secret-key/1" || !(*j)["secret"].is_string() ||
      !(*j)["public"].is_string()) {
    return fail(ErrorCode::invalid_input, path + ": not a secret key file (format hallkiosk.secret-key/1)");
  }
  KeyPair k;
  k.public_key.hex = (*j)["public"].get<std::string>();
  k.secret_hex = (*j)["secret"].get<std::string>();
  k.id = j->value("id", "");
  if (!is_hex(k.public_key.hex, crypto_sign_PUBLICKEYBYTES * 2) ||
      !is_hex(k.secret_hex, crypto_sign_SECRETKEYBYTES * 2) ||
      k.secret_hex.substr(crypto_sign_SEEDBYTES * 2) != k.public_key.hex) {
    return fail(ErrorCode::invalid_input, path + ": the key pair is damaged");
  }
  return k;
}

Result<PublicKey> read_public_key_file(const std::string& path) {
  auto j = read_key_json(path);
  if (!j) return std::unexpected(j.error());
  const std::string hex = j->is_object() ? j->value("public", "") : std::string();
  if (!is_hex(hex, crypto_sign_PUBLICKEYBYTES * 2)) {
    return fail(ErrorCode::invalid_input, path + ": no Ed25519 public key (64 lower-case hex digits) in \"public\"");
  }
  return PublicKey{hex};
}

std::string make_envelope(std::string_view format, const std::string& payload, const std::vector<KeyPair>& keys) {
  Json env = {{"format", format}, {"signed", payload}, {"signatures", Json::array()}};
  for (const auto& k : keys) env["signatures"].push_back({{"key_id", k.public_key.key_id()}, {"sig", sign(k, payload)}});
  return env.dump(1) + "\n";
}

Result<void> write_file_atomically(const std::string& path, std::string_view bytes, unsigned mode, bool durable) {
  const std::string temp = path + ".tmp-" + std::to_string(getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return fail(ErrorCode::io, temp + ": " + errno_text());
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const auto e = fail(ErrorCode::io, temp + ": " + errno_text());
      ::close(fd);
      ::unlink(temp.c_str());
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, mode);  // O_CREAT's mode is masked by the umask; a secret key must be 0600 exactly
  // Static servers derive ETags from mtime (whole seconds) and size: nginx would answer 304 to a
  // manifest replaced within the same second by one of the same length. A replacement therefore
  // always gets a later second than the file it replaces.
  struct stat old_file {}, new_file {};
  if (::stat(path.c_str(), &old_file) == 0 && ::fstat(fd, &new_file) == 0 &&
      new_file.st_mtim.tv_sec <= old_file.st_mtim.tv_sec) {
    const timespec times[2] = {{0, UTIME_OMIT}, {old_file.st_mtim.tv_sec + 1, 0}};
    ::futimens(fd, times);
  }
  if ((durable && ::fsync(fd) != 0) || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return fail(ErrorCode::io, temp + ": " + errno_text());
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const auto e = fail(ErrorCode::io, path + ": " + errno_text());
    ::unlink(temp.c_str());
    return e;
  }
  return {};
}

}  // namespace hall::central
