// SPDX-License-Identifier: Apache-2.0
#pragma once
// Server-Sent Events framing (the WHATWG "text/event-stream" format): an event is `id:`, `event:`
// and one `data:` line per line of its data, ended by a blank line; a line starting with ':' is a
// comment, which a stream sends as a keep-alive so proxies and clients see it is alive.
#include <string>
#include <string_view>

#include "common/http_message.h"

namespace hall::http {

struct SseEvent {
  std::string id;     // empty: no id: line (the client keeps its last one)
  std::string event;  // empty: the client's default, "message"
  std::string data;   // may hold several lines
};

std::string sse_frame(const SseEvent& event);
std::string sse_comment(std::string_view text);
// 200 text/event-stream, not cached, whose body `producer` writes.
Response sse_response(StreamProducer producer);

}  // namespace hall::http
