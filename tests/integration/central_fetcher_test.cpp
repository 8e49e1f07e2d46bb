// SPDX-License-Identifier: Apache-2.0
// HttpFetcher against servers that misbehave on purpose: an endless body, a server that never
// answers, one that drips a byte at a time, and a body shorter than its Content-Length.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "http/http_fetcher.h"

using namespace hall;
using namespace std::chrono_literals;

namespace {

// Accepts connections on 127.0.0.1 and hands each to `behave` (after reading the request head).
class BadServer {
 public:
  explicit BadServer(std::function<void(int fd, const std::atomic<bool>& stopping)> behave) : behave_(std::move(behave)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(listen(listener_, 8) == 0);
    getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~BadServer() {
    stopping_ = true;
    thread_.join();
    close(listener_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/manifest.json"; }

 private:
  void run() {
    while (!stopping_) {
      pollfd p{listener_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      std::string head;
      char c;
      while (head.find("\r\n\r\n") == std::string::npos && recv(fd, &c, 1, 0) == 1) head.push_back(c);
      behave_(fd, stopping_);
      close(fd);
    }
  }
  std::function<void(int, const std::atomic<bool>&)> behave_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

bool send_all(int fd, const std::string& s) { return send(fd, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size()); }

using Steady = std::chrono::steady_clock;

}  // namespace

TEST_CASE("an endless body is refused at max_bytes", "[integration][fetcher]") {
  BadServer server([](int fd, const std::atomic<bool>& stopping) {
    send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
    const std::string chunk(4096, 'x');
    while (!stopping && send_all(fd, chunk)) {
    }
  });
  http::HttpFetcher fetcher;
  sync::FetchRequest req{server.url(), "", 64 * 1024, 10'000ms, {}};
  const auto start = Steady::now();
  auto res = fetcher.get(req);
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::too_long);
  CHECK(res.error().error.code == ErrorCode::invalid_input);
  CHECK_THAT(res.error().error.message, Catch::Contains("longer than the limit of 65536 bytes"));
  CHECK(Steady::now() - start < 2s);  // refused as soon as it was seen, not at the timeout
}

TEST_CASE("a declared Content-Length above max_bytes is refused before the body is read", "[integration][fetcher]") {
  BadServer server([](int fd, const std::atomic<bool>&) {
    send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n{");
  });
  http::HttpFetcher fetcher;
  auto res = fetcher.get({server.url(), "", 1024, 5'000ms, {}});
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::too_long);
  CHECK(res.error().error.code == ErrorCode::invalid_input);
  CHECK_THAT(res.error().error.message, Catch::Contains("longer than the limit"));
}

TEST_CASE("a server that never answers times out near the deadline", "[integration][fetcher]") {
  BadServer server([](int, const std::atomic<bool>& stopping) {
    const auto until = Steady::now() + 5s;
    while (!stopping && Steady::now() < until) std::this_thread::sleep_for(10ms);
  });
  http::HttpFetcher fetcher;
  const auto start = Steady::now();
  auto res = fetcher.get({server.url(), "", 1 << 20, 600ms, {}});
  const auto took = Steady::now() - start;
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::timed_out);
  CHECK(res.error().error.code == ErrorCode::unavailable);
  CHECK_THAT(res.error().error.message, Catch::Contains("timed out after 600 ms"));
  CHECK(took >= 550ms);
  CHECK(took < 1500ms);
}

TEST_CASE("a server that drips bytes forever fails at the whole-exchange deadline", "[integration][fetcher]") {
  BadServer server([](int fd, const std::atomic<bool>& stopping) {
    send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n");
    while (!stopping && send_all(fd, "x")) std::this_thread::sleep_for(50ms);  // each read well inside any read timeout
  });
  http::HttpFetcher fetcher;
  const auto start = Steady::now();
  auto res = fetcher.get({server.url(), "", 1 << 20, 800ms, {}});
  const auto took = Steady::now() - start;
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::timed_out);
  CHECK(res.error().error.code == ErrorCode::unavailable);
  CHECK_THAT(res.error().error.message, Catch::Contains("timed out after 800 ms"));
  CHECK(took >= 750ms);
  CHECK(took < 1800ms);
}

TEST_CASE("a body shorter than its Content-Length is an error", "[integration][fetcher]") {
  BadServer server([](int fd, const std::atomic<bool>&) {
    send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n" + std::string(500, 'x'));
    shutdown(fd, SHUT_WR);
  });
  http::HttpFetcher fetcher;
  auto res = fetcher.get({server.url(), "", 1 << 20, 5'000ms, {}});
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::truncated);
  CHECK(res.error().error.code == ErrorCode::invalid_input);
  CHECK_THAT(res.error().error.message, Catch::Contains("short body: 500 of 1000 bytes"));
}

TEST_CASE("nobody listening is unavailable, not a crash", "[integration][fetcher]") {
  int port = 0;
  {
    BadServer gone([](int, const std::atomic<bool>&) {});
    port = std::stoi(gone.url().substr(17, gone.url().find('/', 17) - 17));
  }
  http::HttpFetcher fetcher;
  auto res = fetcher.get({"http://127.0.0.1:" + std::to_string(port) + "/manifest.json", "", 1024, 2'000ms, {}});
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == sync::FetchFailure::unreachable);
  CHECK(res.error().error.code == ErrorCode::unavailable);
  auto bad = fetcher.get({"ftp://example/x", "", 1024, 2'000ms, {}});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == sync::FetchFailure::bad_url);
  CHECK(bad.error().error.code == ErrorCode::invalid_input);
}

namespace {

// Answers every request on a connection until the client closes it: 200 with a small body, or
// 304 when the request carried If-None-Match. Counts the connections it accepted.
std::function<void(int, const std::atomic<bool>&)> keep_alive_server(std::atomic<int>& connections) {
  return [&connections](int fd, const std::atomic<bool>& stopping) {
    ++connections;
    std::string head = "GET";  // the first head was read by BadServer: answered as unconditional
    for (;;) {
      const bool conditional = head.find("If-None-Match") != std::string::npos;
      const std::string reply = conditional ? "HTTP/1.1 304 Not Modified\r\nETag: \"e\"\r\n\r\n"
                                            : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nETag: \"e\"\r\n\r\n{}";
      if (!send_all(fd, reply)) return;
      head.clear();
      char c;
      while (!stopping && head.find("\r\n\r\n") == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        if (recv(fd, &c, 1, 0) != 1) return;  // the client closed
        head.push_back(c);
      }
      if (stopping) return;
    }
  };
}

}  // namespace

TEST_CASE("HttpFetcher reuses one kept-alive connection for consecutive requests", "[integration][fetcher]") {
  std::atomic<int> connections = 0;
  BadServer server(keep_alive_server(connections));
  http::HttpFetcher fetcher;
  for (int i = 0; i < 10; ++i) {
    auto res = fetcher.get({server.url(), "", 1024, 2'000ms, {}});
    REQUIRE(res);
    CHECK(res->body == "{}");
  }
  CHECK(connections == 1);
}

TEST_CASE("HttpFetcher without reuse opens a connection per request", "[integration][fetcher]") {
  std::atomic<int> connections = 0;
  BadServer server(keep_alive_server(connections));
  http::HttpFetcher fetcher(1, false);
  for (int i = 0; i < 3; ++i) REQUIRE(fetcher.get({server.url(), "", 1024, 2'000ms, {}}));
  CHECK(connections == 3);
}

TEST_CASE("a 304 on a kept-alive connection answers at once, and the next request still works",
          "[integration][fetcher]") {
  std::atomic<int> connections = 0;
  BadServer server(keep_alive_server(connections));
  http::HttpFetcher fetcher;
  REQUIRE(fetcher.get({server.url(), "", 1024, 2'000ms, {}}));  // opens the connection kept for the next
  const auto start = Steady::now();
  auto not_modified = fetcher.get({server.url(), "\"e\"", 1024, 5'000ms, {}});
  REQUIRE(not_modified);
  CHECK(not_modified->status == 304);
  CHECK(not_modified->body.empty());
  CHECK(Steady::now() - start < 1s);  // not the server's idle timeout, nor ours
  auto next = fetcher.get({server.url(), "", 1024, 2'000ms, {}});
  REQUIRE(next);
  CHECK(next->status == 200);
  CHECK(connections == 2);  // the 304 ended its connection; the next request opened another
}
