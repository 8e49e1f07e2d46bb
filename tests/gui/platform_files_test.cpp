// SPDX-License-Identifier: Apache-2.0
// The folder watcher the kiosk follows its database with (inotify), on a real folder.
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <string>

#include "files/folder_watcher.h"
#include "support/temp_dir.h"

namespace {

struct Seen {
  std::mutex mutex;
  std::condition_variable changed;
  std::set<std::string> names;

  bool wait_for(const std::string& name) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(10), [&] { return names.count(name) > 0; });
  }
};

}  // namespace

TEST_CASE("the folder watcher reports a file written, a file moved in and a file removed", "[platform][files]") {
  hall::test::TempDir dir;
  Seen seen;
  auto watcher = hall::platform::FolderWatcher::start(dir.path(), [&](const std::string& name) {
    std::lock_guard lock(seen.mutex);
    seen.names.insert(name);
    seen.changed.notify_all();
  });
  REQUIRE(watcher);
  std::ofstream(dir.file("catalogue.db-wal")) << "x";
  CHECK(seen.wait_for("catalogue.db-wal"));
  std::ofstream(dir.file("staged")) << "y";
  REQUIRE(std::rename(dir.file("staged").c_str(), dir.file("catalogue.db").c_str()) == 0);
  CHECK(seen.wait_for("catalogue.db"));
  REQUIRE(std::remove(dir.file("catalogue.db-wal").c_str()) == 0);
  watcher->reset();  // stops and joins promptly even while nothing happens
}

TEST_CASE("a folder that is not there cannot be watched, and the error names it", "[platform][files]") {
  auto watcher = hall::platform::FolderWatcher::start("/nonexistent/hall", [](const std::string&) {});
  REQUIRE_FALSE(watcher);
  CHECK(watcher.error().code == hall::ErrorCode::unavailable);
  CHECK(watcher.error().message.find("/nonexistent/hall") != std::string::npos);
}
