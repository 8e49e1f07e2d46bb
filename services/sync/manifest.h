// SPDX-License-Identifier: Apache-2.0
#pragma once
// The manifest payload (hallkiosk.manifest/2): a signed snapshot of bin hashes. Each guide falls
// in one of 256 bins (the first byte of SHA-256 of its id); the manifest names each non-empty bin
// by the SHA-256 and length of bins/<sha256>.json, which lists that bin's guide versions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

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

// A bin as the manifest names it: bins/<hash>.json, exactly `length` bytes.
struct BinRef {
  int bin = 0;  // 0-255
  std::string hash;
  std::size_t length = 0;
};

// A document the manifest names beside the bins by SHA-256 and length: the notice index
// (bins/<hash>.json) and the working-day calendar (objects/<hash>.json).
struct DocumentRef {
  std::string hash;
  std::size_t length = 0;
};

// One published notice version, as the notice index names it: objects/<hash>.json.
struct NoticeEntry {
  std::string id;
  int version = 1;
  std::string hash;
  std::size_t length = 0;
};

struct Manifest {
  std::int64_t catalogue_version = 0;
  Instant issued_at, expires_at;
  int keys_version = 1;
  std::vector<BinRef> bins;  // ascending by bin, each at most once; a bin not listed holds no guide
  // 政务公开: absent when the store never published a notice (the hall keeps its own), or a
  // calendar (the hall keeps the one it holds).
  std::optional<DocumentRef> notices, workdays;
};

inline constexpr int bin_count = 256;
// The largest object a manifest may announce (the guide format's own file limit).
inline constexpr std::size_t max_object_bytes = 64u * 1024u * 1024u;
// The largest bin a manifest may announce: ~40 entries (6 KB) at 10,000 guides, so this leaves
// room for a catalogue a hundred times larger than any hall's.
inline constexpr std::size_t max_bin_bytes = 16u << 20;

// The bin of a guide: the first byte of SHA-256 of its id.
int bin_of(std::string_view guide_id);
std::string bin_file(const BinRef& bin);  // "bins/<hash>.json"

// Parses and checks the shape of a payload whose signature was verified. Bins out of order or
// listed twice, bad hashes, lengths out of range and times without an offset are malformed.
SyncResult<Manifest> parse_manifest(std::string_view payload, std::string_view file);

// The entries of a bin whose bytes were checked against its BinRef (verify_bin), or read back
// from the bins this hall trusted. Parsed through the guard (bin_limits); duplicate entries and
// bad fields are malformed; an entry whose id falls in another bin is bin_mismatch.
SyncResult<std::vector<ManifestEntry>> parse_bin(const BinRef& bin, std::string_view bytes);

// publications.cpp. The bytes of a named document, checked for length and SHA-256 before
// anything reads them (`name` for messages).
SyncResult<void> verify_document(const DocumentRef& ref, std::string_view bytes, const std::string& name);
// The entries of a verified notice index (hallkiosk.notice-index/1): each id and version once.
SyncResult<std::vector<NoticeEntry>> parse_notice_index(std::string_view bytes, const std::string& name);
// A manifest's optional document reference at `key` (absent: nullopt; present and bad: malformed).
SyncResult<std::optional<DocumentRef>> read_document_ref(const nlohmann::ordered_json& root, const char* key,
                                                         std::size_t max_length, const std::string& at);

}  // namespace hall::sync
