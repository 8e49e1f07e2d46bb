// SPDX-License-Identifier: Apache-2.0
#pragma once
// The central store's HTTP interface as pure functions: a request struct in, a response struct
// out, so every rule is tested without a socket. platform/http routes real requests here.
//
//   POST /api/heartbeat              an enrolled kiosk reports, signed with its own key (X-Hall-Kiosk ...)
//   POST /api/drafts                 submit a catalogue or guide file          author
//   GET  /api/drafts                 every draft with its diff and review      any admin
//   POST /api/drafts/<id>/review     {"conclusion": "approve"|"reject", "reason", "note"}   reviewer
//   POST /api/publish                {"effective_from"?: RFC 3339, "drafts"?: [ids]}        publisher
//   GET  /api/kiosks                 every kiosk, flagged behind / silent      any admin
//   GET  /n/<id>, POST /n/<id>/comments   a notice's public page and its comment form (central_public_api.cpp)
//   GET  /api/notices/<id>/comments  the opinions on a draft, ?format=csv for a spreadsheet    any admin
//   GET  /api/audit[/before/<seq>]   one page of the audit log, newest first, and the counted
//                                    refusals of unauthenticated callers      any admin
// Admin requests carry X-Hall-Admin, X-Hall-Time, X-Hall-Nonce and X-Hall-Signature (services/sync/PROTOCOL.md).
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "central/central_store.h"
#include "central/signing.h"
#include "common/clock.h"
#include "common/http_message.h"

namespace hall::central {

using HeaderList = http::HeaderList;
using ApiRequest = http::Request;
using ApiResponse = http::Response;

// The most a notice's comment form may send (2,000 characters, each %-escaped, and a contact): a
// server in front of the API refuses more on the request's head (413).
inline constexpr std::size_t max_comment_form_bytes = 32u << 10;

// The bytes an admin signs: "METHOD\nPATH\nTIME\n<sha256 hex of body>".
std::string admin_signing_text(std::string_view method, std::string_view path, std::int64_t unix_seconds,
                               std::string_view nonce,
                               std::string_view body);
// The three headers of a signed admin request, for hallctl and tests.
HeaderList sign_admin_request(const KeyPair& key, const std::string& admin_id, std::string_view method,
                              std::string_view path, std::string_view body, Instant now);

// The headers of a kiosk's signed heartbeat: X-Hall-Kiosk, X-Hall-Time, X-Hall-Nonce and
// X-Hall-Signature over admin_signing_text("POST", "/api/heartbeat", ...) with the kiosk's key.
HeaderList sign_heartbeat(const KeyPair& kiosk_key, const std::string& kiosk_id, std::string_view body, Instant now);

class CentralApi {
 public:
  static constexpr std::chrono::seconds max_clock_skew{300};

  explicit CentralApi(CentralStore& store) : store_(&store) {}
  ApiResponse handle(const ApiRequest& request);

 private:
  // The verified admin's id, or the 401 response to send (already audited).
  std::expected<std::string, ApiResponse> authenticate(const ApiRequest& request);
  ApiResponse route_admin(const ApiRequest& request, const std::string& admin_id);

  CentralStore* store_;
};

}  // namespace hall::central
