// SPDX-License-Identifier: Apache-2.0
#pragma once
// A TCP listener on 127.0.0.1 that accepts connections and never answers: the one fault a real
// cupsd cannot be made to show on purpose (a hung scheduler).
#include <atomic>
#include <thread>
#include <vector>

namespace hall::test {

class SilentServer {
 public:
  // On a free port, or on `port` (a stopped cupsd's, so a client configured for it meets a hung
  // scheduler; the cupsd can take the port back once this is gone).
  explicit SilentServer(int port = 0);
  ~SilentServer();  // closes the listener and every accepted socket
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::vector<int> accepted_;
  std::thread thread_;
};

}  // namespace hall::test
