// SPDX-License-Identifier: Apache-2.0
#pragma once
// A program a test starts in the background and stops itself, by its pid (nginx, hallctl central
// serve, the kiosk idling under Xvfb): stdout on a pipe the test reads lines from (or discarded),
// stderr to a file the test can read while it runs, stdin from /dev/null.
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace hall::test {

enum class ChildStdout { pipe, discard };

class ChildProcess {
 public:
  // Starts argv (no shell). A test that crashes still leaves no child behind (PR_SET_PDEATHSIG).
  ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_file,
               ChildStdout out = ChildStdout::pipe);
  ~ChildProcess();  // SIGKILL if still running: a test never leaves a server behind
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The next line of stdout; empty on timeout or end of output.
  std::string read_line(std::chrono::milliseconds timeout);
  // Waits until the stderr file contains `text`; false after `timeout`.
  bool wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout) const;
  std::string stderr_text() const;
  // Sends `signal`, waits up to `grace`, then SIGKILL. Returns the exit code, 128 + the signal when
  // a signal ended it, or -1 when it had to be killed; `usage` gets the child's CPU and memory use.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(5), int signal = SIGTERM, rusage* usage = nullptr);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
  std::string stderr_file_;
};

// Stops the process with SIGTERM when the scope ends, also when a failed REQUIRE leaves it early:
// a browser script quits its browser on SIGTERM, where the destructor's SIGKILL would leave
// chromedriver and Chromium running.
struct TermOnExit {
  ChildProcess& process;
  ~TermOnExit() { process.stop(std::chrono::seconds(30), SIGTERM); }
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_port();
// True once something accepts connections on 127.0.0.1:port.
bool wait_for_port(int port, std::chrono::milliseconds timeout);

}  // namespace hall::test
