// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the files of the central store (central_store.cpp, admin_registry.cpp, drafts.cpp,
// publisher.cpp, published_folder.cpp, timestamp_role.cpp, fleet.cpp, audit_log.cpp) share, and
// no one else includes.
#include <cstdint>
#include <string>
#include <string_view>

#include "central/central_store.h"

namespace hall::central::detail {

inline constexpr const char* manifest_format = "hallkiosk.manifest/2";  // bins (sync/PROTOCOL.md)
inline constexpr const char* bin_format = "hallkiosk.bin/1";
inline constexpr const char* keys_format = "hallkiosk.keys/1";

using hall::instant_of;
using hall::seconds_of;

// [A-Za-z0-9._-]{1,64}: administrator and kiosk ids.
bool valid_id(std::string_view id);

// The publisher key signs content; the timestamp key, named apart, only freshness (PROTOCOL.md).
std::string key_set_payload(std::int64_t version, const PublicKey& key, const PublicKey& timestamp);

// publish/keys/<version>.json and publish/keys.json (the published folder is the only file I/O).
Result<void> write_key_set(const std::string& publish_dir, std::int64_t version, const std::string& envelope);

// What a reviewed notice draft publishes (hallkiosk.notice/1): masked as its review decided,
// without a proposal reply's deputies, checked as fit to publish (notice_drafts.cpp).
Result<std::string> notice_published_form(const NoticeDraft& d);

}  // namespace hall::central::detail
