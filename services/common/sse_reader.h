// SPDX-License-Identifier: Apache-2.0
#pragma once
// The reading side of Server-Sent Events (common/sse.h writes them): bytes in, events out, fed in
// whatever pieces the network delivers (a line, an event or a chunk boundary may fall anywhere,
// even between the \r and \n of one line end). Pure: the socket is platform/http's.
//
// Follows the WHATWG rules a board needs: `id:` sets the last event id (kept across events, as a
// reconnecting client sends it), `event:` the type of the next event only, each `data:` adds a
// line; a blank line dispatches an event that has data; `retry:` sets the reconnection delay; a
// line starting with ':' is a comment (a keep-alive).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/sse.h"

namespace hall::http {

class SseReader {
 public:
  using Sink = std::function<void(const SseEvent&)>;

  // Parses what `bytes` completes and calls `sink` for each event dispatched, in order.
  void feed(std::string_view bytes, const Sink& sink);
  // The last id the stream set (empty until one).
  const std::string& last_event_id() const { return last_id_; }
  // The delay the server asked for before reconnecting, in milliseconds.
  std::optional<int> retry_ms() const { return retry_; }
  // Forgets a half-read event (a new connection starts afresh); keeps the last id.
  void restart();

 private:
  void line(std::string_view text, const Sink& sink);

  std::string pending_;  // bytes of a line not yet ended
  bool skip_newline_ = false;  // the last piece ended in \r: a \n at the start of the next is its pair
  std::string last_id_;
  std::string type_, data_;
  bool has_data_ = false;
  std::optional<int> retry_;
};

}  // namespace hall::http
