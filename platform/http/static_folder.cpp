// SPDX-License-Identifier: Apache-2.0
#include "http/static_folder.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "common/sha256.h"

namespace hall::http {
namespace {

constexpr const char* immutable = "public, max-age=31536000, immutable";
constexpr const char* revalidate = "no-cache";

// Only names a published folder holds: no "..", no hidden files, nothing outside it.
bool safe_path(const std::string& path) {
  if (path.size() < 2 || path[0] != '/' || path.find("..") != std::string::npos ||
      path.find("/.") != std::string::npos) {
    return false;
  }
  return std::all_of(path.begin(), path.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

class Folder {
 public:
  explicit Folder(std::string dir) : dir_(std::move(dir)) {}

  Response serve(const Request& req) {
    const std::string path = dir_ + req.path;
    struct stat st {};
    if (dir_.empty() || !safe_path(req.path) || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      return plain_refusal(404);
    }
    const std::int64_t mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    Response res;
    const bool content_addressed = req.path.starts_with("/objects/") || req.path.starts_with("/bins/");
    res.headers.emplace_back("Cache-Control", content_addressed ? immutable : revalidate);
    const std::string if_none_match = req.header("If-None-Match");
    // A no-change poll answers 304 without reading or hashing the file again.
    if (std::string etag = known_etag(req.path, mtime_ns, st.st_size);
        !etag.empty() && !if_none_match.empty() && etag_matches(if_none_match, etag)) {
      res.status = 304;
      res.headers.emplace_back("ETag", std::move(etag));
      return res;
    }
    auto bytes = read_file(path);
    if (!bytes) return plain_refusal(404);
    std::string etag = etag_of(*bytes);
    remember(req.path, {mtime_ns, static_cast<std::int64_t>(bytes->size()), etag});
    res.headers.emplace_back("ETag", etag);
    if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
      res.status = 304;
      return res;
    }
    res.status = 200;
    res.headers.emplace_back("Content-Type", std::string(content_type_for(req.path)));
    res.body = std::move(*bytes);
    return res;
  }

 private:
  struct Known {
    std::int64_t mtime_ns = 0;
    std::int64_t size = -1;
    std::string etag;
  };
  std::string known_etag(const std::string& path, std::int64_t mtime_ns, std::int64_t size) {
    const std::lock_guard lock(mutex_);
    const auto it = known_.find(path);
    return it != known_.end() && it->second.mtime_ns == mtime_ns && it->second.size == size ? it->second.etag
                                                                                            : std::string{};
  }
  void remember(const std::string& path, Known known) {
    const std::lock_guard lock(mutex_);
    known_[path] = std::move(known);
  }

  std::string dir_;
  std::mutex mutex_;
  std::map<std::string, Known> known_;  // path -> (mtime, size, etag)
};

}  // namespace

std::string etag_of(const std::string& bytes) {
  return "\"" + sha256_hex(bytes).substr(0, 32) + "\"";
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
  std::size_t start = 0;
  while (start <= if_none_match.size()) {
    const auto comma = std::min(if_none_match.find(',', start), if_none_match.size());
    std::string tag = trim(if_none_match.substr(start, comma - start));
    if (tag.starts_with("W/")) tag = tag.substr(2);
    if (tag == "*" || tag == etag) return true;
    start = comma + 1;
  }
  return false;
}

Handler static_folder(std::string dir) {
  auto folder = std::make_shared<Folder>(std::move(dir));
  return [folder](const Request& request) { return folder->serve(request); };
}

}  // namespace hall::http
