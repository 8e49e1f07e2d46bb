// SPDX-License-Identifier: Apache-2.0
#pragma once
// The manifest payload (hallkiosk.manifest/1): what a kiosk should hold, guide by guide.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "sync/sync_error.h"

namespace hall::sync {

struct ManifestEntry {
  std::string id;
  int version = 1;
  std::optional<Instant> effective_from;
  std::string hash;  // 64 lower-case hex digits: the object's name and its SHA-256
  std::size_t length = 0;
};

struct Manifest {
  std::int64_t catalogue_version = 0;
  Instant issued_at, expires_at;
  int keys_version = 1;
  std::vector<ManifestEntry> guides;
};

// The largest object a manifest may announce (the guide format's own file limit).
inline constexpr std::size_t max_object_bytes = 64u * 1024u * 1024u;

// Parses and checks the shape of a payload whose signature was verified. Duplicate entries,
// bad hashes, lengths out of range and times without an offset are malformed.
SyncResult<Manifest> parse_manifest(std::string_view payload, std::string_view file);

}  // namespace hall::sync
