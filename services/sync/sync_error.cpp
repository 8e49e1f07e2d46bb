// SPDX-License-Identifier: Apache-2.0
#include "sync/sync_error.h"

namespace hall::sync {

const char* to_string(Refusal r) {
  switch (r) {
    case Refusal::no_trusted_keys:
      return "no_trusted_keys";
    case Refusal::unreachable:
      return "unreachable";
    case Refusal::http_status:
      return "http_status";
    case Refusal::malformed:
      return "malformed";
    case Refusal::wrong_format:
      return "wrong_format";
    case Refusal::bad_signature:
      return "bad_signature";
    case Refusal::unknown_key:
      return "unknown_key";
    case Refusal::rollback:
      return "rollback";
    case Refusal::replay:
      return "replay";
    case Refusal::expired:
      return "expired";
    case Refusal::rotation_not_signed:
      return "rotation_not_signed";
    case Refusal::rotation_version:
      return "rotation_version";
    case Refusal::too_long:
      return "too_long";
    case Refusal::truncated:
      return "truncated";
    case Refusal::hash_mismatch:
      return "hash_mismatch";
    case Refusal::invalid_guide:
      return "invalid_guide";
    case Refusal::invalid_notice:
      return "invalid_notice";
    case Refusal::guide_mismatch:
      return "guide_mismatch";
    case Refusal::storage:
      return "storage";
    case Refusal::too_deep:
      return "too_deep";
    case Refusal::issued_in_future:
      return "issued_in_future";
    case Refusal::validity_too_long:
      return "validity_too_long";
    case Refusal::version_jump:
      return "version_jump";
    case Refusal::timestamp_mismatch:
      return "timestamp_mismatch";
    case Refusal::bin_mismatch:
      return "bin_mismatch";
    case Refusal::deadline:
      return "deadline";
  }
  return "unknown";
}

namespace {

ErrorCode code_for(Refusal r) {
  switch (r) {
    case Refusal::no_trusted_keys:
      return ErrorCode::not_found;
    case Refusal::unreachable:
    case Refusal::http_status:
    case Refusal::deadline:
      return ErrorCode::unavailable;
    case Refusal::malformed:
    case Refusal::wrong_format:
    case Refusal::invalid_guide:
    case Refusal::too_deep:
      return ErrorCode::invalid_input;
    case Refusal::storage:
      return ErrorCode::io;
    case Refusal::expired:
    case Refusal::rollback:
    case Refusal::replay:
    case Refusal::rotation_version:
    case Refusal::issued_in_future:
    case Refusal::validity_too_long:
    case Refusal::version_jump:
    case Refusal::timestamp_mismatch:  // a publish between the two reads, or a mirror mixing them
      return ErrorCode::conflict;
    default:
      return ErrorCode::corrupt;  // the bytes failed a check: forged, damaged or cut
  }
}

}  // namespace

std::unexpected<SyncError> refuse(Refusal reason, std::string message) {
  return std::unexpected(SyncError{reason, Error{code_for(reason), std::move(message)}});
}

std::unexpected<SyncError> refuse(Refusal reason, const Error& error) {
  return std::unexpected(SyncError{reason, error});
}

}  // namespace hall::sync
