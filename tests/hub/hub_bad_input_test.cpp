// SPDX-License-Identifier: Apache-2.0
// Bad input on every endpoint: the right 4xx with a JSON reason, nothing changed, and the hub keeps
// serving others, slow clients included.
#include <catch2/catch.hpp>

#include <thread>

#include "hub_fixture.h"
#include "raw_client.h"

using namespace hall::test;

namespace {

struct Row {
  const char* what;
  const char* method;
  std::string path;
  std::string body;
  char who;  // k kiosk, b board, c clerk at W1, o clerk at W3, n nobody, x a made-up token
  int status;
  const char* code;
};

// What the hub holds: the queue's state and the number of events. A refused request changes neither.
std::string state_of(const RunningHub& hub, const HubHall& hall) {
  const auto q = hub.get("/api/v1/queue", hall.board);
  const auto events = hub.get("/api/v1/stats", {});  // 401, but it must still answer
  REQUIRE(events.status == 401);
  return q.body;
}

}  // namespace

TEST_CASE("bad input on every endpoint is refused with its reason and changes nothing", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("S03", "1357");
  RunningHub hub(hall);
  const std::string clerk = hub.sign_in("S01", "2468", "W1");
  const std::string other = hub.sign_in("S03", "1357", "W3");
  const auto issued = hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk);
  REQUIRE(issued.status == 201);
  const std::string id = std::to_string(issued.json()["id"].get<long long>());
  const std::string token = issued.json()["token"];
  REQUIRE(hub.post("/api/v1/windows/W1/call-next", "", clerk).status == 200);  // W1 holds A001

  const std::string deep = std::string(40, '[') + std::string(40, ']');
  const std::string huge = "{\"group\":\"" + std::string(70 * 1024, 'A') + "\"}";
  const std::vector<Row> rows = {
      {"malformed JSON", "POST", "/api/v1/tickets", "{\"group\":", 'k', 400, "bad_request"},
      {"JSON too deep", "POST", "/api/v1/tickets", deep, 'k', 400, "bad_request"},
      {"not an object", "POST", "/api/v1/tickets", "[1,2]", 'k', 400, "bad_request"},
      {"a field of the wrong kind", "POST", "/api/v1/tickets", R"({"group":7})", 'k', 400, "bad_request"},
      {"an unknown field", "POST", "/api/v1/tickets", R"({"group":"A","name":"张三"})", 'k', 400, "unknown_field"},
      {"both guide and group", "POST", "/api/v1/tickets", R"({"group":"A","guide_id":"G-0001"})", 'k', 400, "bad_request"},
      {"an unknown guide", "POST", "/api/v1/tickets", R"({"guide_id":"G-9999"})", 'k', 404, "not_found"},
      {"an unknown group", "POST", "/api/v1/tickets", R"({"group":"Z"})", 'k', 404, "not_found"},
      {"an unknown priority", "POST", "/api/v1/tickets", R"({"group":"A","priority":"vip"})", 'k', 400, "bad_request"},
      {"a body over 64 KiB", "POST", "/api/v1/tickets", huge, 'k', 413, "too_large"},
      {"no credentials", "POST", "/api/v1/tickets", R"({"group":"A"})", 'n', 401, "unauthenticated"},
      {"a made-up token", "POST", "/api/v1/tickets", R"({"group":"A"})", 'x', 401, "unauthenticated"},
      {"a board issuing", "POST", "/api/v1/tickets", R"({"group":"A"})", 'b', 403, "forbidden"},
      {"a clerk issuing", "POST", "/api/v1/tickets", R"({"group":"A"})", 'c', 403, "forbidden"},
      {"an unknown token", "GET", "/api/v1/tickets/0123456789abcdef0123456789abcdef", "", 'n', 404, "not_found"},
      {"a token of the wrong shape", "GET", "/api/v1/tickets/../../etc/passwd", "", 'n', 404, "not_found"},
      {"re-activating a called ticket", "POST", "/api/v1/tickets/" + token + "/reactivate", "", 'n', 409, "wrong_state"},
      {"re-activation by a board", "POST", "/api/v1/reactivations", R"({"number":"A001"})", 'b', 403, "forbidden"},
      {"re-activation without a number", "POST", "/api/v1/reactivations", "{}", 'k', 400, "bad_request"},
      {"rating a ticket not done", "POST", "/api/v1/tickets/" + token + "/rating", R"({"level":3})", 'n', 409, "wrong_state"},
      {"a rating out of range", "POST", "/api/v1/tickets/" + token + "/rating", R"({"level":0})", 'n', 400, "bad_request"},
      {"a rating of the wrong kind", "POST", "/api/v1/tickets/" + token + "/rating", R"({"level":"5"})", 'n', 400, "bad_request"},
      {"sign-in with an unknown field", "POST", "/api/v1/sessions", R"({"staff_id":"S01","pin":"2468","window":"W1","x":1})", 'n', 400, "unknown_field"},
      {"sign-in without a PIN", "POST", "/api/v1/sessions", R"({"staff_id":"S01","window":"W1"})", 'n', 400, "bad_request"},
      {"sign-in with a wrong PIN", "POST", "/api/v1/sessions", R"({"staff_id":"S01","pin":"1","window":"W1"})", 'n', 401, "unauthenticated"},
      {"sign-in of an unknown staff id", "POST", "/api/v1/sessions", R"({"staff_id":"S99","pin":"1","window":"W1"})", 'n', 401, "unauthenticated"},
      {"sign-out without a session", "DELETE", "/api/v1/sessions/current", "", 'k', 403, "forbidden"},
      {"call-next while holding a ticket", "POST", "/api/v1/windows/W1/call-next", "", 'c', 409, "wrong_state"},
      {"call-next at another window", "POST", "/api/v1/windows/W2/call-next", "", 'c', 403, "forbidden"},
      {"call-next with a body field", "POST", "/api/v1/windows/W1/call-next", R"({"force":true})", 'c', 400, "unknown_field"},
      {"call-next by a kiosk", "POST", "/api/v1/windows/W1/call-next", "", 'k', 403, "forbidden"},
      {"another window's ticket", "POST", "/api/v1/tickets/" + id + "/start", "", 'o', 403, "forbidden"},
      {"an unknown ticket id", "POST", "/api/v1/tickets/99999/start", "", 'c', 404, "not_found"},
      {"a ticket id that is no number", "POST", "/api/v1/tickets/1x/start", "", 'c', 404, "not_found"},
      {"a transition the state refuses", "POST", "/api/v1/tickets/" + id + "/finish", "", 'c', 409, "wrong_state"},
      {"a transfer to nowhere", "POST", "/api/v1/tickets/" + id + "/transfer", R"({"group":"Z"})", 'c', 404, "not_found"},
      {"a transfer to both", "POST", "/api/v1/tickets/" + id + "/transfer", R"({"group":"B","window":"W2"})", 'c', 400, "bad_request"},
      {"a transfer with no body", "POST", "/api/v1/tickets/" + id + "/transfer", "", 'c', 400, "bad_request"},
      {"pausing another window", "POST", "/api/v1/windows/W3/pause", "", 'c', 403, "forbidden"},
      {"the queue read by a kiosk", "GET", "/api/v1/queue", "", 'k', 403, "forbidden"},
      {"the queue read by nobody", "GET", "/api/v1/queue", "", 'n', 401, "unauthenticated"},
      {"a bad Last-Event-ID", "GET", "/api/v1/events?after=abc", "", 'b', 400, "bad_request"},
      {"figures read by a board", "GET", "/api/v1/stats", "", 'b', 403, "forbidden"},
      {"an unknown path", "GET", "/api/v2/tickets", "", 'k', 404, "not_found"},
      {"a wrong method", "DELETE", "/api/v1/tickets", "", 'k', 405, "method_not_allowed"},
  };

  const std::string before = state_of(hub, hall);
  for (const auto& row : rows) {
    INFO(row.what << ": " << row.method << " " << row.path);
    std::string who;
    switch (row.who) {
      case 'k': who = hall.kiosk; break;
      case 'b': who = hall.board; break;
      case 'c': who = clerk; break;
      case 'o': who = other; break;
      case 'x': who = std::string(64, 'f'); break;
      default: break;
    }
    Reply r;
    if (std::string(row.method) == "GET") r = hub.get(row.path, who);
    else if (std::string(row.method) == "DELETE") r = hub.del(row.path, who);
    else r = hub.post(row.path, row.body, who);
    INFO(r.body);
    CHECK(r.status == row.status);
    if (r.status == 0) continue;
    const Json j = r.json();
    REQUIRE(j.contains("error"));
    CHECK(j["error"]["code"] == row.code);
    CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
    CHECK_FALSE(j["error"]["message_en"].get<std::string>().empty());
  }
  CHECK(state_of(hub, hall) == before);
  // And no refused issue took a number: the next one is A002.
  CHECK(hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk).json()["number"] == "A002");
}

TEST_CASE("slow clients do not stop the hub serving others", "[hub]") {
  HubHall hall;
  RunningHub hub(hall);
  // Twenty clients trickle a head, twenty more send half a body and stop.
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawClient>(hub.port()));
    slow.back()->send("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\n");
  }
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawClient>(hub.port()));
    slow.back()->send("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"gro");
  }
  for (int i = 0; i < 10; ++i) {
    const auto r = hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk);
    CHECK(r.status == 201);
    for (auto& s : slow) s->send("X");
  }
  CHECK(hub.get("/healthz").status == 200);
  // A request line with nonsense and a head without end are refused, not crashes.
  RawClient junk(hub.port());
  junk.send("\x16\x03\x01\x02 garbage\r\n\r\n");
  const std::string answer = junk.read(std::chrono::seconds(5), "\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
  CHECK(hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk).json()["number"] == "A011");
}
