// SPDX-License-Identifier: Apache-2.0
#pragma once
// Why a sync step refused what it was given. Every refusal keeps the last good catalogue; the
// reason is a value a program (and a test) branches on, the message names the file and the value.
#include <expected>
#include <string>

#include "common/error.h"

namespace hall::sync {

enum class Refusal {
  no_trusted_keys,      // the data folder has no pinned publisher key set yet
  unreachable,          // cannot connect, or the exchange ran past its timeout
  http_status,          // an answer other than 200/304
  malformed,            // not the JSON shape the protocol defines
  wrong_format,         // an envelope of another kind ("format")
  bad_signature,        // a trusted key's signature does not verify
  unknown_key,          // not signed by enough keys this kiosk trusts
  rollback,             // a catalogue or key set version lower than the trusted one
  replay,               // an old manifest presented again (same version, other bytes; or issued earlier)
  expired,              // expires_at has passed: frozen, nothing applied
  rotation_not_signed,  // a new key set without threshold signatures of the trusted set
  rotation_version,     // a new key set whose version is not exactly trusted + 1
  too_long,             // more bytes than allowed (an object: its manifest length; the manifest: its limit)
  truncated,            // fewer bytes than stated (Content-Length, or the manifest length)
  hash_mismatch,        // SHA-256 of the bytes is not the manifest's hash
  invalid_guide,        // the object is not a valid guide
  invalid_notice,       // a notice object, the notice index or the working-day calendar is not valid (政务公开)
  guide_mismatch,       // the guide's id/version/effective_from differ from its manifest entry
  storage,              // the local database refused
  too_deep,             // JSON nested deeper, or with more arrays/objects, than its document allows
  issued_in_future,     // issued_at later than now plus the allowed clock skew
  validity_too_long,    // expires_at - issued_at beyond the kiosk's maximum validity
  version_jump,         // catalogue_version further above the trusted one than any publisher goes
  deadline,             // the whole sync attempt ran past its overall deadline
  timestamp_mismatch,   // manifest.json is not the manifest the verified timestamp names
  bin_mismatch,         // a bin names another bin than the manifest's, or lists a guide of another bin
};

const char* to_string(Refusal r);

struct SyncError {
  Refusal reason = Refusal::malformed;
  Error error;  // code for exit statuses, message for people
};

template <class T>
using SyncResult = std::expected<T, SyncError>;

std::unexpected<SyncError> refuse(Refusal reason, std::string message);
// A storage or other lower-level error, carried through unchanged.
std::unexpected<SyncError> refuse(Refusal reason, const Error& error);

}  // namespace hall::sync
