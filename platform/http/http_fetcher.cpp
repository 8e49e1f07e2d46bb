// SPDX-License-Identifier: Apache-2.0
#include "http/http_fetcher.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <httplib.h>

namespace hall::http {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct UrlParts {
  std::string origin;  // http://127.0.0.1:8080
  std::string path;    // /manifest.json
};

Result<UrlParts> split_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || (url.substr(0, scheme_end) != "http" && url.substr(0, scheme_end) != "https")) {
    return fail(ErrorCode::invalid_input, "\"" + url + "\": expected an http:// or https:// URL");
  }
  const auto path_start = url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return UrlParts{url, "/"};
  return UrlParts{url.substr(0, path_start), url.substr(path_start)};
}

void set_timeouts(httplib::Client& client, std::chrono::milliseconds timeout) {
  const auto sec = static_cast<time_t>(timeout.count() / 1000);
  const auto usec = static_cast<time_t>((timeout.count() % 1000) * 1000);
  client.set_connection_timeout(sec, usec);
  client.set_read_timeout(sec, usec);
  client.set_write_timeout(sec, usec);
}

// Stops the client when the deadline passes, whatever it is doing (connecting, reading headers,
// waiting for a byte that never comes). Joined on destruction.
class Watchdog {
 public:
  Watchdog(httplib::Client& client, SteadyClock::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock lock(mutex_);
          if (!cv_.wait_until(lock, deadline, [this] { return done_; })) {
            fired_ = true;
            client.stop();
          }
        }) {}
  ~Watchdog() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;
  bool fired() const { return fired_; }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::atomic<bool> fired_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace

// Idle kept-alive clients by origin. A client is used by one exchange at a time: taken out, used,
// and given back only when the exchange ended cleanly.
class ConnectionPool {
 public:
  explicit ConnectionPool(bool reuse) : reuse_(reuse) {}
  std::unique_ptr<httplib::Client> take(const std::string& origin) {
    {
      const std::lock_guard lock(mutex_);
      auto& idle = idle_[origin];
      const auto now = SteadyClock::now();
      while (!idle.empty()) {
        Idle last = std::move(idle.back());
        idle.pop_back();
        // A server closes idle connections after a few seconds (ours after 5 s); one older than
        // max_idle would likely fail on first use, so it is dropped rather than tried.
        if (now - last.since < max_idle) return std::move(last.client);
      }
    }
    auto client = std::make_unique<httplib::Client>(origin);
    client->set_keep_alive(reuse_);
    return client;
  }
  void give_back(const std::string& origin, std::unique_ptr<httplib::Client> client) {
    if (!reuse_) return;
    const std::lock_guard lock(mutex_);
    auto& idle = idle_[origin];
    if (idle.size() < max_idle_per_origin) idle.push_back({std::move(client), SteadyClock::now()});
  }

 private:
  struct Idle {
    std::unique_ptr<httplib::Client> client;
    SteadyClock::time_point since;
  };
  static constexpr std::size_t max_idle_per_origin = 16;
  static constexpr std::chrono::seconds max_idle{2};
  bool reuse_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Idle>> idle_;
};

namespace {

sync::FetchResult<sync::FetchResponse> exchange(ConnectionPool& pool, const std::string& method,
                                               const sync::FetchRequest& request, const std::string* body) {
  auto target = split_url(request.url);
  if (!target) return sync::fetch_failed(sync::FetchFailure::bad_url, target.error().message);
  const std::string what = method + " " + request.url;
  const auto started = SteadyClock::now();
  const auto deadline = started + request.timeout;

  auto owned = pool.take(target->origin);
  httplib::Client& client = *owned;
  set_timeouts(client, request.timeout);

  httplib::Request req;
  req.method = method;
  req.path = target->path;
  for (const auto& [k, v] : request.headers) req.headers.emplace(k, v);
  if (!request.if_none_match.empty()) req.headers.emplace("If-None-Match", request.if_none_match);
  if (body) {
    req.body = *body;
    if (!req.has_header("Content-Type")) req.headers.emplace("Content-Type", "application/json");
  }

  sync::FetchResponse out;
  std::optional<std::uint64_t> declared;  // Content-Length, when the server sent one
  bool too_long = false, late = false, bodiless = false;
  req.response_handler = [&](const httplib::Response& r) {
    out.status = r.status;
    out.etag = r.get_header_value("ETag");
    // A 304 has no body, but httplib 0.11 reads one until the connection closes: on a kept-alive
    // connection that is the server's idle timeout. Stop here; the connection is then not reused.
    if (r.status == 304) {
      bodiless = true;
      return false;
    }
    if (r.has_header("Content-Length") && r.status != 304 && method != "HEAD") {
      const std::string v = r.get_header_value("Content-Length");
      std::uint64_t n = 0;
      if (std::from_chars(v.data(), v.data() + v.size(), n).ec == std::errc()) declared = n;
      if (declared && *declared > request.max_bytes) too_long = true;  // refused before a byte of it is read
    }
    return !too_long;
  };
  req.content_receiver = [&](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
    if (SteadyClock::now() > deadline) {
      late = true;
      return false;
    }
    if (out.body.size() + length > request.max_bytes) {
      too_long = true;
      return false;
    }
    out.body.append(data, length);
    return true;
  };

  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  bool ok = false;
  bool fired = false;
  {
    Watchdog watchdog(client, deadline);
    ok = client.send(req, res, error);
    fired = watchdog.fired();
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started);
  if (bodiless) return out;
  if (too_long) {
    return sync::fetch_failed(sync::FetchFailure::too_long, what + ": body longer than the limit of " +
                                              std::to_string(request.max_bytes) + " bytes; refused");
  }
  if (late || fired || (!ok && elapsed >= request.timeout)) {
    return sync::fetch_failed(sync::FetchFailure::timed_out, what + ": timed out after " + std::to_string(request.timeout.count()) + " ms");
  }
  if (!ok) {
    if (declared && out.body.size() < *declared) {
      return sync::fetch_failed(sync::FetchFailure::truncated, what + ": short body: " + std::to_string(out.body.size()) + " of " +
                                                std::to_string(*declared) + " bytes (connection closed early)");
    }
    return sync::fetch_failed(sync::FetchFailure::unreachable, what + ": " + httplib::to_string(error));
  }
  if (declared && out.body.size() != *declared && out.status != 304 && method != "HEAD") {
    return sync::fetch_failed(sync::FetchFailure::truncated, what + ": short body: " + std::to_string(out.body.size()) + " of " +
                                              std::to_string(*declared) + " bytes");
  }
  // Only a clean exchange leaves the connection in a known state; the server may still close it,
  // which httplib notices and reconnects on the next use.
  pool.give_back(target->origin, std::move(owned));
  return out;
}

}  // namespace

HttpFetcher::HttpFetcher(int max_parallel, bool reuse_connections)
    : pool_(std::make_unique<ConnectionPool>(reuse_connections)),
      max_parallel_(max_parallel < 1 ? 1 : max_parallel),
      reuse_(reuse_connections) {}

HttpFetcher::~HttpFetcher() = default;

sync::FetchResult<sync::FetchResponse> HttpFetcher::get(const sync::FetchRequest& request) {
  return exchange(*pool_, "GET", request, nullptr);
}

sync::FetchResult<sync::FetchResponse> HttpFetcher::post(const sync::FetchRequest& request, const std::string& body) {
  return exchange(*pool_, "POST", request, &body);
}

}  // namespace hall::http
