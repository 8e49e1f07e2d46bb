#pragma once
// A program running in the background of a test (the kiosk idling, say), with its stderr going to
// a file the test can read while it runs. Stopped by its PID when the object goes.
#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace hall::test {

class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_file);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Waits until the stderr file contains `text`; false after `timeout` or when the child exited.
  bool wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout) const;
  std::string stderr_text() const;
  // SIGTERM, then waits (SIGKILL after `grace`). Returns the exit code (-1: killed by a signal)
  // and, in `usage`, the child's whole CPU and memory use.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(5), rusage* usage = nullptr);

 private:
  pid_t pid_ = -1;
  std::string stderr_file_;
};

}  // namespace hall::test
