// SPDX-License-Identifier: Apache-2.0
#include "queue/queue_error.h"

namespace hall::queue {
namespace {

ErrorCode code_of(Refusal r) {
  switch (r) {
    case Refusal::invalid_input:
      return ErrorCode::invalid_input;
    case Refusal::not_found:
      return ErrorCode::not_found;
    case Refusal::storage:
      return ErrorCode::io;
    default:  // every rule of the queue that says no
      return ErrorCode::conflict;
  }
}

}  // namespace

const char* to_string(Refusal r) {
  switch (r) {
    case Refusal::invalid_input:
      return "invalid_input";
    case Refusal::not_found:
      return "not_found";
    case Refusal::wrong_state:
      return "wrong_state";
    case Refusal::window_busy:
      return "window_busy";
    case Refusal::window_paused:
      return "window_paused";
    case Refusal::other_window:
      return "other_window";
    case Refusal::closed:
      return "closed";
    case Refusal::too_late:
      return "too_late";
    case Refusal::idempotency_conflict:
      return "idempotency_conflict";
    case Refusal::unauthenticated:
      return "unauthenticated";
    case Refusal::forbidden:
      return "forbidden";
    case Refusal::locked:
      return "locked";
    case Refusal::storage:
      return "storage";
  }
  return "refused";
}

std::unexpected<QueueError> refuse(Refusal reason, std::string message) {
  return std::unexpected(QueueError{reason, Error{code_of(reason), std::move(message)}});
}

std::unexpected<QueueError> refuse(const Error& storage_error) {
  return std::unexpected(QueueError{Refusal::storage, storage_error});
}

}  // namespace hall::queue
