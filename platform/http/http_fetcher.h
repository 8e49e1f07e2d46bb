// SPDX-License-Identifier: Apache-2.0
#pragma once
// sync::Fetcher over real HTTP (cpp-httplib). The byte limit is enforced while receiving, the
// timeout covers the whole exchange (a server that drips bytes fails at the deadline), and a body
// shorter than its Content-Length is an error, not a short success.
#include "sync/fetcher.h"

namespace hall::http {

class HttpFetcher final : public sync::Fetcher {
 public:
  sync::FetchResult<sync::FetchResponse> get(const sync::FetchRequest& request) override;
  sync::FetchResult<sync::FetchResponse> post(const sync::FetchRequest& request, const std::string& body) override;
};

}  // namespace hall::http
