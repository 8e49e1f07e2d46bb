// SPDX-License-Identifier: Apache-2.0
#pragma once
// How this hallkiosk reaches the hall hub: the hub inside this process (the embedded default: one
// machine is a whole hall, and counters and boards on other machines join it over HTTP), or a hub
// on another machine (--hub URL --device-token-file F). Either way a request carries this
// device's token and gets the hub's answer; send() blocks, so it runs on a worker.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "common/error.h"
#include "common/http_message.h"
#include "data_dir.h"
#include "http/http_client.h"
#include "hub_host/hall_hub.h"

namespace hall::kiosk {

// What the kiosk tells the hub inside it: its printer's state for /healthz, and a bell for the
// reprints clerks ask for. Both are called on the hub's handler threads and must not block.
struct EmbeddedHooks {
  hub::PrinterState printer;
  hub::ReprintBell reprint_requested;
};

class HubLink {
 public:
  // Starts the hub on the data folder, listening on bind:port (a port in use falls back to a free
  // one, said on stderr), and lets this kiosk in as a device of its own: its token is kept in
  // DIR/kiosk-device.token (mode 0600), made on first start.
  static Result<std::unique_ptr<HubLink>> embedded(const app::DataDir& dir, const std::string& bind, int port,
                                                   EmbeddedHooks hooks = {});
  // A hub elsewhere; the device token (from `hallctl device add --role kiosk` there) is read from
  // `token_file`.
  static Result<std::unique_ptr<HubLink>> remote(const std::string& url, const std::string& token_file);
  // A hub elsewhere, for a caller that brings its own credentials in each request (a counter's
  // staff session); no answer within `timeout` is ErrorCode::unavailable.
  static Result<std::unique_ptr<HubLink>> remote_without_token(const std::string& url,
                                                               std::chrono::milliseconds timeout);

  Result<http::Response> send(http::Request request);
  // A remote hub: how long the requests sent from now on wait for an answer (embedded: none wait).
  void set_timeout(std::chrono::milliseconds timeout);
  const std::string& url() const { return url_; }

 private:
  HubLink() = default;
  std::unique_ptr<app::HallHub> hub_;  // embedded
  std::unique_ptr<http::HttpClient> client_;  // remote
  std::mutex client_mutex_;
  std::string url_, token_;
};

}  // namespace hall::kiosk
