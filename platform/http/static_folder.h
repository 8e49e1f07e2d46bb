// SPDX-License-Identifier: Apache-2.0
#pragma once
// A folder served as static files, as a router handler: the published folder of the central store
// (services/sync/PROTOCOL.md) and, later, the hub's own assets. ETag + If-None-Match → 304;
// objects/ and bins/ cached for ever (content-addressed), everything else "no-cache"; names outside the
// folder, hidden names and anything that is not a regular file are 404.
#include <string>

#include "common/http_router.h"

namespace hall::http {

// A handler for GET and HEAD serving `dir` by the request's path. Safe to call from many threads.
Handler static_folder(std::string dir);

// The ETag the folder is served with (a hash of the bytes), shared with tests.
std::string etag_of(const std::string& bytes);
bool etag_matches(const std::string& if_none_match, const std::string& etag);

}  // namespace hall::http
