// SPDX-License-Identifier: Apache-2.0
// hub-api.md's endpoints over real HTTP: issuing with idempotency, the counter's whole cycle,
// sign-in lockout, the queue, events with Last-Event-ID, figures, health and the phone's view.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <thread>

#include "hub_fixture.h"

using namespace hall::test;

namespace {

Json issue(const RunningHub& hub, const HubHall& hall, const Json& body, const std::string& key = {}, int status = 201) {
  const auto r = hub.post("/api/v1/tickets", body.dump(), hall.kiosk, key);
  INFO(r.body);
  REQUIRE(r.status == status);
  return r.json();
}

// Reads an event stream until `count` events have come or the time runs out: (id, event, data).
struct StreamEvent {
  std::string id, event, data;
};
std::vector<StreamEvent> read_events(int port, const std::string& token, const std::string& last_id, std::size_t count,
                                     std::chrono::seconds within = std::chrono::seconds(10)) {
  std::vector<StreamEvent> got;
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + within;
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(static_cast<time_t>(within.count()), 0);
  httplib::Headers h{{"Authorization", "Bearer " + token}};
  if (!last_id.empty()) h.emplace("Last-Event-ID", last_id);
  c.Get("/api/v1/events", h, [&](const char* data, std::size_t n) {
    buffer.append(data, n);
    std::size_t end;
    while ((end = buffer.find("\n\n")) != std::string::npos) {
      const std::string frame = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      StreamEvent e;
      std::size_t at = 0;
      while (at < frame.size()) {
        auto nl = frame.find('\n', at);
        if (nl == std::string::npos) nl = frame.size();
        const std::string line = frame.substr(at, nl - at);
        if (line.rfind("id: ", 0) == 0) e.id = line.substr(4);
        if (line.rfind("event: ", 0) == 0) e.event = line.substr(7);
        if (line.rfind("data: ", 0) == 0) e.data += line.substr(6);
        at = nl + 1;
      }
      if (!e.event.empty()) got.push_back(e);
    }
    return got.size() < count && std::chrono::steady_clock::now() < deadline;
  });
  return got;
}

}  // namespace

TEST_CASE("a kiosk issues a ticket and a retry with the same key returns it again", "[hub]") {
  HubHall hall;
  RunningHub hub(hall);
  const Json first = issue(hub, hall, {{"guide_id", "G-0002"}}, "retry-1");
  CHECK(first["number"] == "B001");  // the guide's queue group
  CHECK(first["state"] == "waiting");
  CHECK(first["guide_id"] == "G-0002");
  CHECK(first["status_url"] == hub.url() + "/t/" + first["token"].get<std::string>());
  const Json again = issue(hub, hall, {{"guide_id", "G-0002"}}, "retry-1", 200);
  CHECK(again["id"] == first["id"]);
  CHECK(again["number"] == "B001");
  CHECK(issue(hub, hall, {{"guide_id", "G-0002"}}, "retry-2")["number"] == "B002");
  CHECK(issue(hub, hall, Json::object())["number"] == "A001");  // no guide: the hall's default group
  CHECK(issue(hub, hall, {{"group", "B"}, {"priority", "elderly"}})["priority"] == "elderly");

  const auto conflict = hub.post("/api/v1/tickets", Json{{"group", "A"}}.dump(), hall.kiosk, "retry-1");
  CHECK(conflict.status == 422);
  CHECK(conflict.json()["error"]["code"] == "idempotency_conflict");
}

TEST_CASE("four clients sending one Idempotency-Key at once get one ticket", "[hub]") {
  HubHall hall;
  RunningHub hub(hall);
  for (int round = 0; round < 5; ++round) {
    const std::string key = "same-" + std::to_string(round);
    std::vector<Reply> replies(4);
    std::vector<std::thread> clients;
    for (int i = 0; i < 4; ++i) {
      clients.emplace_back([&, i] { replies[i] = hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk, key); });
    }
    for (auto& t : clients) t.join();
    int created = 0;
    std::set<long long> ids;
    for (const auto& r : replies) {
      INFO(r.body);
      REQUIRE((r.status == 200 || r.status == 201));
      created += r.status == 201;
      ids.insert(r.json()["id"].get<long long>());
    }
    CHECK(created == 1);
    CHECK(ids.size() == 1);
  }
  CHECK(issue(hub, hall, {{"group", "A"}})["number"] == "A006");  // five keys, five numbers, no gap
}

TEST_CASE("the counter's whole cycle over HTTP", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("S02", "1357");
  RunningHub hub(hall);
  const std::string w1 = hub.sign_in("S01", "2468", "W1");
  const std::string w3 = hub.sign_in("S02", "1357", "W3");
  CHECK(hub.get("/api/v1/sessions/current", w1).json()["window"] == "W1");

  const Json a1 = issue(hub, hall, {{"group", "A"}});
  const Json a2 = issue(hub, hall, {{"group", "A"}});
  const std::string id1 = std::to_string(a1["id"].get<long long>());

  auto called = hub.post("/api/v1/windows/W1/call-next", "", w1);
  REQUIRE(called.status == 200);
  CHECK(called.json()["number"] == "A001");
  CHECK(called.json()["window"] == "W1");
  CHECK(hub.post("/api/v1/windows/W1/call-next", "", w1).status == 409);  // still holds A001
  CHECK(hub.post("/api/v1/windows/W3/call-next", "", w1).status == 403);  // not its window
  const auto other = hub.post("/api/v1/tickets/" + id1 + "/start", "", w3);
  CHECK(other.status == 403);  // W3 may not touch W1's ticket

  CHECK(hub.post("/api/v1/tickets/" + id1 + "/recall", "", w1).json()["recalls"] == 1);
  CHECK(hub.post("/api/v1/tickets/" + id1 + "/start", "", w1).json()["state"] == "serving");
  const auto wrong = hub.post("/api/v1/tickets/" + id1 + "/recall", "", w1);
  CHECK(wrong.status == 409);
  CHECK(wrong.json()["error"]["code"] == "wrong_state");
  CHECK(wrong.json()["error"]["message"].get<std::string>().find("办理中") != std::string::npos);
  CHECK(hub.post("/api/v1/tickets/" + id1 + "/finish", "", w1).json()["state"] == "done");

  // A002 is called at W3, then transferred to group B: back to waiting there, keeping its number.
  auto c2 = hub.post("/api/v1/windows/W3/call-next", "", w3);
  REQUIRE(c2.status == 200);
  CHECK(c2.json()["number"] == a2["number"]);
  const std::string id2 = std::to_string(c2.json()["id"].get<long long>());
  const auto moved = hub.post("/api/v1/tickets/" + id2 + "/transfer", R"({"group":"B"})", w3);
  REQUIRE(moved.status == 200);
  CHECK(moved.json()["state"] == "waiting");
  CHECK(moved.json()["group"] == "B");
  CHECK(moved.json()["number"] == "A002");
  CHECK(hub.post("/api/v1/windows/W1/call-next", "", w1).status == 204);  // W1 serves A only

  // Paused, W3 calls nobody; resumed, it calls A002 again and marks it a no-show.
  CHECK(hub.post("/api/v1/windows/W3/pause", "", w3).json()["state"] == "paused");
  CHECK(hub.get("/api/v1/queue", hall.board).json()["windows"][2]["state"] == "paused");
  CHECK(hub.post("/api/v1/windows/W3/call-next", "", w3).status == 409);
  CHECK(hub.post("/api/v1/windows/W3/resume", "", w3).status == 200);
  auto c3 = hub.post("/api/v1/windows/W3/call-next", "", w3);
  REQUIRE(c3.status == 200);
  CHECK(c3.json()["number"] == "A002");
  CHECK(hub.post("/api/v1/tickets/" + id2 + "/no-show", "", w3).json()["state"] == "no_show");

  // The visitor is back: the kiosk re-activates by number.
  const auto back = hub.post("/api/v1/reactivations", R"({"number":"a002"})", hall.kiosk);
  REQUIRE(back.status == 200);
  CHECK(back.json()["state"] == "waiting");
  CHECK(hub.post("/api/v1/reactivations", R"({"number":"A999"})", hall.kiosk).status == 404);

  // Transfer to one window: only that window calls it.
  auto c4 = hub.post("/api/v1/windows/W3/call-next", "", w3);
  REQUIRE(c4.status == 200);
  const auto to_w1 = hub.post("/api/v1/tickets/" + id2 + "/transfer", R"({"window":"W1"})", w3);
  CHECK(to_w1.status == 200);
  CHECK(hub.post("/api/v1/windows/W3/call-next", "", w3).status == 204);
  CHECK(hub.post("/api/v1/windows/W1/call-next", "", w1).json()["number"] == "A002");
  CHECK(hub.post("/api/v1/tickets/" + id2 + "/cancel", "", w1).json()["state"] == "cancelled");

  const auto today = hub.get("/api/v1/windows/W1/today", w1);
  CHECK(today.status == 200);
  CHECK(today.json()["served"] == 1);

  CHECK(hub.del("/api/v1/sessions/current", w1).status == 204);
  CHECK(hub.post("/api/v1/windows/W1/call-next", "", w1).status == 401);
}

TEST_CASE("five wrong PINs lock a staff id with 423 and Retry-After", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  RunningHub hub(hall);
  for (int i = 0; i < 5; ++i) {
    const auto r = hub.post("/api/v1/sessions", R"({"staff_id":"S01","pin":"0000","window":"W1"})");
    CHECK(r.status == (i < 4 ? 401 : 423));
  }
  const auto locked = hub.post("/api/v1/sessions", R"({"staff_id":"S01","pin":"2468","window":"W1"})");
  CHECK(locked.status == 423);
  CHECK(locked.json()["error"]["code"] == "locked");
  REQUIRE(locked.headers.count("retry-after") == 1);
  CHECK(std::stoi(locked.headers.at("retry-after")) > 0);
  CHECK(std::stoi(locked.headers.at("retry-after")) <= 300);
  CHECK(hub.post("/api/v1/sessions", R"({"staff_id":"S01","pin":"2468","window":"W9"})").status == 404);
}

TEST_CASE("the event stream resumes after Last-Event-ID without a gap or a repeat", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  RunningHub hub(hall);
  const std::string w1 = hub.sign_in("S01", "2468", "W1");
  for (int i = 0; i < 3; ++i) issue(hub, hall, {{"group", "A"}});
  const auto called = hub.post("/api/v1/windows/W1/call-next", "", w1);
  REQUIRE(called.status == 200);

  const auto all = read_events(hub.port(), hall.board, "0", 4);
  REQUIRE(all.size() == 4);
  CHECK(all[0].event == "issued");
  CHECK(all[3].event == "called");
  CHECK(Json::parse(all[3].data)["number"] == "A001");
  CHECK(Json::parse(all[3].data)["window"] == "W1");

  const auto rest = read_events(hub.port(), hall.board, all[1].id, 2);
  REQUIRE(rest.size() == 2);
  CHECK(rest[0].id == all[2].id);
  CHECK(rest[1].id == all[3].id);

  // A stream that is open sees a call made after it opened, at once (the bell), and a counter's
  // session may read it too.
  std::vector<StreamEvent> live;
  std::thread reader([&] { live = read_events(hub.port(), w1, all[3].id, 1); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto c = hub.post("/api/v1/tickets/" + std::to_string(called.json()["id"].get<long long>()) + "/recall", "", w1);
  CHECK(c.status == 200);
  reader.join();
  REQUIRE(live.size() == 1);
  CHECK(live[0].event == "recalled");
  CHECK(hub.get("/api/v1/events", hall.kiosk).status == 403);  // a kiosk only issues
}

TEST_CASE("figures are the manager's, health is anyone's", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("M01", "9999", "manager");
  RunningHub hub(hall);
  issue(hub, hall, {{"group", "A"}});
  const std::string clerk = hub.sign_in("S01", "2468", "W1");
  const std::string manager = hub.sign_in("M01", "9999", "W3");
  CHECK(hub.get("/api/v1/stats", clerk).status == 403);
  const auto s = hub.get("/api/v1/stats", manager);
  REQUIRE(s.status == 200);
  CHECK(s.json()["groups"][0]["issued"] == 1);
  CHECK(hub.get("/api/v1/stats?date=2026-13", manager).status == 400);
  const auto h = hub.get("/healthz");
  REQUIRE(h.status == 200);
  CHECK(h.json()["status"] == "ok");
  CHECK(h.json()["database"] == "ok");
  CHECK(h.json()["printer"] == "none");
}

TEST_CASE("the phone's view holds no id, token or device, and its page speaks the phone's language", "[hub]") {
  HubHall hall;
  hall.add_staff("S01", "2468");
  RunningHub hub(hall);
  issue(hub, hall, {{"group", "A"}});
  const Json t = issue(hub, hall, {{"guide_id", "G-0001"}});
  const std::string token = t["token"];
  const Json pub = hub.get("/api/v1/tickets/" + token).json();
  CHECK(pub["number"] == "A002");
  CHECK(pub["ahead"] == 1);
  CHECK(pub["guide"]["name"] == "高龄津贴申领");
  CHECK_FALSE(pub["materials"].empty());
  for (const char* secret : {"id", "token", "device_id", "status_url", "guide_id"}) CHECK_FALSE(pub.contains(secret));

  const auto zh = hub.get("/t/" + token, {}, "zh-CN,zh;q=0.9");
  REQUIRE(zh.status == 200);
  CHECK(zh.headers.at("content-type").find("text/html") == 0);
  CHECK(zh.body.find("A002") != std::string::npos);
  CHECK(zh.body.find("前面还有 1 人") != std::string::npos);
  CHECK(zh.body.find("请带好") != std::string::npos);
  const auto en = hub.get("/t/" + token, {}, "en-US,en;q=0.9");
  CHECK(en.body.find("1 person ahead of you") != std::string::npos);
  CHECK(hub.get("/t/" + token + "?lang=zh", {}, "en-US").body.find("前面还有") != std::string::npos);
  CHECK(hub.get("/t/0123456789abcdef0123456789abcdef").status == 404);

  // Called: the page names the window; done: it offers the rating once.
  const std::string w1 = hub.sign_in("S01", "2468", "W1");
  hub.post("/api/v1/windows/W1/call-next", "", w1);
  const auto second = hub.post("/api/v1/windows/W1/call-next", "", w1);
  CHECK(second.status == 409);
  const std::string first_id = "1";
  hub.post("/api/v1/tickets/" + first_id + "/finish", "", w1);  // refused: called, not serving
  hub.post("/api/v1/tickets/" + first_id + "/start", "", w1);
  hub.post("/api/v1/tickets/" + first_id + "/finish", "", w1);
  const auto c = hub.post("/api/v1/windows/W1/call-next", "", w1);
  REQUIRE(c.status == 200);
  CHECK(hub.get("/t/" + token).body.find("请到 1号窗口") != std::string::npos);
  CHECK(hub.post("/api/v1/tickets/" + token + "/rating", R"({"level":5})").status == 409);  // not done yet
  const std::string id = std::to_string(t["id"].get<long long>());
  hub.post("/api/v1/tickets/" + id + "/start", "", w1);
  hub.post("/api/v1/tickets/" + id + "/finish", "", w1);
  CHECK(hub.get("/t/" + token).body.find("非常满意") != std::string::npos);
  CHECK(hub.post("/api/v1/tickets/" + token + "/rating", R"({"level":6})").status == 400);
  const auto rated = hub.post("/api/v1/tickets/" + token + "/rating", R"({"level":5})");
  CHECK(rated.status == 200);
  CHECK(rated.json()["rated"] == true);
  CHECK(hub.post("/api/v1/tickets/" + token + "/rating", R"({"level":4})").status == 409);  // once
  CHECK(hub.get("/t/" + token).body.find("谢谢您的评价") != std::string::npos);
}
