#pragma once
// An HTTP server on 127.0.0.1 (by default) that routes /api/* to a pure handler and serves a
// published folder (services/sync/PROTOCOL.md) as static files: ETag + If-None-Match → 304,
// objects/ cached for ever, everything else "no-cache".
#include <functional>
#include <memory>
#include <string>

#include "central/central_api.h"
#include "common/error.h"

namespace hall::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;            // 0: any free port (see HttpServer::port())
  std::string static_dir;  // empty: no static files
  // Called for every request under /api/, one at a time (the server serialises them).
  std::function<central::ApiResponse(const central::ApiRequest&)> api;
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options);
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on a background thread; returns the port it listens on.
  Result<int> start();
  void stop();
  int port() const;
  std::string url() const;  // http://127.0.0.1:PORT

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The ETag and Cache-Control the published folder is served with, shared with tests.
std::string etag_of(const std::string& bytes);
bool etag_matches(const std::string& if_none_match, const std::string& etag);

}  // namespace hall::http
