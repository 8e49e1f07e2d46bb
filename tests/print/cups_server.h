// SPDX-License-Identifier: Apache-2.0
#pragma once
// A private CUPS scheduler the test starts itself: its own config, spool and logs in a temporary
// folder, a free port on 127.0.0.1, stopped by its PID. Virtual printers are PPD file queues whose
// output lands in a file, so a test reads exactly what a printer would have been sent.
#include <memory>
#include <string>

#include "support/child_process.h"

namespace hall::test {

class CupsServer {
 public:
  explicit CupsServer(const std::string& dir);  // writes the config; call start()
  ~CupsServer();                                // stops cupsd if it runs
  CupsServer(const CupsServer&) = delete;
  CupsServer& operator=(const CupsServer&) = delete;

  void start();  // fails the test unless `lpstat -r` says the scheduler runs within 5 s
  void stop();   // SIGTERM by PID
  void kill();   // SIGKILL by PID: a crash, the spool stays
  bool running() const { return process_ != nullptr; }

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  std::string server() const { return "127.0.0.1:" + std::to_string(port_); }

  // A queue printing PDF into `output_file` through pdftopdf, pages up to 80 mm wide; enabled.
  void add_file_queue(const std::string& name, const std::string& output_file);
  // Runs a CUPS admin tool against this server: {"cupsdisable", "kiosk"} ...
  void admin(const std::vector<std::string>& argv);
  // `lpstat -W completed -o QUEUE` lines: one per completed job.
  int completed_jobs(const std::string& queue);

 private:
  std::string dir_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace hall::test
