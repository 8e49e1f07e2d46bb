// SPDX-License-Identifier: Apache-2.0
#pragma once
// A private X server (Xvfb + Mesa) for one test: it picks a free display itself (-displayfd), so
// tests running side by side never collide, and it is stopped by its PID when the object goes.
#include <sys/types.h>

#include <string>

namespace hall::test {

class XvfbServer {
 public:
  // Throws std::runtime_error when Xvfb cannot be started or does not come up within 15 s.
  XvfbServer(int width, int height);
  ~XvfbServer();
  XvfbServer(const XvfbServer&) = delete;
  XvfbServer& operator=(const XvfbServer&) = delete;

  const std::string& display() const { return display_; }  // ":N"

 private:
  pid_t pid_ = -1;
  std::string display_;
};

}  // namespace hall::test
