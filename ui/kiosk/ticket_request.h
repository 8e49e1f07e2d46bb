// SPDX-License-Identifier: Apache-2.0
#pragma once
// 取号 and 过号重排 as the kiosk's screens see them: a request, and the hub's answer arriving later
// on the UI thread. The queue (services/queue, the hub) fills these; the screens never wait.
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "kiosk/kiosk_catalogue.h"

namespace hall::ui {

struct TicketRequest {
  std::string guide_id;  // empty: a consultation ticket for the hall's default group
  std::string priority;  // a priority class id (hall.json `priority_classes`), or empty
};

// What became of the ticket's slip, as the kiosk's print queue last said.
enum class SlipPhase {
  none,          // no printer here (or a re-activation: the visitor holds the slip already)
  printing,      // 正在打印凭条
  printed,       // 请取凭条
  cannot_print,  // the printer cannot print now: the visitor photographs the QR code
};

struct IssuedTicket {
  std::string number;      // A023
  std::string group;       // A
  std::string status_url;  // what the QR code encodes
  int ahead = 0;
  std::optional<int> estimated_wait_s;
  std::string id{};         // the hub's ticket id, for its slip's outcomes
  std::string issued_at{};  // RFC 3339, as the hub said
  SlipPhase slip = SlipPhase::none;
};

// Why the hub gave no ticket. The words are the hub's (its error `message` / `message_en`) or the
// port's for a hub it could not reach; the screens show them as they are and never a number.
struct TicketRefusal {
  enum class Reason {
    unreachable,  // no answer, a timeout, a 5xx: nothing was issued that the kiosk knows of
    closed,       // 409 `closed`: outside opening hours or past the cut-off; the message says when
    not_found,    // re-activation: no such number today (404)
    refused,      // any other refusal (409 `wrong_state`: not a no-show, too late to re-enter ...)
  };
  Reason reason = Reason::unreachable;
  std::string message;     // Chinese, for the visitor
  std::string message_en;  // English; empty: the Chinese is shown in English mode too

  TicketRefusal() = default;
  TicketRefusal(Reason r, std::string zh, std::string en = {})
      : reason(r), message(std::move(zh)), message_en(std::move(en)) {}
  // A port that answers with Result<IssuedTicket> (an Error) still fits TakeNumber: unavailable is
  // an unreachable hub, not_found an unknown number, and conflict is 409, which POST /tickets
  // answers only as `closed`. (A ReactivateNumber port should build its refusal itself: there 409
  // is also `wrong_state`.)
  TicketRefusal(const Error& e)  // NOLINT(google-explicit-constructor): on purpose, see above
      : reason(e.code == ErrorCode::conflict                                 ? Reason::closed
               : e.code == ErrorCode::not_found                              ? Reason::not_found
               : e.code == ErrorCode::unavailable || e.code == ErrorCode::io ? Reason::unreachable
                                                                             : Reason::refused),
        message(e.message) {}
};

using TicketResult = std::expected<IssuedTicket, TicketRefusal>;
// Runs on the UI thread (through the host's run queue), exactly once per request.
using TicketReply = std::function<void(TicketResult)>;

// Asks the hub for a ticket (POST /api/v1/tickets).
using TakeNumber = std::function<void(const TicketRequest& request, TicketReply reply)>;
// Puts a no-show ticket back in the queue by its number, "A023" (POST /api/v1/reactivations).
using ReactivateNumber = std::function<void(const std::string& number, TicketReply reply)>;

struct TicketState {
  enum class Phase { none, sending, issued, failed };
  enum class Purpose { take, reactivate };
  Phase phase = Phase::none;
  Purpose purpose = Purpose::take;
  TicketRequest request;  // Purpose::take
  std::string number;     // Purpose::reactivate: the number the visitor typed
  std::optional<IssuedTicket> ticket;
  std::optional<TicketRefusal> refusal;
  std::string problem;  // why none was issued, in words for the visitor (the refusal's Chinese message)
  bool sample = false;  // opened by a screen spec for a picture, not answered by a hub
};

}  // namespace hall::ui
