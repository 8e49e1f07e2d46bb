// SPDX-License-Identifier: Apache-2.0
#include "sync/directory_fetcher.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/sha256.h"

namespace hall::sync {
namespace {

namespace fs = std::filesystem;

std::string path_of(const std::string& url) {
  constexpr std::string_view scheme = "file://";
  return url.starts_with(scheme) ? url.substr(scheme.size()) : url;
}

}  // namespace

bool is_local_url(const std::string& url) {
  return url.starts_with("file://") || url.starts_with("/");
}

FetchResult<FetchResponse> DirectoryFetcher::get(const FetchRequest& request) {
  const std::string path = path_of(request.url);
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return FetchResponse{404, {}, {}};
  if (size > request.max_bytes) {
    return fetch_failed(FetchFailure::too_long, path + ": body longer than " + std::to_string(request.max_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fetch_failed(FetchFailure::unreachable, path + ": cannot be read");
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (body.size() > request.max_bytes) {
    return fetch_failed(FetchFailure::too_long, path + ": body longer than " + std::to_string(request.max_bytes) + " bytes");
  }
  std::string etag(1, '"');  // appended, not `"\"" + ...`: g++ 12 -O3 warns falsely (-Wrestrict)
  etag.append(sha256_hex(body), 0, 32).push_back('"');
  if (!request.if_none_match.empty() && request.if_none_match == etag) return FetchResponse{304, {}, etag};
  return FetchResponse{200, std::move(body), std::move(etag)};
}

FetchResult<FetchResponse> DirectoryFetcher::post(const FetchRequest& request, const std::string&) {
  return fetch_failed(FetchFailure::bad_url, path_of(request.url) + ": a local directory takes no posts");
}

}  // namespace hall::sync
