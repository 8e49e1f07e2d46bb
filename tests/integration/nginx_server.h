// SPDX-License-Identifier: Apache-2.0
#pragma once
// A real nginx serving a folder on 127.0.0.1, started and stopped (by PID) by the test itself.
#include <memory>
#include <string>

#include "support/child_process.h"

namespace hall::test {

class NginxServer {
 public:
  // `work_dir` holds nginx's config, pid, logs and temp folders; `root` is what it serves, with the
  // Cache-Control of services/sync/PROTOCOL.md. Fails the test when nginx does not come up.
  NginxServer(const std::string& root, const std::string& work_dir);
  ~NginxServer();
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int stop();  // SIGTERM; the exit code

 private:
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace hall::test
