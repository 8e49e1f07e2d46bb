#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/temp_dir.h"

namespace hall::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_file)
    : stderr_file_(stderr_file) {
  write_file(stderr_file_, "");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int null = open("/dev/null", O_RDWR);
    const int err = open(stderr_file.c_str(), O_WRONLY | O_APPEND);
    dup2(null, 0);
    dup2(null, 1);
    dup2(err, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) stop(std::chrono::seconds(3));
}

std::string ChildProcess::stderr_text() const {
  return read_file(stderr_file_);
}

bool ChildProcess::wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (stderr_text().find(text) != std::string::npos) return true;
    if (pid_ <= 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return stderr_text().find(text) != std::string::npos;
}

int ChildProcess::stop(std::chrono::milliseconds grace, rusage* usage) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  rusage ru{};
  const auto deadline = std::chrono::steady_clock::now() + grace;
  pid_t done = 0;
  while ((done = wait4(pid_, &status, WNOHANG, &ru)) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done == 0) {
    kill(pid_, SIGKILL);
    wait4(pid_, &status, 0, &ru);
  }
  pid_ = -1;
  if (usage) *usage = ru;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hall::test
