// SPDX-License-Identifier: Apache-2.0
#include "xvfb_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace hall::test {
namespace {

void stop(pid_t pid) {
  kill(pid, SIGTERM);
  for (int i = 0; i < 300; ++i) {  // Xvfb stops in a few ms; give it 3 s before SIGKILL
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

}  // namespace

XvfbServer::XvfbServer(int width, int height) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  const std::string fd_text = std::to_string(fds[1]);
  std::vector<std::string> argv = {"/usr/bin/Xvfb", "-displayfd", fd_text, "-screen", "0",
                                   screen,          "-nolisten",  "tcp",   "-noreset"};
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    close(fds[0]);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  // Xvfb writes the display number once it accepts connections.
  std::string number;
  pollfd p{fds[0], POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (number.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[32];
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    number.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (number.find('\n') == std::string::npos) {
    stop(pid_);
    throw std::runtime_error("Xvfb did not come up within 15 s (is the xvfb package installed?)");
  }
  number.resize(number.find('\n'));
  display_ = ":" + number;
  struct stat st {};
  if (stat(("/tmp/.X11-unix/X" + number).c_str(), &st) != 0) {
    stop(pid_);
    throw std::runtime_error("Xvfb reported display " + display_ + " but its socket is missing");
  }
}

XvfbServer::~XvfbServer() {
  if (pid_ > 0) stop(pid_);
}

}  // namespace hall::test
