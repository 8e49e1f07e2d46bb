// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hub's answers in hub-api.md's shape: every refusal is a 4xx (or 503 when the hub cannot
// write) with {"error": {"code", "message" (Chinese: what a person should do), "message_en"}}.
// The Chinese message is chosen here by the refusal's reason; the English one keeps the domain's
// detail (which ticket, which state), so a log or a developer sees exactly what was refused.
#include <string>
#include <string_view>

#include "common/http_message.h"
#include "queue/queue_error.h"
#include "queue/ticket.h"

namespace hall::hub {

http::Response error_response(int status, std::string_view code, std::string_view message_zh,
                              std::string_view message_en);

// A queue refusal as its status and code (409 wrong_state, 423 locked, 503 unavailable ...).
// `zh` replaces the reason's Chinese message when the handler can say more (the ticket's state,
// when the hall opens again).
http::Response refusal_response(const queue::QueueError& why, std::string_view zh = {});

// The refusals the router and the server send themselves (404, 405, 408, 413, 431, 503 ...), in
// the same JSON shape, so a client parses one kind of error body whatever refused it.
http::Response plain_error(int status);

// 200 or 201 with a JSON body.
http::Response json_ok(int status, std::string body);

// The ticket's state in the words the hall uses: 等候中, 已叫号, 办理中 ...
std::string_view state_name_zh(queue::TicketState s);

}  // namespace hall::hub
