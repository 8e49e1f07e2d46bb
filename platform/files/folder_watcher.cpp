// SPDX-License-Identifier: Apache-2.0
#include "files/folder_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <thread>

namespace hall::platform {

struct FolderWatcher::Impl {
  int inotify = -1;
  int stop = -1;  // an eventfd: written once to end the thread's poll
  std::function<void(const std::string&)> on_change;
  std::thread thread;

  ~Impl() {
    if (thread.joinable()) {
      const std::uint64_t one = 1;
      // A failed write leaves the thread blocked; the fd is fresh and never full, so it cannot fail.
      [[maybe_unused]] const auto n = ::write(stop, &one, sizeof one);
      thread.join();
    }
    if (inotify >= 0) ::close(inotify);
    if (stop >= 0) ::close(stop);
  }

  void run() {
    alignas(inotify_event) std::array<char, 16 * 1024> buffer{};
    for (;;) {
      std::array<pollfd, 2> fds{{{inotify, POLLIN, 0}, {stop, POLLIN, 0}}};
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      const ssize_t n = ::read(inotify, buffer.data(), buffer.size());
      if (n <= 0) continue;
      for (ssize_t at = 0; at < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
        on_change(event->len > 0 ? std::string(event->name) : std::string());
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
  }
};

FolderWatcher::FolderWatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FolderWatcher::~FolderWatcher() = default;

Result<std::unique_ptr<FolderWatcher>> FolderWatcher::start(const std::string& folder,
                                                            std::function<void(const std::string&)> on_change) {
  auto impl = std::make_unique<Impl>();
  impl->on_change = std::move(on_change);
  impl->inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  impl->stop = ::eventfd(0, EFD_CLOEXEC);
  if (impl->inotify < 0 || impl->stop < 0)
    return fail(ErrorCode::unavailable, std::string("cannot watch folders: ") + std::strerror(errno));
  constexpr std::uint32_t events = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM;
  if (::inotify_add_watch(impl->inotify, folder.c_str(), events) < 0)
    return fail(ErrorCode::unavailable, folder + ": cannot be watched for changes: " + std::strerror(errno));
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->run(); });
  return std::unique_ptr<FolderWatcher>(new FolderWatcher(std::move(impl)));
}

}  // namespace hall::platform
