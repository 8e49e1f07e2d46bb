// SPDX-License-Identifier: Apache-2.0
// The published folder (publish/): what any static server serves. Every file is written by
// write-then-rename, so a reader sees the old file or the new one.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "central/central_store.h"
#include "central/central_store_detail.h"

namespace hall::central {

using namespace detail;

namespace {

Result<void> sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail(ErrorCode::io, dir + ": cannot be opened to flush it");
  const int rc = ::syncfs(fd);  // every object written since the last sync, in one call
  ::close(fd);
  if (rc != 0) return fail(ErrorCode::io, dir + ": flushing to disk failed");
  return {};
}

}  // namespace

Result<void> detail::write_key_set(const std::string& publish_dir, std::int64_t version, const std::string& envelope) {
  if (auto r = write_file_atomically(publish_dir + "/keys/" + std::to_string(version) + ".json", envelope); !r) {
    return r;
  }
  return write_file_atomically(publish_dir + "/keys.json", envelope);
}

Result<void> CentralStore::write_published() {
  auto keys = keys_version();
  if (!keys) return std::unexpected(keys.error());
  auto envelope = state("keys");
  if (!envelope) return std::unexpected(envelope.error());
  if (auto r = write_key_set(publish_dir(), *keys, *envelope); !r) return r;
  auto manifest = state("manifest");
  if (!manifest) return manifest.error().code == ErrorCode::not_found ? Result<void>{} : std::unexpected(manifest.error());
  if (auto r = write_published_file("manifest.json", *manifest); !r) return r;
  auto timestamp = state("timestamp");
  if (!timestamp) return timestamp.error().code == ErrorCode::not_found ? Result<void>{} : std::unexpected(timestamp.error());
  return write_published_file("timestamp.json", *timestamp);
}

Result<bool> CentralStore::write_object(const std::string& hash, std::string_view body, const char* folder) {
  // Objects and bins are content-addressed and immutable: one already there is the same bytes. Not
  // flushed one by one; flush_objects() syncs them all in one call before the manifest names them.
  const std::string object = publish_dir() + "/" + folder + "/" + hash + ".json";
  std::error_code ec;
  if (std::filesystem::exists(object, ec)) return false;
  if (auto r = write_file_atomically(object, body, 0644, false); !r) return std::unexpected(r.error());
  return true;
}

Result<void> CentralStore::flush_objects() {
  if (!config_.durable_writes) return {};
  return sync_folder(publish_dir() + "/objects");  // syncfs: the bins' file system too
}

Result<void> CentralStore::write_published_file(const std::string& name, const std::string& bytes) {
  return write_file_atomically(publish_dir() + "/" + name, bytes, 0644, config_.durable_writes);
}

}  // namespace hall::central
