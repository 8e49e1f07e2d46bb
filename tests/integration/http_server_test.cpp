// SPDX-License-Identifier: Apache-2.0
// platform/http's server over real sockets on 127.0.0.1: routing, parallel handlers, the limits
// (body, head, slow clients, connection count), Server-Sent Events and a stop with streams open,
// and a static folder's 304s.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "common/sse.h"
#include "http/http_server.h"
#include "http/static_folder.h"
#include "raw_client.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

// A started server, stopped when the test's scope ends.
struct Started {
  http::HttpServer server;
  Started(http::ServerOptions options, http::Router routes) : server(std::move(options), std::move(routes)) {
    auto port = server.start();
    if (!port) throw std::runtime_error(port.error().message);
  }
  ~Started() { server.stop(); }
  int port() const { return server.port(); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(5, 0);
    c.set_connection_timeout(2, 0);
    return c;
  }
};

http::Response ok(std::string body) {
  return http::text_response(200, std::move(body));
}

std::string status_line(const std::string& response) {
  return response.substr(0, response.find("\r\n"));
}

// Two handlers meet here: each arrives and waits for the other, so both answer 200 only when the
// server runs them at the same time.
struct Rendezvous {
  std::mutex mutex;
  std::condition_variable cv;
  int arrived = 0;
  bool meet() {
    std::unique_lock lock(mutex);
    ++arrived;
    cv.notify_all();
    return cv.wait_for(lock, 5s, [this] { return arrived >= 2; });
  }
};

}  // namespace

TEST_CASE("requests are routed by method and path, with parameters, prefixes, 404 and 405", "[integration][http]") {
  http::Router routes;
  routes.get("/api/v1/tickets/{token}", [](const http::Request& r) {
    return http::json_response(
        200, R"({"token": ")" + r.path_param("token") + R"(", "lang": ")" + r.query_param("lang") + "\"}");
  });
  routes.post("/api/v1/tickets", [](const http::Request& r) { return http::json_response(201, r.body); });
  routes.post("/api/v1/tickets/{token}/rating",
              [](const http::Request& r) { return ok("rated " + r.path_param("token")); });
  routes.add("*", "/files/*", [](const http::Request& r) { return ok(r.method + " " + r.path_param("*")); });
  Started s({}, std::move(routes));
  auto c = s.client();

  auto ticket = c.Get("/api/v1/tickets/ab12?lang=zh");
  REQUIRE(ticket);
  CHECK(ticket->status == 200);
  CHECK(ticket->body == R"({"token": "ab12", "lang": "zh"})");
  CHECK(ticket->get_header_value("Content-Type") == "application/json; charset=utf-8");
  auto issued = c.Post("/api/v1/tickets", R"({"group": "A"})", "application/json");
  REQUIRE(issued);
  CHECK(issued->status == 201);
  CHECK(issued->body == R"({"group": "A"})");
  auto rated = c.Post("/api/v1/tickets/ab12/rating", "{}", "application/json");
  REQUIRE(rated);
  CHECK(rated->body == "rated ab12");
  auto file = c.Delete("/files/a/b.txt");
  REQUIRE(file);
  CHECK(file->body == "DELETE a/b.txt");

  auto head = c.Head("/api/v1/tickets/ab12");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->get_header_value("Content-Length") ==
        std::to_string(std::string(R"({"token": "ab12", "lang": ""})").size()));

  auto missing = c.Get("/api/v1/nothing");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto empty_param = c.Get("/api/v1/tickets/");
  REQUIRE(empty_param);
  CHECK(empty_param->status == 404);
  auto wrong_method = c.Delete("/api/v1/tickets/ab12");
  REQUIRE(wrong_method);
  CHECK(wrong_method->status == 405);
  CHECK(wrong_method->get_header_value("Allow") == "GET");
  auto wrong_post = c.Put("/api/v1/tickets", "{}", "application/json");
  REQUIRE(wrong_post);
  CHECK(wrong_post->status == 405);
  CHECK(wrong_post->get_header_value("Allow") == "POST");
}

TEST_CASE("requests run in parallel: two handlers that wait for each other both answer", "[integration][http]") {
  Rendezvous meeting;
  http::Router routes;
  routes.get("/meet", [&meeting](const http::Request&) {
    return meeting.meet() ? ok("met") : http::text_response(504, "alone");
  });
  Started s({}, std::move(routes));
  const auto started = Steady::now();
  auto first = std::async(std::launch::async, [&s] {
    auto r = s.client().Get("/meet");
    return r ? r->status : -1;
  });
  auto second = std::async(std::launch::async, [&s] {
    auto r = s.client().Get("/meet");
    return r ? r->status : -1;
  });
  CHECK(first.get() == 200);
  CHECK(second.get() == 200);
  CHECK(Steady::now() - started < 4s);
}

TEST_CASE("a body over the server's or the route's limit is 413, a head over its limit is 431", "[integration][http]") {
  http::ServerOptions options;
  options.max_body_bytes = 1024;
  options.max_header_bytes = 1024;
  http::Router routes;
  routes.post("/big", [](const http::Request& r) { return ok(std::to_string(r.body.size())); });
  routes.post("/small", [](const http::Request& r) { return ok(std::to_string(r.body.size())); },
              {.max_body_bytes = 16});
  Started s(options, std::move(routes));

  struct Case {
    const char* rule;
    std::string request;
    const char* status;
  };
  const Case cases[] = {
      {"within the server's limit", "POST /big HTTP/1.1\r\nContent-Length: 1024\r\n\r\n" + std::string(1024, 'x'),
       "HTTP/1.1 200 OK"},
      {"over the server's limit, refused before the body", "POST /big HTTP/1.1\r\nContent-Length: 1025\r\n\r\n",
       "HTTP/1.1 413 Content Too Large"},
      {"within the route's own limit", "POST /small HTTP/1.1\r\nContent-Length: 16\r\n\r\n" + std::string(16, 'x'),
       "HTTP/1.1 200 OK"},
      {"over the route's own limit", "POST /small HTTP/1.1\r\nContent-Length: 17\r\n\r\n" + std::string(17, 'x'),
       "HTTP/1.1 413 Content Too Large"},
      {"a head over its limit", "GET /big HTTP/1.1\r\nX-Padding: " + std::string(2000, 'p') + "\r\n\r\n",
       "HTTP/1.1 431 Request Header Fields Too Large"},
      {"a chunked request body", "POST /big HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
       "HTTP/1.1 411 Length Required"},
      {"a malformed request line", "GET /big\r\n\r\n", "HTTP/1.1 400 Bad Request"},
      {"a version we do not speak", "GET /big HTTP/2.0\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported"},
  };
  for (const auto& c : cases) {
    SECTION(c.rule) {
      test::RawClient raw(s.port());
      REQUIRE(raw.send(c.request));
      CHECK(status_line(raw.read(3s, "\r\n")) == c.status);
    }
  }
  SECTION("the server still answers after every refusal") {
    auto r = s.client().Post("/small", "tiny", "text/plain");
    REQUIRE(r);
    CHECK(r->body == "4");
  }
}

TEST_CASE("a client that trickles its head is cut at the head timeout while others are served", "[integration][http]") {
  http::ServerOptions options;
  options.workers = 2;
  options.header_timeout = 600ms;
  http::Router routes;
  routes.get("/", [](const http::Request&) { return ok("hello"); });
  Started s(options, std::move(routes));

  test::RawClient slow(s.port());
  const auto started = Steady::now();
  std::atomic<bool> cut = false;
  std::thread trickle([&] {
    if (!slow.send("GET / HTTP/1.1\r\n")) return;  // no Catch2 assertion off the test's thread
    for (int i = 0; i < 40 && !cut; ++i) {
      if (!slow.send("X-Slow: " + std::to_string(i) + "\r\n")) break;
      std::this_thread::sleep_for(50ms);
    }
  });
  for (int i = 0; i < 5; ++i) {
    const auto asked = Steady::now();
    auto r = s.client().Get("/");
    REQUIRE(r);
    CHECK(r->body == "hello");
    CHECK(Steady::now() - asked < 300ms);
  }
  const std::string answer = slow.read(3s, "\r\n");
  cut = true;
  trickle.join();
  CHECK(status_line(answer) == "HTTP/1.1 408 Request Timeout");
  const auto after = Steady::now() - started;
  CHECK(after >= 500ms);
  CHECK(after < 1500ms);
  CHECK(slow.closed_within(2s));
}

TEST_CASE("a client that stops reading its response is cut after the write timeout", "[integration][http]") {
  http::ServerOptions options;
  options.workers = 1;  // the next request is served only once the stalled one is cut
  options.write_timeout = 300ms;
  http::Router routes;
  routes.get("/big", [](const http::Request&) { return ok(std::string(16u << 20, 'x')); });
  routes.get("/", [](const http::Request&) { return ok("hello"); });
  Started s(options, std::move(routes));

  test::RawClient stalled(s.port());
  REQUIRE(stalled.send("GET /big HTTP/1.1\r\n\r\n"));  // and never reads
  std::this_thread::sleep_for(100ms);
  const auto asked = Steady::now();
  auto r = s.client().Get("/");
  REQUIRE(r);
  CHECK(r->body == "hello");
  // The kernel's buffers take a few MiB before the stall shows; then 300 ms without progress.
  CHECK(Steady::now() - asked >= 200ms);
  CHECK(Steady::now() - asked < 5s);
}

TEST_CASE("connections over the limit are answered 503 and closed, the others are still served",
          "[integration][http]") {
  http::ServerOptions options;
  options.workers = 1;
  options.max_connections = 2;
  options.header_timeout = 3s;
  http::Router routes;
  routes.get("/", [](const http::Request&) { return ok("hello"); });
  Started s(options, std::move(routes));

  auto idle1 = std::make_unique<test::RawClient>(s.port());  // held by the one worker
  auto idle2 = std::make_unique<test::RawClient>(s.port());  // waiting for it
  std::this_thread::sleep_for(100ms);                        // both accepted
  test::RawClient third(s.port());
  CHECK(status_line(third.read(2s, "\r\n")) == "HTTP/1.1 503 Service Unavailable");
  CHECK(third.closed_within(2s));
  idle1.reset();  // the worker sees the close and takes the next
  idle2.reset();
  std::this_thread::sleep_for(100ms);
  auto r = s.client().Get("/");
  REQUIRE(r);
  CHECK(r->body == "hello");
}

TEST_CASE("a Server-Sent Events stream reaches a real client, and stop() with it open returns at once",
          "[integration][http][sse]") {
  std::atomic<bool> producer_stopped = false;
  http::Router routes;
  routes.get("/events", [&producer_stopped](const http::Request& r) {
    const std::string resume = r.header("Last-Event-ID");
    return http::sse_response([&producer_stopped, resume](http::StreamSink& sink, std::stop_token stop) {
      sink.write(http::sse_comment("resuming after " + resume));
      sink.write(http::sse_frame({"7", "called", R"({"number": "A023", "window": "W2"})"}));
      sink.write(http::sse_frame({"8", "", "line one\nline two"}));
      std::mutex m;
      std::condition_variable_any cv;
      std::unique_lock lock(m);
      // Waits for events that never come; a stop request wakes it.
      cv.wait_for(lock, stop, 60s, [] { return false; });
      producer_stopped = stop.stop_requested();
    });
  });
  auto s = std::make_unique<Started>(http::ServerOptions{}, std::move(routes));

  std::mutex got_mutex;
  std::condition_variable got_cv;
  std::string received;
  std::string content_type;
  const auto client_done = std::async(std::launch::async, [&] {
    auto c = s->client();
    c.set_read_timeout(30, 0);
    httplib::Headers headers{{"Last-Event-ID", "6"}};
    return c.Get(
        "/events", headers,
        [&](const httplib::Response& res) {
          content_type = res.get_header_value("Content-Type");
          return true;
        },
        [&](const char* data, std::size_t length) {
          const std::lock_guard lock(got_mutex);
          received.append(data, length);
          got_cv.notify_all();
          return true;
        });
  });
  {
    std::unique_lock lock(got_mutex);
    REQUIRE(got_cv.wait_for(lock, 5s, [&] { return received.find("line two") != std::string::npos; }));
  }
  CHECK(content_type == "text/event-stream; charset=utf-8");
  CHECK(received ==
        ": resuming after 6\n\n"
        "id: 7\nevent: called\ndata: {\"number\": \"A023\", \"window\": \"W2\"}\n\n"
        "id: 8\ndata: line one\ndata: line two\n\n");

  const auto asked = Steady::now();
  s->server.stop();
  CHECK(Steady::now() - asked < 1s);
  CHECK(producer_stopped);
  CHECK(client_done.wait_for(5s) == std::future_status::ready);
}

TEST_CASE("a stream's producer is told when its client goes away", "[integration][http][sse]") {
  std::atomic<bool> told = false;
  http::Router routes;
  routes.get("/events", [&told](const http::Request&) {
    return http::sse_response([&told](http::StreamSink& sink, std::stop_token stop) {
      sink.write(http::sse_frame({"1", "issued", "{}"}));
      // Keep-alives until a write fails: the client is gone.
      for (int i = 0; i < 200 && !stop.stop_requested(); ++i) {
        if (!sink.write(http::sse_comment("keep-alive"))) break;
        std::this_thread::sleep_for(20ms);
      }
      told = stop.stop_requested();
    });
  });
  Started s({}, std::move(routes));
  {
    test::RawClient raw(s.port());
    REQUIRE(raw.send("GET /events HTTP/1.1\r\n\r\n"));
    CHECK(raw.read(3s, "id: 1").find("Transfer-Encoding: chunked") != std::string::npos);
  }
  const auto deadline = Steady::now() + 3s;
  while (!told && Steady::now() < deadline) std::this_thread::sleep_for(10ms);
  CHECK(told);
}

TEST_CASE("a static folder answers with ETags, 304 to If-None-Match, and the published cache rules",
          "[integration][http]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("objects"));
  std::filesystem::create_directories(dir.file("bins"));
  test::write_file(dir.file("manifest.json"), R"({"version": 1})");
  test::write_file(dir.file("objects/abc.json"), R"({"guide": "G-1"})");
  test::write_file(dir.file("bins/def.json"), R"({"bin": 7})");
  test::write_file(dir.file(".hidden"), "secret");
  http::Router routes;
  routes.get("/*", http::static_folder(dir.path()));
  Started s({}, std::move(routes));
  auto c = s.client();

  auto manifest = c.Get("/manifest.json");
  REQUIRE(manifest);
  CHECK(manifest->status == 200);
  CHECK(manifest->body == R"({"version": 1})");
  CHECK(manifest->get_header_value("Content-Type") == "application/json");
  CHECK(manifest->get_header_value("Cache-Control") == "no-cache");
  const std::string etag = manifest->get_header_value("ETag");
  CHECK(etag == http::etag_of(R"({"version": 1})"));
  auto again = c.Get("/manifest.json", {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  CHECK(again->get_header_value("ETag") == etag);
  auto other = c.Get("/manifest.json", {{"If-None-Match", "\"something-else\""}});
  REQUIRE(other);
  CHECK(other->status == 200);

  auto object = c.Get("/objects/abc.json");
  REQUIRE(object);
  CHECK(object->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
  auto bin = c.Get("/bins/def.json");  // content-addressed as well
  REQUIRE(bin);
  CHECK(bin->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
  for (const char* refused : {"/.hidden", "/../manifest.json", "/%2e%2e/manifest.json", "/nothing.json", "/objects"}) {
    auto r = c.Get(refused);
    REQUIRE(r);
    CHECK(r->status == 404);
  }
  auto post = c.Post("/manifest.json", "{}", "application/json");
  REQUIRE(post);
  CHECK(post->status == 405);
}

TEST_CASE("stop() returns promptly with clients idle, trickling or kept alive", "[integration][http]") {
  http::Router routes;
  routes.get("/", [](const http::Request&) { return ok("hello"); });
  http::HttpServer server({}, std::move(routes));
  REQUIRE(server.start());
  test::RawClient idle(server.port());
  test::RawClient trickling(server.port());
  REQUIRE(trickling.send("GET / HTTP/1.1\r\nX-A: 1\r\n"));
  test::RawClient kept(server.port());
  REQUIRE(kept.send("GET / HTTP/1.1\r\n\r\n"));
  CHECK(kept.read(2s, "hello").find("Connection: keep-alive") != std::string::npos);
  const auto asked = Steady::now();
  server.stop();
  CHECK(Steady::now() - asked < 500ms);
  CHECK(idle.closed_within(1s));
  CHECK(trickling.closed_within(1s));
  CHECK(kept.closed_within(1s));
  server.stop();  // idempotent
}
