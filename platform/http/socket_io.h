// SPDX-License-Identifier: Apache-2.0
#pragma once
// The few socket operations the server needs, each bounded by a deadline and interrupted by a
// "stop" file descriptor (readable once the server stops). EINTR is handled here, once.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace hall::http {

using SteadyTime = std::chrono::steady_clock::time_point;

// An owned file descriptor; closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release();
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

enum class IoStatus { done, timeout, stopped, closed };

// Appends what the socket has to `buffer` (at most `max` bytes), waiting until `deadline`.
// closed: the peer closed or reset the connection.
IoStatus read_some(int fd, int stop_fd, SteadyTime deadline, std::string& buffer, std::size_t max);
// Sends all of `bytes`, however long that takes while the client keeps reading; timeout when it
// takes nothing for `stall` (a client that stopped reading). Never raises SIGPIPE.
IoStatus write_all(int fd, int stop_fd, std::chrono::milliseconds stall, std::string_view bytes);
// True when the peer has closed its side (a read would return end of file); does not wait.
bool peer_closed(int fd);

}  // namespace hall::http
