#pragma once
// A program the test starts and stops itself (nginx, hallctl central serve), by its pid.
#include <string>
#include <sys/types.h>
#include <vector>

namespace hall::test {

class ChildProcess {
 public:
  // Starts argv (no shell) with stdout on a pipe the test may read lines from; stderr to `stderr_file`.
  ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_file);
  ~ChildProcess();  // SIGKILL if still running: a test never leaves a server behind
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  std::string read_line(int timeout_ms);  // empty on timeout or end of output
  // Sends `signal` and waits up to timeout_ms; the exit code, or -1 when it did not exit.
  int stop(int signal, int timeout_ms);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_port();
// True once something accepts connections on 127.0.0.1:port.
bool wait_for_port(int port, int timeout_ms);

}  // namespace hall::test
