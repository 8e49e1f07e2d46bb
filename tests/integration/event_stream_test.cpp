// SPDX-License-Identifier: Apache-2.0
// The streaming GET of platform/http (event_stream) against our own server on 127.0.0.1: events
// written in pieces arrive whole, a stream that ends is "dropped", a refusal keeps the server's
// reason, Last-Event-ID reaches the server, and a stop cuts a quiet stream at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/sse.h"
#include "http/event_stream.h"
#include "http/http_server.h"

using namespace hall;
using namespace std::chrono_literals;

namespace {

struct StreamServer {
  http::HttpServer server;
  std::string url;
  explicit StreamServer(http::Router routes) : server(http::ServerOptions{}, std::move(routes)) {
    auto port = server.start();
    REQUIRE(port);
    url = server.url();
  }
};

// Two events, the first cut into three writes with pauses between them, then the stream ends.
http::Response pieces(const http::Request& r) {
  const std::string after = r.header("Last-Event-ID");
  return http::sse_response([after](http::StreamSink& sink, std::stop_token) {
    if (after.empty()) {
      const std::string frame = http::sse_frame({"1", "called", R"({"number":"A001","window":"W1"})"});
      sink.write(frame.substr(0, 5));
      std::this_thread::sleep_for(30ms);
      sink.write(frame.substr(5, 20));
      std::this_thread::sleep_for(30ms);
      sink.write(frame.substr(25));
    }
    // Resumed after "1": the second only, as a hub that knows its ids would.
    sink.write(http::sse_comment("keep-alive") + http::sse_frame({"2", "recalled", R"({"number":"A001"})"}));
  });
}

}  // namespace

TEST_CASE("events written in pieces arrive whole, and a stream that ends is dropped", "[http][sse]") {
  http::Router routes;
  routes.get("/events", pieces);
  StreamServer s(std::move(routes));
  http::StopSignal stop;
  std::vector<http::SseEvent> got;
  bool opened = false;
  const auto end = http::follow_event_stream({s.url, "/events", {}, 2s, 5s}, stop, [&] { opened = true; },
                                             [&](const http::SseEvent& e) { got.push_back(e); });
  CHECK(opened);
  CHECK(end.kind == http::StreamEnd::Kind::dropped);
  REQUIRE(got.size() == 2);
  CHECK(got[0].id == "1");
  CHECK(got[0].event == "called");
  CHECK(got[0].data == R"({"number":"A001","window":"W1"})");
  CHECK(got[1].id == "2");
}

TEST_CASE("Last-Event-ID reaches the server, which resumes after it", "[http][sse]") {
  http::Router routes;
  routes.get("/events", pieces);
  StreamServer s(std::move(routes));
  http::StopSignal stop;
  std::vector<http::SseEvent> got;
  http::follow_event_stream({s.url, "/events", {{"Last-Event-ID", "1"}}, 2s, 5s}, stop, {},
                            [&](const http::SseEvent& e) { got.push_back(e); });
  REQUIRE(got.size() == 1);
  CHECK(got[0].id == "2");
}

TEST_CASE("a refusal is refused with the server's status and reason, a closed port unreachable", "[http][sse]") {
  http::Router routes;
  routes.get("/events", [](const http::Request&) {
    return http::Response{401, {{"Content-Type", "application/json"}}, R"({"error":{"code":"unauthenticated"}})"};
  });
  StreamServer s(std::move(routes));
  http::StopSignal stop;
  const auto refused = http::follow_event_stream({s.url, "/events", {}, 2s, 5s}, stop, {}, {});
  CHECK(refused.kind == http::StreamEnd::Kind::refused);
  CHECK(refused.status == 401);
  CHECK_THAT(refused.body, Catch::Contains("unauthenticated"));
  const std::string gone = s.url;
  s.server.stop();
  const auto unreachable = http::follow_event_stream({gone, "/events", {}, 2s, 5s}, stop, {}, {});
  CHECK(unreachable.kind == http::StreamEnd::Kind::unreachable);
  CHECK_THAT(unreachable.message, Catch::Contains(gone));
}

TEST_CASE("a stop cuts a quiet stream at once, and silence past the idle bound is a drop", "[http][sse]") {
  http::Router routes;
  routes.get("/events", [](const http::Request&) {
    return http::sse_response([](http::StreamSink& sink, std::stop_token stop) {
      sink.write(http::sse_comment("hello"));
      std::mutex m;
      std::condition_variable_any cv;
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, std::chrono::seconds(30), [] { return false; });
    });
  });
  StreamServer s(std::move(routes));
  {
    http::StopSignal stop;
    std::atomic<bool> opened{false};
    std::thread stopper([&] {
      while (!opened) std::this_thread::sleep_for(5ms);
      std::this_thread::sleep_for(100ms);
      stop.signal();
    });
    const auto start = std::chrono::steady_clock::now();
    const auto end = http::follow_event_stream({s.url, "/events", {}, 2s, 20s}, stop, [&] { opened = true; }, {});
    stopper.join();
    CHECK(end.kind == http::StreamEnd::Kind::stopped);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
  }
  http::StopSignal stop;
  const auto start = std::chrono::steady_clock::now();
  const auto end = http::follow_event_stream({s.url, "/events", {}, 2s, 300ms}, stop, {}, {});
  CHECK(end.kind == http::StreamEnd::Kind::dropped);
  CHECK_THAT(end.message, Catch::Contains("nothing heard"));
  CHECK(std::chrono::steady_clock::now() - start < 3s);
}
