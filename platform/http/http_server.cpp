// SPDX-License-Identifier: Apache-2.0
#include "http/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

#include "http/connection.h"

namespace hall::http {

// Outside the anonymous namespace: HttpServer::Impl, declared in the header, holds these.
struct Accepted {
  Fd socket;
  std::string remote_addr;
};

namespace {

std::string address_text(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&addr)->sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_addr, text, sizeof text);
  }
  return text;
}

Result<Fd> listen_on(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0) {
    return fail(ErrorCode::invalid_input, "cannot listen on " + where + ": " + ::gai_strerror(rc));
  }
  std::string why = "no address";
  for (const addrinfo* a = found; a; a = a->ai_next) {
    Fd fd(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
    if (!fd) continue;
    const int on = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd.get(), a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd.get(), 128) == 0) {
      ::freeaddrinfo(found);
      return fd;
    }
    why = std::strerror(errno);
  }
  ::freeaddrinfo(found);
  return fail(ErrorCode::unavailable,
              "cannot listen on " + where + ": " + why + " (in use, or not an address of this machine)");
}

int bound_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Router router;
  Fd listener;
  Fd stop_read, stop_write;  // a pipe: one byte written on stop makes every poll in the server return
  std::stop_source stop;
  int port = 0;
  std::thread acceptor;
  std::vector<std::thread> workers;

  std::mutex mutex;
  std::condition_variable wake;
  std::deque<Accepted> waiting;  // accepted, not yet taken by a worker
  std::size_t open = 0;          // waiting + being served
  bool stopping = false;

  ConnectionContext context() const { return {&options, &router, stop_read.get(), stop.get_token()}; }

  void accept_loop() {
    while (true) {
      pollfd fds[2] = {{listener.get(), POLLIN, 0}, {stop_read.get(), POLLIN, 0}};
      if (::poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents & POLLIN) return;
      if (!(fds[0].revents & POLLIN)) continue;
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      Fd socket(::accept4(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC));
      if (!socket) {
        // Out of descriptors: wait a little instead of spinning; anything else is the client's.
        if (errno == EMFILE || errno == ENFILE) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      const int on = 1;
      ::setsockopt(socket.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      admit(Accepted{std::move(socket), address_text(addr)});
    }
  }

  void admit(Accepted accepted) {
    {
      const std::lock_guard lock(mutex);
      if (open < options.max_connections) {
        ++open;
        waiting.push_back(std::move(accepted));
        wake.notify_one();
        return;
      }
    }
    // Over the limit: say so without waiting for the client, and close.
    const Response busy = options.refusal(503);
    const std::string bytes =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: " + std::to_string(busy.body.size()) +
        "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + busy.body;
    write_all(accepted.socket.get(), -1, std::chrono::milliseconds(0), bytes);
  }

  void work() {
    const ConnectionContext ctx = context();
    while (true) {
      Accepted next;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [this] { return stopping || !waiting.empty(); });
        if (stopping) return;
        next = std::move(waiting.front());
        waiting.pop_front();
      }
      serve_connection(std::move(next.socket), std::move(next.remote_addr), ctx);
      const std::lock_guard lock(mutex);
      --open;
    }
  }
};

HttpServer::HttpServer(ServerOptions options, Router router) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->router = std::move(router);
}

HttpServer::~HttpServer() {
  stop();
}

Result<int> HttpServer::start() {
  auto& s = *impl_;
  if (s.acceptor.joinable() || s.stop.stop_requested())
    return fail(ErrorCode::conflict, "the server was started already");
  auto listener = listen_on(s.options.host, s.options.port);
  if (!listener) return std::unexpected(listener.error());
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    return fail(ErrorCode::unavailable, std::string("cannot make the server's stop pipe: ") + std::strerror(errno));
  }
  s.stop_read = Fd(pipe_fds[0]);
  s.stop_write = Fd(pipe_fds[1]);
  s.listener = std::move(*listener);
  s.port = bound_port(s.listener.get());
  const std::size_t workers = std::max<std::size_t>(1, s.options.workers);
  for (std::size_t i = 0; i < workers; ++i) s.workers.emplace_back([&s] { s.work(); });
  s.acceptor = std::thread([&s] { s.accept_loop(); });
  return s.port;
}

void HttpServer::stop() {
  auto& s = *impl_;
  if (!s.acceptor.joinable()) return;
  {
    const std::lock_guard lock(s.mutex);
    s.stopping = true;
  }
  s.stop.request_stop();
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(s.stop_write.get(), &byte, 1);
  s.wake.notify_all();
  s.acceptor.join();
  for (auto& w : s.workers) w.join();
  s.workers.clear();
  s.waiting.clear();  // connections no worker took: closed unanswered
  s.open = 0;
  s.listener = Fd();
}

int HttpServer::port() const {
  return impl_->port;
}

std::string HttpServer::url() const {
  const std::string& host = impl_->options.host;
  const std::string shown = host == "0.0.0.0" || host.empty() ? "127.0.0.1" : host;
  return "http://" + shown + ":" + std::to_string(impl_->port);
}

}  // namespace hall::http
