// SPDX-License-Identifier: Apache-2.0
#pragma once
// Why the queue refused a command. The reason is what a program (the hub, a test) branches on and
// maps to its answer (409 wrong_state, 409 closed, 423 locked ...); the error's message is for people
// and names the ticket, the window or the state involved.
#include <expected>
#include <string>

#include "common/error.h"

namespace hall::queue {

enum class Refusal {
  invalid_input,         // a malformed argument (unknown priority class, empty key ...)
  not_found,             // an unknown ticket, token, group, window, device or staff id
  wrong_state,           // the ticket's state does not allow this transition
  window_busy,           // the window still holds a called or serving ticket
  window_paused,         // a paused window calls nobody
  other_window,          // the ticket is held by another window
  closed,                // outside opening hours, or past the group's cut-off
  too_late,              // a no-show past its re-activation time
  idempotency_conflict,  // the same idempotency key with another request
  unauthenticated,       // no such token, PIN wrong, session expired or ended
  forbidden,             // a device or staff member of the wrong role, or disabled
  locked,                // too many wrong PINs: wait until the lock ends
  storage,               // the database refused (its error's code says how)
};

const char* to_string(Refusal r);

struct QueueError {
  Refusal reason = Refusal::invalid_input;
  Error error;
};

template <class T>
using QueueResult = std::expected<T, QueueError>;

std::unexpected<QueueError> refuse(Refusal reason, std::string message);
// A storage error carried through with its code (io, unavailable, corrupt ...).
std::unexpected<QueueError> refuse(const Error& storage_error);

}  // namespace hall::queue
