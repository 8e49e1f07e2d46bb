// SPDX-License-Identifier: Apache-2.0
#pragma once
// A hall for the hub's tests: a data folder with hall.json (always open, so the tests pass at any
// hour), two guides, a kiosk and a board device, and `hallctl serve` started on a free port and
// stopped by its pid. Requests go over real HTTP on 127.0.0.1.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "support/child_process.h"
#include "support/sample_guides.h"  // Json
#include "support/temp_dir.h"

namespace hall::test {

struct Reply {
  int status = 0;  // 0: no answer (connection refused or cut)
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  // The body as JSON, or a test failure naming the status and body. Catch2's assertions are for
  // the test's own thread only: a client thread calls parsed() and reports to the test's thread.
  Json json() const;
  std::optional<Json> parsed() const;  // nullopt when the body is not JSON
};

struct HubHall {
  TempDir dir;
  std::string kiosk, board;  // device tokens

  // `windows`: W1 (A), W2 (B), W3 comprehensive, and W4.. comprehensive up to that many.
  explicit HubHall(int windows = 3);
  std::string data() const { return dir.path(); }
  std::string add_device(const std::string& id, const std::string& role) const;
  void add_staff(const std::string& id, const std::string& pin, const std::string& role = "clerk") const;
};

// A ticket as queue.db holds it, read with SQLite directly (the hub down, or between its writes).
// `day` is the service day the number belongs to: numbering starts again at A001 each day.
struct StoredTicket {
  std::string number, state, day, group;
};
// Every ticket of `queue_db` by id; `quick_check` (when given) gets PRAGMA quick_check's answer.
std::map<long long, StoredTicket> stored_tickets(const std::string& queue_db, std::string* quick_check = nullptr);

class RunningHub {
 public:
  // `port` 0: any free one; a hub restarted on the port it had lets a client find it again.
  explicit RunningHub(const HubHall& hall, int port = 0);
  ~RunningHub();
  const std::string& url() const { return url_; }
  int port() const { return port_; }
  pid_t pid() const { return process_->pid(); }
  // SIGTERM (or `signal`) and wait; the exit code.
  int stop(int signal = SIGTERM);

  Reply get(const std::string& path, const std::string& token = {}, const std::string& accept_language = {}) const;
  Reply post(const std::string& path, const std::string& body, const std::string& token = {},
             const std::string& idempotency_key = {}) const;
  Reply del(const std::string& path, const std::string& token) const;
  // Signs in and returns the session token.
  std::string sign_in(const std::string& staff, const std::string& pin, const std::string& window) const;

 private:
  std::unique_ptr<ChildProcess> process_;
  std::string url_;
  int port_ = 0;
};

}  // namespace hall::test
