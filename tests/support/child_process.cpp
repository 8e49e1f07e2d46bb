// SPDX-License-Identifier: Apache-2.0
#include "support/child_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/temp_dir.h"

namespace hall::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_file, ChildStdout out)
    : stderr_file_(stderr_file) {
  // Opened here, not in the child: the file exists as soon as the constructor returns.
  const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  int pipe_fds[2] = {-1, -1};
  if (err < 0 || null < 0 || (out == ChildStdout::pipe && ::pipe2(pipe_fds, O_CLOEXEC) != 0)) {
    throw std::runtime_error("cannot set up the child's output (" + stderr_file + ")");
  }
  // The argument list is built before fork: the child of a threaded process may not allocate
  // (another thread may have held the allocator's lock at the fork; under ASan the child hung).
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dup2(null, 0);
    dup2(out == ChildStdout::pipe ? pipe_fds[1] : null, 1);
    dup2(err, 2);  // dup2 clears O_CLOEXEC on the copies
    execv(args[0], args.data());
    _exit(127);
  }
  ::close(err);
  ::close(null);
  if (out == ChildStdout::pipe) {
    ::close(pipe_fds[1]);
    out_ = pipe_fds[0];
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) stop(std::chrono::seconds(5), SIGKILL);
  if (out_ >= 0) ::close(out_);
}

std::string ChildProcess::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (out_ < 0 || left.count() <= 0) return {};
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return {};
    char chunk[512];
    const ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n <= 0) return {};
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string ChildProcess::stderr_text() const { return read_file(stderr_file_); }

bool ChildProcess::wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (stderr_text().find(text) != std::string::npos) return true;
    if (pid_ <= 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return stderr_text().find(text) != std::string::npos;
}

int ChildProcess::stop(std::chrono::milliseconds grace, int signal, rusage* usage) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  rusage ru{};
  const auto deadline = std::chrono::steady_clock::now() + grace;
  pid_t done = 0;
  while ((done = wait4(pid_, &status, WNOHANG, &ru)) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  int code = -1;
  if (done == pid_) {
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  } else {
    ::kill(pid_, SIGKILL);
    wait4(pid_, &status, 0, &ru);
  }
  pid_ = -1;
  if (usage) *usage = ru;
  return code;
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(a.sin_port);
}

bool wait_for_port(int port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace hall::test
