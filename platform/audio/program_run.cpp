// SPDX-License-Identifier: Apache-2.0
#include "audio/program_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace hall::audio {
namespace {

using Clock = std::chrono::steady_clock;

// Both ends close-on-exec: the child gets its own copies through dup2 only, so a second voice
// started by another thread never inherits this one's pipe and keeps it open.
bool make_pipe(int fds[2]) {
  return ::pipe2(fds, O_CLOEXEC) == 0;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Reads what is there; false once the pipe is at end of file.
bool drain(int fd, std::string& into) {
  char chunk[65536];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n > 0) {
      into.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN;
  }
}

std::string program_name(const std::vector<std::string>& argv) {
  return argv.empty() ? std::string("(nothing)") : argv.front();
}

}  // namespace

Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::chrono::milliseconds deadline) {
  if (argv.empty()) return fail(ErrorCode::invalid_input, "run_program: no program given");
  int out[2] = {-1, -1}, err[2] = {-1, -1};
  if (!make_pipe(out) || !make_pipe(err)) {
    close_fd(out[0]), close_fd(out[1]), close_fd(err[0]), close_fd(err[1]);
    return fail(ErrorCode::unavailable, program_name(argv) + ": no pipe: " + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close_fd(out[1]);
  close_fd(err[1]);
  if (spawned != 0) {
    close_fd(out[0]), close_fd(err[0]);
    return fail(ErrorCode::unavailable, program_name(argv) + ": cannot start: " + std::strerror(spawned));
  }

  ProgramOutput result;
  const auto end = Clock::now() + deadline;
  bool timed_out = false;
  while (out[0] >= 0 || err[0] >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    const int n = ::poll(fds, 2, static_cast<int>(left));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    if (fds[0].revents != 0 && !drain(out[0], result.out)) close_fd(out[0]);
    if (fds[1].revents != 0 && !drain(err[0], result.err)) close_fd(err[0]);
  }
  close_fd(out[0]);
  close_fd(err[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return fail(ErrorCode::unavailable,
                program_name(argv) + ": no answer within " + std::to_string(deadline.count()) + " ms; stopped");
  }
  if (WIFSIGNALED(status)) {
    return fail(ErrorCode::unavailable, program_name(argv) + ": died of signal " + std::to_string(WTERMSIG(status)));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // posix_spawnp reports a missing program as the child's exit 127 on glibc.
  if (result.exit_code == 127 && result.out.empty()) {
    return fail(ErrorCode::unavailable, program_name(argv) + ": not found on PATH");
  }
  return result;
}

}  // namespace hall::audio
