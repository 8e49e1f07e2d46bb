// SPDX-License-Identifier: Apache-2.0
#include "http/socket_io.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace hall::http {
namespace {

int millis_until(SteadyTime deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return static_cast<int>(
      std::max<std::chrono::milliseconds::rep>(0, std::min<std::chrono::milliseconds::rep>(left.count(), 60'000)));
}

// Waits until `fd` is ready for `events`, the stop fd is readable, or the deadline passes.
IoStatus wait_for(int fd, short events, int stop_fd, SteadyTime deadline) {
  while (true) {
    pollfd fds[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
    const int n = ::poll(fds, stop_fd >= 0 ? 2 : 1, millis_until(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoStatus::closed;
    if (stop_fd >= 0 && (fds[1].revents & POLLIN)) return IoStatus::stopped;
    if (fds[0].revents & (events | POLLHUP | POLLERR)) return IoStatus::done;
    if (std::chrono::steady_clock::now() >= deadline) return IoStatus::timeout;
  }
}

}  // namespace

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

int Fd::release() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

IoStatus read_some(int fd, int stop_fd, SteadyTime deadline, std::string& buffer, std::size_t max) {
  char chunk[16384];
  const std::size_t want = std::min(max, sizeof chunk);
  while (true) {
    const ssize_t n = ::recv(fd, chunk, want, 0);
    if (n > 0) {
      buffer.append(chunk, static_cast<std::size_t>(n));
      return IoStatus::done;
    }
    if (n == 0) return IoStatus::closed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::closed;
    if (const auto s = wait_for(fd, POLLIN, stop_fd, deadline); s != IoStatus::done) return s;
  }
}

IoStatus write_all(int fd, int stop_fd, std::chrono::milliseconds stall, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n >= 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::closed;
    const auto deadline = std::chrono::steady_clock::now() + stall;
    if (const auto s = wait_for(fd, POLLOUT, stop_fd, deadline); s != IoStatus::done) return s;
  }
  return IoStatus::done;
}

bool peer_closed(int fd) {
  char byte = 0;
  while (true) {
    const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return true;
    if (n > 0) return false;
    if (errno == EINTR) continue;
    return errno != EAGAIN && errno != EWOULDBLOCK;
  }
}

}  // namespace hall::http
