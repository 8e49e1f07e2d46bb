// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sends one Request (common/http_message.h) to a server at a base URL and returns its Response:
// how a kiosk, counter or board on another machine talks to the hall hub. Blocking: call it from a
// worker, never from the UI thread. No answer within the timeout is ErrorCode::unavailable.
#include <chrono>
#include <memory>
#include <string>

#include "common/error.h"
#include "common/http_message.h"

namespace hall::http {

class HttpClient {
 public:
  // `base_url`: http://host:port (no path).
  static Result<HttpClient> to(const std::string& base_url, std::chrono::milliseconds timeout);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  Result<Response> send(const Request& request);
  // How long the requests sent from now on wait for a connection and for each read and write.
  void set_timeout(std::chrono::milliseconds timeout);

 private:
  struct Impl;
  explicit HttpClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hall::http
