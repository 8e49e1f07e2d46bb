// SPDX-License-Identifier: Apache-2.0
#include "http/event_stream.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "common/sse_reader.h"

namespace hall::http {
namespace {

using Steady = std::chrono::steady_clock;
using Kind = StreamEnd::Kind;

StreamEnd ended(Kind kind, std::string message, int status = 0, std::string body = {}) {
  return {kind, status, std::move(message), std::move(body)};
}

struct HostPort {
  std::string host, port;
};

Result<HostPort> target_of(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return fail(ErrorCode::invalid_input, "\"" + url + "\": expected http://host:port");
  std::string rest = url.substr(scheme.size());
  if (const auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
  const auto colon = rest.rfind(':');
  HostPort t{colon == std::string::npos ? rest : rest.substr(0, colon),
           colon == std::string::npos ? std::string("80") : rest.substr(colon + 1)};
  if (t.host.empty()) return fail(ErrorCode::invalid_input, "\"" + url + "\": no host");
  return t;
}

// Waits for `events` on fd, the stop signal or the deadline.
IoStatus wait_ready(int fd, short events, int stop_fd, Steady::time_point deadline) {
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
    if (left <= 0) return IoStatus::timeout;
    pollfd fds[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
    const int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left, 60'000)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoStatus::closed;
    if (fds[1].revents & POLLIN) return IoStatus::stopped;
    if (fds[0].revents != 0) return IoStatus::done;
  }
}

// A non-blocking connection to the first address that answers, within the deadline.
Result<Fd> connect_to(const HostPort& t, int stop_fd, Steady::time_point deadline, bool& stopped) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int r = ::getaddrinfo(t.host.c_str(), t.port.c_str(), &hints, &found); r != 0) {
    return fail(ErrorCode::unavailable, t.host + ": " + ::gai_strerror(r));
  }
  std::string problem = "no address";
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    Fd fd(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
    if (!fd) continue;
    if (::connect(fd.get(), a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
      problem = std::strerror(errno);
      continue;
    }
    const IoStatus s = wait_ready(fd.get(), POLLOUT, stop_fd, deadline);
    if (s == IoStatus::stopped) {
      stopped = true;
      break;
    }
    if (s == IoStatus::timeout) {
      problem = "no answer in time";
      break;
    }
    int error = 0;
    socklen_t len = sizeof error;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &len);
    if (error == 0) {
      ::freeaddrinfo(found);
      return fd;
    }
    problem = std::strerror(error);
  }
  ::freeaddrinfo(found);
  return fail(ErrorCode::unavailable, problem);
}

struct Head {
  int status = 0;
  bool chunked = false;
  bool event_stream = false;
  std::size_t length = 0;  // of a refusal's body; 0 when not given
};

Head parse_head(std::string_view head) {
  Head h;
  const auto line_end = head.find("\r\n");
  const std::string_view status_line = head.substr(0, line_end);
  const auto space = status_line.find(' ');
  if (space != std::string_view::npos) {
    std::from_chars(status_line.data() + space + 1, status_line.data() + status_line.size(), h.status);
  }
  std::size_t at = line_end == std::string_view::npos ? head.size() : line_end + 2;
  while (at < head.size()) {
    auto end = head.find("\r\n", at);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view field = head.substr(at, end - at);
    at = end + 2;
    const auto colon = field.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = field.substr(0, colon);
    std::string_view value = field.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (iequals(name, "Transfer-Encoding")) h.chunked = value.find("chunked") != std::string_view::npos;
    if (iequals(name, "Content-Type")) h.event_stream = value.rfind("text/event-stream", 0) == 0;
    if (iequals(name, "Content-Length")) std::from_chars(value.data(), value.data() + value.size(), h.length);
  }
  return h;
}

// Chunked transfer coding, decoded as bytes arrive: whatever body bytes `raw` completes are
// appended to `out`. False when the coding is broken or the last chunk came (the stream ended).
class Unchunker {
 public:
  bool feed(std::string& raw, std::string& out) {
    while (true) {
      if (left_ > 0) {
        const std::size_t n = std::min(left_, raw.size());
        out.append(raw, 0, n);
        raw.erase(0, n);
        left_ -= n;
        if (left_ > 0) return true;
        need_crlf_ = true;
      }
      if (need_crlf_) {
        if (raw.size() < 2) return true;
        if (raw.compare(0, 2, "\r\n") != 0) return false;
        raw.erase(0, 2);
        need_crlf_ = false;
      }
      const auto end = raw.find("\r\n");
      if (end == std::string::npos) return raw.size() < 64;  // a size line is short
      std::size_t size = 0;
      const auto [p, ec] = std::from_chars(raw.data(), raw.data() + end, size, 16);
      if (ec != std::errc() || p == raw.data()) return false;
      raw.erase(0, end + 2);
      if (size == 0) return false;
      left_ = size;
    }
  }

 private:
  std::size_t left_ = 0;
  bool need_crlf_ = false;
};

std::string request_bytes(const EventStreamRequest& r, const HostPort& t) {
  std::string out = "GET " + r.path + " HTTP/1.1\r\nHost: " + t.host + ":" + t.port +
                    "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n";
  for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
  return out + "\r\n";
}

}  // namespace

StopSignal::StopSignal() {
  int fds[2] = {-1, -1};
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
    read_ = fds[0];
    write_ = fds[1];
  }
}

StopSignal::~StopSignal() {
  if (read_ >= 0) ::close(read_);
  if (write_ >= 0) ::close(write_);
}

void StopSignal::signal() {
  const char byte = 1;
  // One byte is enough and the pipe is never drained: every later poll sees it too.
  [[maybe_unused]] const auto n = ::write(write_, &byte, 1);
}

StreamEnd follow_event_stream(const EventStreamRequest& request, const StopSignal& stop,
                              const std::function<void()>& on_open,
                              const std::function<void(const SseEvent&)>& on_event) {
  const auto target = target_of(request.base_url);
  if (!target) return ended(Kind::unreachable, target.error().message);
  const std::string where = request.base_url;
  bool stopped = false;
  auto fd = connect_to(*target, stop.fd(), Steady::now() + request.connect_timeout, stopped);
  if (stopped) return ended(Kind::stopped, "stopped");
  if (!fd) return ended(Kind::unreachable, where + ": " + fd.error().message);

  const auto sent = write_all(fd->get(), stop.fd(), request.connect_timeout, request_bytes(request, *target));
  if (sent == IoStatus::stopped) return ended(Kind::stopped, "stopped");
  if (sent != IoStatus::done) return ended(Kind::unreachable, where + ": the request could not be sent");

  std::string raw;
  std::size_t head_end = std::string::npos;
  const auto head_deadline = Steady::now() + request.connect_timeout;
  while ((head_end = raw.find("\r\n\r\n")) == std::string::npos) {
    const auto s = read_some(fd->get(), stop.fd(), head_deadline, raw, 16384);
    if (s == IoStatus::stopped) return ended(Kind::stopped, "stopped");
    if (s != IoStatus::done) return ended(Kind::unreachable, where + ": no answer to the request");
    if (raw.size() > 65536) return ended(Kind::refused, where + ": the answer's head is too long");
  }
  const Head head = parse_head(std::string_view(raw).substr(0, head_end));
  raw.erase(0, head_end + 4);
  if (head.status != 200 || !head.event_stream) {
    // The refusal's body says why (the hub's JSON error); read what comes within a moment.
    const auto body_deadline = Steady::now() + std::chrono::milliseconds(500);
    while (raw.size() < std::max<std::size_t>(head.length, 1) && raw.size() < 65536) {
      if (read_some(fd->get(), stop.fd(), body_deadline, raw, 16384) != IoStatus::done) break;
    }
    std::string body;
    Unchunker unchunk;
    if (head.chunked) {
      unchunk.feed(raw, body);
    } else {
      body = raw;
    }
    return ended(Kind::refused, where + request.path + ": HTTP " + std::to_string(head.status), head.status, body);
  }

  if (on_open) on_open();
  SseReader reader;
  Unchunker unchunk;
  std::string body;
  while (true) {
    if (head.chunked) {
      if (!unchunk.feed(raw, body)) {
        reader.feed(body, on_event);
        return ended(Kind::dropped, where + ": the stream ended");
      }
    } else {
      body += raw;
      raw.clear();
    }
    reader.feed(body, on_event);
    body.clear();
    const auto s = read_some(fd->get(), stop.fd(), Steady::now() + request.idle_timeout, raw, 65536);
    if (s == IoStatus::stopped) return ended(Kind::stopped, "stopped");
    if (s == IoStatus::timeout) {
      return ended(Kind::dropped, where + ": nothing heard for " +
                                      std::to_string(request.idle_timeout.count() / 1000) + " s");
    }
    if (s == IoStatus::closed) return ended(Kind::dropped, where + ": the connection closed");
  }
}

const char* to_string(StreamEnd::Kind k) {
  switch (k) {
    case Kind::stopped:
      return "stopped";
    case Kind::unreachable:
      return "unreachable";
    case Kind::refused:
      return "refused";
    case Kind::dropped:
      return "dropped";
  }
  return "?";
}

}  // namespace hall::http
