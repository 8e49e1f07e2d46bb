// SPDX-License-Identifier: Apache-2.0
#pragma once
// An HTTP/1.1 server on 127.0.0.1 (by default) in front of a Router: a bounded pool of workers
// serves requests at once, each connection within limits (body, head, time, count), responses
// whole or streamed (Server-Sent Events), and stop() returns promptly even with streams open.
//
// The handlers run on the workers, concurrently: a handler that shares state guards it itself.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "common/error.h"
#include "common/http_content.h"
#include "common/http_router.h"

namespace hall::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port (see HttpServer::port())
  // Connections served at once; each open stream holds one worker for as long as it is open.
  std::size_t workers = 8;
  // Connections open at once, served or waiting for a worker; one more is answered 503 and closed.
  std::size_t max_connections = 64;
  std::size_t max_body_bytes = 1u << 20;     // 413 beyond; a route may set a lower limit
  std::size_t max_header_bytes = 16u << 10;  // request line and header fields; 431 beyond
  // The whole head must arrive within this (a client that trickles it is answered 408 and cut).
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{60'000};   // the whole body (raise it for large uploads)
  std::chrono::milliseconds idle_timeout{5'000};    // a kept-alive connection between requests
  std::chrono::milliseconds write_timeout{10'000};  // a client that reads nothing of the response for this long
  Refusal refusal = plain_refusal;                  // the body of the server's own 4xx and 5xx
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Router router);
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads; returns the port it listens on.
  Result<int> start();
  // Stops accepting, cuts connections that are waiting or streaming, lets handlers that are running
  // finish, and joins every thread. Idempotent.
  void stop();
  int port() const;
  std::string url() const;  // http://127.0.0.1:PORT

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hall::http
