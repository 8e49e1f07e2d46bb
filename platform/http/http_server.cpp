#include "http/http_server.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "central/signing.h"
#include "common/sha256.h"

namespace hall::http {
namespace {

constexpr const char* immutable = "public, max-age=31536000, immutable";
constexpr const char* revalidate = "no-cache";

// Only names a published folder holds: no "..", no hidden files, nothing outside it.
bool safe_path(const std::string& path) {
  if (path.size() < 2 || path[0] != '/' || path.find("..") != std::string::npos || path.find("/.") != std::string::npos) {
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

}  // namespace

std::string etag_of(const std::string& bytes) { return "\"" + sha256_hex(bytes).substr(0, 32) + "\""; }

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

struct HttpServer::Impl {
  ServerOptions options;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex api_mutex;

  // path -> (mtime, size, etag): a no-change poll answers 304 without hashing the file again.
  struct Known {
    std::int64_t mtime_ns = 0;
    std::int64_t size = -1;
    std::string etag;
  };
  std::mutex etag_mutex;
  std::map<std::string, Known> etags;

  void serve_api(const httplib::Request& req, httplib::Response& res) {
    central::ApiRequest request{req.method, req.path, {}, req.body, {}, req.remote_addr};
    for (const auto& [k, v] : req.headers) request.headers.emplace_back(k, v);
    central::ApiResponse response;
    {
      const std::lock_guard lock(api_mutex);
      response = options.api(request);
    }
    res.status = response.status;
    std::string type = "application/json";
    for (const auto& [k, v] : response.headers) {
      if (k == "Content-Type") type = v;
      else res.set_header(k, v);
    }
    res.set_content(response.body, type);
  }

  void serve_file(const httplib::Request& req, httplib::Response& res) {
    const std::string path = options.static_dir + req.path;
    struct stat st {};
    if (options.static_dir.empty() || !safe_path(req.path) || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      res.status = 404;
      res.set_content("not found\n", "text/plain");
      return;
    }
    const std::int64_t mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    std::string etag;
    {
      const std::lock_guard lock(etag_mutex);
      const auto it = etags.find(req.path);
      if (it != etags.end() && it->second.mtime_ns == mtime_ns && it->second.size == st.st_size) etag = it->second.etag;
    }
    res.set_header("Cache-Control", req.path.starts_with("/objects/") ? immutable : revalidate);
    const std::string if_none_match = req.get_header_value("If-None-Match");
    if (!etag.empty() && !if_none_match.empty() && etag_matches(if_none_match, etag)) {
      res.status = 304;
      res.set_header("ETag", etag);
      return;
    }
    auto bytes = central::read_whole_file(path);
    if (!bytes) {
      res.status = 404;
      res.set_content("not found\n", "text/plain");
      return;
    }
    etag = etag_of(*bytes);
    {
      const std::lock_guard lock(etag_mutex);
      etags[req.path] = {mtime_ns, static_cast<std::int64_t>(bytes->size()), etag};
    }
    res.set_header("ETag", etag);
    if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
      res.status = 304;
      return;
    }
    res.status = 200;
    res.set_content(std::move(*bytes), "application/json");
  }
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  auto& s = impl_->server;
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_payload_max_length(80u * 1024u * 1024u);  // a 64 MiB catalogue file and its envelope
  Impl* impl = impl_.get();
  const auto route = [impl](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/") && impl->options.api) {
      impl->serve_api(req, res);
    } else if (req.method == "GET" || req.method == "HEAD") {
      impl->serve_file(req, res);
    } else {
      res.status = 405;
      res.set_content("method not allowed\n", "text/plain");
    }
  };
  s.Get(".*", route);
  s.Post(".*", route);
}

HttpServer::~HttpServer() { stop(); }

Result<int> HttpServer::start() {
  auto& o = impl_->options;
  const int port = o.port == 0 ? impl_->server.bind_to_any_port(o.host)
                               : (impl_->server.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) {
    return fail(ErrorCode::unavailable, "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                            " (in use, or not an address of this machine)");
  }
  impl_->port = port;
  impl_->thread = std::thread([impl = impl_.get()] { impl->server.listen_after_bind(); });
  // stop() only stops a server that is already running; wait for it so start-then-stop never hangs.
  while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void HttpServer::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
}

int HttpServer::port() const { return impl_->port; }

std::string HttpServer::url() const {
  const std::string host = impl_->options.host == "0.0.0.0" ? "127.0.0.1" : impl_->options.host;
  return "http://" + host + ":" + std::to_string(impl_->port);
}

}  // namespace hall::http
