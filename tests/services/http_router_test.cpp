// SPDX-License-Identifier: Apache-2.0
// common/http_router: which handler answers, with which parameters, and the refusals; pure, no socket.
#include <catch2/catch.hpp>

#include "common/http_router.h"
#include "common/sse.h"

using namespace hall::http;

namespace {

Request request(std::string method, std::string path) {
  return Request{std::move(method), std::move(path), {}, {}};
}

Handler named(std::string name) {
  return [name](const Request& r) {
    std::string params;
    for (const auto& [k, v] : r.path_params) params += " " + k + "=" + v;
    return text_response(200, name + params);
  };
}

Router hub_like() {
  Router r;
  r.post("/api/v1/tickets", named("issue"), {.max_body_bytes = 64 * 1024});
  r.get("/api/v1/tickets/{token}", named("show"));
  r.post("/api/v1/tickets/{id}/{action}", named("transition"));
  r.get("/api/v1/queue", named("queue"));
  r.del("/api/v1/sessions/current", named("sign_out"));
  r.add("*", "/admin/*", named("admin"));
  r.get("/", named("home"));
  return r;
}

}  // namespace

TEST_CASE("the router picks the handler by method and path and fills in the parameters", "[http][router]") {
  const Router r = hub_like();
  struct Case {
    const char* rule;
    const char* method;
    const char* path;
    int status;
    const char* body;
  };
  const Case cases[] = {
      {"a literal path", "POST", "/api/v1/tickets", 200, "issue"},
      {"a parameter takes one segment", "GET", "/api/v1/tickets/abc", 200, "show token=abc"},
      {"two parameters", "POST", "/api/v1/tickets/17/finish", 200, "transition id=17 action=finish"},
      {"a GET route answers HEAD", "HEAD", "/api/v1/queue", 200, "queue"},
      {"DELETE", "DELETE", "/api/v1/sessions/current", 200, "sign_out"},
      {"a prefix takes any method and the rest of the path", "PUT", "/admin/a/b", 200, "admin *=a/b"},
      {"a prefix matches its own root", "GET", "/admin", 200, "admin *="},
      {"the root", "GET", "/", 200, "home"},
      {"no pattern matches", "GET", "/api/v2/queue", 404, "not found\n"},
      {"a parameter is never empty", "GET", "/api/v1/tickets/", 404, "not found\n"},
      {"a parameter is one segment only", "GET", "/api/v1/tickets/a/b/c", 404, "not found\n"},
      {"a pattern matches, the method does not", "GET", "/api/v1/tickets", 405, "method not allowed\n"},
  };
  for (const auto& c : cases) {
    SECTION(c.rule) {
      const Response res = r.handle(request(c.method, c.path));
      CHECK(res.status == c.status);
      CHECK(res.body == c.body);
    }
  }
}

TEST_CASE("a 405 names the methods that the path allows", "[http][router]") {
  const Router r = hub_like();
  CHECK(r.handle(request("GET", "/api/v1/tickets")).header("Allow") == "POST");
  CHECK(r.handle(request("DELETE", "/api/v1/tickets/abc")).header("Allow") == "GET");
}

TEST_CASE("a route's body limit is found before its body is read", "[http][router]") {
  const Router r = hub_like();
  CHECK(r.body_limit("POST", "/api/v1/tickets") == 64u * 1024u);
  CHECK_FALSE(r.body_limit("GET", "/api/v1/queue"));
  CHECK_FALSE(r.body_limit("POST", "/nowhere"));
}

TEST_CASE("a router's refusals can be the service's own", "[http][router]") {
  Router r([](int status) { return json_response(status, R"({"error": {"code": "not_found"}})"); });
  r.get("/a", named("a"));
  const Response res = r.handle(request("GET", "/b"));
  CHECK(res.status == 404);
  CHECK(res.header("Content-Type") == "application/json; charset=utf-8");
  CHECK(res.body == R"({"error": {"code": "not_found"}})");
}

TEST_CASE("Server-Sent Events are framed line by line", "[http][sse]") {
  struct Case {
    const char* rule;
    SseEvent event;
    const char* frame;
  };
  const Case cases[] = {
      {"id, event and data",
       {"42", "called", R"({"number": "A023"})"},
       "id: 42\nevent: called\ndata: {\"number\": \"A023\"}\n\n"},
      {"data only", {"", "", "x"}, "data: x\n\n"},
      {"one data line per line, whatever the line ends",
       {"", "", "a\nb\r\nc\rd"},
       "data: a\ndata: b\ndata: c\ndata: d\n\n"},
      {"empty data is still an event", {"1", "", ""}, "id: 1\ndata: \n\n"},
      {"a line break cannot start another field",
       {"1\nevent: forged", "x\ry", "d"},
       "id: 1event: forged\nevent: xy\ndata: d\n\n"},
  };
  for (const auto& c : cases) {
    SECTION(c.rule) {
      CHECK(sse_frame(c.event) == c.frame);
    }
  }
  CHECK(sse_comment("keep-alive") == ": keep-alive\n\n");
  CHECK(sse_comment("a\nb") == ": a\n: b\n\n");
  const Response res = sse_response([](StreamSink&, std::stop_token) {});
  CHECK(res.header("Content-Type") == "text/event-stream; charset=utf-8");
  CHECK(res.header("Cache-Control") == "no-cache");
  CHECK(static_cast<bool>(res.stream));
}
