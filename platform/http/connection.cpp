// SPDX-License-Identifier: Apache-2.0
#include "http/connection.h"

#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>

#include "http/request_head.h"

namespace hall::http {
namespace {

using Clock = std::chrono::steady_clock;

bool has_no_body(int status) {
  return status < 200 || status == 204 || status == 304;
}

bool owned_by_server(std::string_view name) {
  return iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding") || iequals(name, "Connection");
}

// The status line and header fields; the server owns framing (length, chunking, keep-alive).
std::string head_of(const Response& r, bool keep_alive, bool chunked) {
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + std::string(reason_phrase(r.status)) + "\r\n";
  bool typed = false;
  for (const auto& [k, v] : r.headers) {
    if (owned_by_server(k)) continue;
    typed = typed || iequals(k, "Content-Type");
    out += k + ": " + v + "\r\n";
  }
  if (!typed && !r.body.empty()) out += "Content-Type: application/octet-stream\r\n";
  if (chunked) {
    out += "Transfer-Encoding: chunked\r\n";
  } else if (!r.stream && !has_no_body(r.status)) {
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  }
  out += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  return out;
}

// A streamed body over the connection: chunked for HTTP/1.1, raw until close for HTTP/1.0.
class ConnectionSink final : public StreamSink {
 public:
  ConnectionSink(int fd, const ConnectionContext& context, bool chunked, std::stop_source& stop)
      : fd_(fd), context_(context), chunked_(chunked), stop_(stop) {}

  bool write(std::string_view bytes) override {
    if (stop_.stop_requested()) return false;
    if (peer_closed(fd_)) return gone();
    if (bytes.empty()) return true;
    std::string piece;
    if (chunked_) {
      char size[20];
      std::snprintf(size, sizeof size, "%zx\r\n", bytes.size());
      piece = std::string(size) + std::string(bytes) + "\r\n";
    } else {
      piece = std::string(bytes);
    }
    if (write_all(fd_, context_.stop_fd, context_.options->write_timeout, piece) != IoStatus::done) return gone();
    return true;
  }

  void finish() {
    if (chunked_ && !stop_.stop_requested()) {
      write_all(fd_, context_.stop_fd, context_.options->write_timeout, "0\r\n\r\n");
    }
  }

 private:
  bool gone() {
    stop_.request_stop();
    return false;
  }
  int fd_;
  const ConnectionContext& context_;
  bool chunked_;
  std::stop_source& stop_;
};

class Connection {
 public:
  Connection(Fd socket, std::string remote, const ConnectionContext& context)
      : socket_(std::move(socket)), remote_(std::move(remote)), context_(context), options_(*context.options) {}

  void run() {
    bool first = true;
    while (serve_one(first)) first = false;
  }

 private:
  int fd() const { return socket_.get(); }
  bool stopping() const { return context_.server_stop.stop_requested(); }

  // The end of the next request's head in buffer_, or nullopt (the connection ends; refusals sent).
  std::optional<std::size_t> read_head(bool first) {
    const auto now = Clock::now();
    bool started = !buffer_.empty();
    // A new connection has header_timeout for its whole head; a kept-alive one may idle first.
    auto deadline = now + (first || started ? options_.header_timeout : options_.idle_timeout);
    while (true) {
      while (buffer_.starts_with("\r\n")) buffer_.erase(0, 2);  // stray line ends between requests
      const auto end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        if (end > options_.max_header_bytes) return refuse(431);
        return end;
      }
      if (buffer_.size() > options_.max_header_bytes) return refuse(431);
      const auto s = read_some(fd(), context_.stop_fd, deadline, buffer_, 16384);
      if (s == IoStatus::timeout && (started || first)) return refuse(408);
      if (s != IoStatus::done) return std::nullopt;
      if (!started && !first) deadline = Clock::now() + options_.header_timeout;
      started = true;
    }
  }

  // True: the connection may carry another request.
  bool serve_one(bool first) {
    const auto end = read_head(first);
    if (!end) return false;
    auto head = parse_request_head(std::string_view(buffer_).substr(0, *end));
    buffer_.erase(0, *end + 4);
    if (!head) return refuse(head.error().code == ErrorCode::unavailable ? 505 : 400).has_value();
    if (head->chunked) return refuse(411).has_value();  // a request body must say its length
    std::size_t limit = options_.max_body_bytes;
    if (const auto own = context_.router->body_limit(head->method, head->path)) limit = std::min(limit, *own);
    const std::uint64_t length = head->content_length.value_or(0);
    if (length > limit) return refuse(413).has_value();
    if (head->expect_continue && length > buffer_.size()) {
      write_all(fd(), context_.stop_fd, options_.write_timeout, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    const auto deadline = Clock::now() + options_.body_timeout;
    while (buffer_.size() < length) {
      const auto s = read_some(fd(), context_.stop_fd, deadline, buffer_, length - buffer_.size());
      if (s == IoStatus::timeout) return refuse(408).has_value();
      if (s != IoStatus::done) return false;
    }
    Request request{head->method,           head->path, std::move(head->headers), buffer_.substr(0, length),
                    std::move(head->query), remote_};
    buffer_.erase(0, length);
    Response response = handle(std::move(request));
    const bool is_head = head->method == "HEAD";
    if (response.stream && !is_head) {
      stream(response, head->minor_version == 1);
      return false;
    }
    const bool keep_alive = head->keep_alive && !stopping() && !response.stream;
    return send(response, keep_alive, is_head) && keep_alive;
  }

  Response handle(Request request) {
    try {
      return context_.router->handle(std::move(request));
    } catch (const std::exception&) {
      // A handler's programmer error answers this one request; the server and the others go on.
      return options_.refusal(500);
    }
  }

  bool send(const Response& response, bool keep_alive, bool head_only) {
    std::string bytes = head_of(response, keep_alive, false);
    if (!head_only && !has_no_body(response.status)) bytes += response.body;
    return write_all(fd(), context_.stop_fd, options_.write_timeout, bytes) == IoStatus::done;
  }

  void stream(const Response& response, bool chunked) {
    if (!send_head(response, chunked)) return;
    std::stop_source stop;
    const std::stop_callback on_server_stop(context_.server_stop, [&stop] { stop.request_stop(); });
    ConnectionSink sink(fd(), context_, chunked, stop);
    try {
      response.stream(sink, stop.get_token());
    } catch (const std::exception&) {
      return;  // the body is cut; the client sees the stream end early
    }
    sink.finish();
  }

  bool send_head(const Response& response, bool chunked) {
    const std::string bytes = head_of(response, false, chunked);
    return write_all(fd(), context_.stop_fd, options_.write_timeout, bytes) == IoStatus::done;
  }

  // Answers `status` and closes; always nullopt, so callers can return it.
  std::optional<std::size_t> refuse(int status) {
    send(options_.refusal(status), false, false);
    // Close gently: a client still sending a body it was refused would otherwise get a reset
    // before it reads the answer. Read and drop a little of what it sends, briefly.
    ::shutdown(fd(), SHUT_WR);
    std::string drop;
    const auto deadline = Clock::now() + std::chrono::milliseconds(200);
    for (int i = 0; i < 64 && read_some(fd(), context_.stop_fd, deadline, drop, 16384) == IoStatus::done; ++i) {
      drop.clear();
    }
    return std::nullopt;
  }

  Fd socket_;
  std::string remote_;
  const ConnectionContext& context_;
  const ServerOptions& options_;
  std::string buffer_;  // bytes read and not yet consumed (a pipelined next request)
};

}  // namespace

void serve_connection(Fd socket, std::string remote_addr, const ConnectionContext& context) {
  Connection(std::move(socket), std::move(remote_addr), context).run();
}

}  // namespace hall::http
