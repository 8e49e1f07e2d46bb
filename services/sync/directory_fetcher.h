// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Fetcher over a published directory on this machine (a USB stick, an rsync'd mirror, a test's
// temporary folder): "file:///srv/publish/manifest.json" or "/srv/publish/manifest.json". It
// behaves like a static HTTP server: 404 for a missing file, ETag from the content, 304 on
// If-None-Match, and a file over max_bytes is refused without reading it.
#include "sync/fetcher.h"

namespace hall::sync {

class DirectoryFetcher final : public Fetcher {
 public:
  FetchResult<FetchResponse> get(const FetchRequest& request) override;
  // A directory takes no posts (heartbeats go nowhere offline).
  FetchResult<FetchResponse> post(const FetchRequest& request, const std::string& body) override;
  // Stateless: every get() opens its own file.
  int max_parallel() const override { return 8; }
};

// True for the URLs DirectoryFetcher serves.
bool is_local_url(const std::string& url);

}  // namespace hall::sync
