// SPDX-License-Identifier: Apache-2.0
#pragma once
// A streaming GET of Server-Sent Events: connect, send the request, read the answer's head, then
// hand each event to a callback as its bytes arrive (chunked or until close), until the stream
// ends. Blocking, on the caller's (worker) thread; another thread ends it at once with a
// StopSignal, even inside a connect or a read that waits for a quiet server.
//
// Every wait has a bound: the connection within `connect_timeout`, and while streaming, silence
// for `idle_timeout` (a server sends a comment every 15 s; a cable pulled out sends nothing, not
// even a close) counts as the connection lost.
#include <chrono>
#include <functional>
#include <string>

#include "common/error.h"
#include "common/http_message.h"
#include "common/sse.h"
#include "http/socket_io.h"

namespace hall::http {

// Readable once signalled; signalled for good (a stopped follower is not restarted).
class StopSignal {
 public:
  StopSignal();
  ~StopSignal();
  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;
  void signal();
  int fd() const { return read_; }

 private:
  int read_ = -1, write_ = -1;
};

struct EventStreamRequest {
  std::string base_url;  // http://host:port
  std::string path;      // /api/v1/events (with ?query when needed)
  HeaderList headers;    // Authorization, Last-Event-ID ...
  std::chrono::milliseconds connect_timeout{3'000};
  std::chrono::milliseconds idle_timeout{40'000};
};

struct StreamEnd {
  enum class Kind {
    stopped,      // the StopSignal
    unreachable,  // no connection (refused, no route, no answer in time)
    refused,      // the server answered, but not 200 text/event-stream: `status` and `body` say why
    dropped,      // it streamed, then closed, cut or fell silent
  };
  Kind kind = Kind::dropped;
  int status = 0;
  std::string message;  // for a person: what happened, naming the server
  std::string body;     // of a refusal (the hub's JSON error)
};

// Calls `on_open` once the server accepted the stream, then `on_event` per event, both on this
// thread; returns how the stream ended.
StreamEnd follow_event_stream(const EventStreamRequest& request, const StopSignal& stop,
                              const std::function<void()>& on_open,
                              const std::function<void(const SseEvent&)>& on_event);

const char* to_string(StreamEnd::Kind k);

}  // namespace hall::http
