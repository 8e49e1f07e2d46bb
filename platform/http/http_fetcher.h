// SPDX-License-Identifier: Apache-2.0
#pragma once
// sync::Fetcher over real HTTP (cpp-httplib). The byte limit is enforced while receiving, the
// timeout covers the whole exchange (a server that drips bytes fails at the deadline), and a body
// shorter than its Content-Length is an error, not a short success.
//
// Connections are kept alive and reused: a first sync of 10,000 objects pays for a few TCP
// handshakes, not 10,000. Idle connections wait in a pool per origin; a connection whose exchange
// failed in any way (timeout, too long, cut short) is closed, never reused. Thread-safe: up to
// max_parallel() calls may run at once, each on its own connection.
#include <memory>

#include "sync/fetcher.h"

namespace hall::http {

class ConnectionPool;

class HttpFetcher final : public sync::Fetcher {
 public:
  // `reuse_connections` false: one connection per exchange (what this fetcher did before; kept
  // for the benchmark's comparison and for a peer known to mishandle keep-alive).
  explicit HttpFetcher(int max_parallel = 4, bool reuse_connections = true);
  ~HttpFetcher() override;
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  sync::FetchResult<sync::FetchResponse> get(const sync::FetchRequest& request) override;
  sync::FetchResult<sync::FetchResponse> post(const sync::FetchRequest& request, const std::string& body) override;
  int max_parallel() const override { return max_parallel_; }

 private:
  std::unique_ptr<ConnectionPool> pool_;
  int max_parallel_;
  bool reuse_;
};

}  // namespace hall::http
