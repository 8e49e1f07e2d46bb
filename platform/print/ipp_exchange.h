// SPDX-License-Identifier: Apache-2.0
#pragma once
// One IPP request and its response on a fresh connection, bounded by a deadline.
#include <cups/cups.h>
#include <cups/ipp.h>

#include <memory>
#include <string>

#include "common/error.h"
#include "slip/printer.h"

namespace hall::print {

struct IppDeleter {
  void operator()(ipp_t* ipp) const { ippDelete(ipp); }
  void operator()(http_t* http) const { httpClose(http); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;
using HttpPtr = std::unique_ptr<http_t, IppDeleter>;

struct IppTarget {
  std::string host;
  int port = 0;
  std::string server;  // "host:port" for messages
};

// Sends `request` (and `document`, when not null) to `resource` and returns the response, which may
// still carry an IPP error status. Errors: unavailable (no connection, no answer by the deadline).
Result<IppPtr> exchange(const IppTarget& target, IppPtr request, const std::string& resource,
                        const std::string* document, slip::Deadline deadline);

// A response's IPP status as an Error naming `what` ("printer \"kiosk\" on 127.0.0.1:631"); ok → {}.
Result<void> check_status(const ipp_t* response, const std::string& what);

}  // namespace hall::print
