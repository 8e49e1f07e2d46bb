// SPDX-License-Identifier: Apache-2.0
#include "print/ipp_exchange.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace hall::print {
namespace {

using Clock = std::chrono::steady_clock;

// libcups calls this each time a read or write waits one timeout period: 0 gives up.
int keep_waiting(http_t*, void* data) {
  return Clock::now() < *static_cast<const slip::Deadline*>(data) ? 1 : 0;
}

long remaining_ms(slip::Deadline deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
}

std::string last_error() {
  const char* text = cupsLastErrorString();
  return text && *text ? text : "no answer";
}

}  // namespace

Result<IppPtr> exchange(const IppTarget& target, IppPtr request, const std::string& resource,
                        const std::string* document, slip::Deadline deadline) {
  const long ms = remaining_ms(deadline);
  if (ms <= 0) return fail(ErrorCode::unavailable, "CUPS on " + target.server + ": no time left to ask");
  HttpPtr http(httpConnect2(target.host.c_str(), target.port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                            static_cast<int>(ms), nullptr));
  if (!http) {
    return fail(ErrorCode::unavailable,
                "CUPS on " + target.server + " cannot be reached: " + std::strerror(errno) + " (is cupsd running?)");
  }
  // Short periods so the callback looks at the deadline often; the callback decides when to stop.
  httpSetTimeout(http.get(), 0.1, keep_waiting, const_cast<slip::Deadline*>(&deadline));
  const auto no_answer = [&](const char* step, http_status_t status) {
    return fail(ErrorCode::unavailable, "CUPS on " + target.server + ": no answer " + step + " (HTTP " +
                                            std::to_string(static_cast<int>(status)) + ", " + last_error() + ")");
  };
  const std::size_t length = document ? document->size() : 0;  // Content-Length is the request plus the document
  http_status_t sent = cupsSendRequest(http.get(), request.get(), resource.c_str(), ippLength(request.get()) + length);
  if (sent != HTTP_STATUS_CONTINUE && sent != HTTP_STATUS_OK) return no_answer("sending the request", sent);
  if (document) {
    std::size_t offset = 0;
    while (offset < length && sent == HTTP_STATUS_CONTINUE) {
      const std::size_t chunk = std::min<std::size_t>(length - offset, 65536);
      sent = cupsWriteRequestData(http.get(), document->data() + offset, chunk);
      offset += chunk;
    }
    if (sent != HTTP_STATUS_CONTINUE) return no_answer("sending the document", sent);
  }
  // Wait for the first byte of the answer ourselves: libcups adds a second of its own after the
  // timeout callback gives up.
  const long left = remaining_ms(deadline);
  if (left <= 0 || !httpWait(http.get(), static_cast<int>(left)))
    return no_answer("by the deadline", HTTP_STATUS_ERROR);
  IppPtr response(cupsGetResponse(http.get(), resource.c_str()));
  if (!response) return no_answer("reading the answer", httpGetStatus(http.get()));
  return response;
}

Result<void> check_status(const ipp_t* response, const std::string& what) {
  const ipp_status_t status = ippGetStatusCode(const_cast<ipp_t*>(response));
  if (status <= IPP_STATUS_OK_EVENTS_COMPLETE) return {};
  std::array<char, 16> hex{};
  std::snprintf(hex.data(), hex.size(), "0x%04x", static_cast<unsigned>(status) & 0xffffu);
  const std::string detail = std::string(ippErrorString(status)) + " (" + hex.data() + ")";
  switch (status) {
    case IPP_STATUS_ERROR_NOT_FOUND:
      return fail(ErrorCode::not_found, what + " does not exist: " + detail);
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
      return fail(ErrorCode::conflict, what + " is rejecting jobs (cupsaccept re-enables it): " + detail);
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
    case IPP_STATUS_ERROR_BUSY:
    case IPP_STATUS_ERROR_TEMPORARY:
      return fail(ErrorCode::unavailable, what + " is not available: " + detail);
    default:
      return fail(ErrorCode::io, what + ": " + detail);
  }
}

}  // namespace hall::print
