// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tells when files in one folder are written, created, moved in or removed (inotify), so the kiosk
// notices another process's commit to its database without waking on a timer.
#include <functional>
#include <memory>
#include <string>

#include "common/error.h"

namespace hall::platform {

class FolderWatcher {
 public:
  // `on_change` runs on the watcher's own thread with the changed file's name; keep it short
  // (post to a queue). ErrorCode::unavailable when the folder cannot be watched.
  static Result<std::unique_ptr<FolderWatcher>> start(const std::string& folder,
                                                      std::function<void(const std::string& name)> on_change);
  ~FolderWatcher();  // stops the thread and waits for it
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

 private:
  struct Impl;
  explicit FolderWatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hall::platform
