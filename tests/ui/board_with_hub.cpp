// SPDX-License-Identifier: Apache-2.0
// The hall board against a real hub: the board's screen (ui::BoardApp, headless through the UI
// driver) kept up to date by its real feed (kiosk/hallkiosk's BoardFeed and HubEvents over SSE)
// from `hallctl serve` on 127.0.0.1, with the real espeak-ng program as the voice and a recording
// sound card. Calls made through the hub's HTTP API by a signed-in clerk reach the screen and are
// spoken in full, in order; a recall speaks again; a hub that goes away and comes back is caught
// up with, nothing spoken twice.
#include <catch2/catch.hpp>

#include <thread>

#include "audio/espeak_program.h"
#include "audio/recording_speaker.h"
#include "board_app.h"
#include "common/run_queue.h"
#include "hallkiosk/board_feed.h"
#include "hub_fixture.h"
#include "speech/announcer.h"
#include "speech/chime.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using namespace std::chrono_literals;

using hall::test::noto;

namespace {


struct Outcomes {
  std::mutex mutex;
  std::vector<speech::SpeechOutcome> seen;
  speech::SpeechOutcomeSink sink() {
    return [this](const speech::SpeechOutcome& o) {
      std::lock_guard lock(mutex);
      seen.push_back(o);
    };
  }
  std::vector<speech::SpeechOutcome> all() {
    std::lock_guard lock(mutex);
    return seen;
  }
};

// The board as the board role puts it together, minus the window and the sound card.
struct Board {
  test::UiDriver ui{1920, 1080};
  SystemClock clock;
  ui::BoardApp app{test::read_asset("i18n/zh-CN.json"), test::read_asset("i18n/en.json"), "zh-CN", clock,
                   TimeZone::fixed("Asia/Shanghai", 8 * 3600)};
  RunQueue replies;
  std::unique_ptr<audio::EspeakProgram> voice;
  test::RecordingSpeaker speaker;
  Outcomes outcomes;
  std::unique_ptr<speech::Announcer> announcer;
  std::unique_ptr<kiosk::BoardFeed> feed;

  Board(const std::string& hub_url, const std::string& token) {
    auto v = audio::EspeakProgram::open();
    if (!v) FAIL(v.error().message);
    voice = std::move(*v);
    announcer = std::make_unique<speech::Announcer>(*voice, speaker, outcomes.sink());
    ui.build_fonts(app, noto);
    REQUIRE(app.open("board"));
    kiosk::BoardFeedOptions options{hub_url, token, {}};
    options.follow.first_retry = 100ms;
    options.follow.longest_retry = 400ms;
    feed = std::make_unique<kiosk::BoardFeed>(options, app, replies, announcer.get());
    feed->start();
  }
  ~Board() {
    feed->stop();
    announcer.reset();
  }

  // Runs the posted replies (as the host does between frames) until `done`, drawing a frame
  // after each batch; fails the test past the bound.
  template <class F>
  void until(F done, std::chrono::milliseconds bound = 15s) {
    const auto end = std::chrono::steady_clock::now() + bound;
    while (!done()) {
      if (replies.run_pending() > 0) ui.frame(app);
      if (std::chrono::steady_clock::now() > end) FAIL("the board did not get there in time");
      std::this_thread::sleep_for(5ms);
    }
    ui.frame(app);
  }

  std::string drawn() {
    std::vector<std::string> texts;
    const ui::TextRecorder record(texts);
    ui.frame(app);
    std::string all;
    for (const auto& t : texts) all += t + "\n";
    return all;
  }

  std::string at(const std::string& window) const {
    const auto* w = app.model().window(window);
    return w ? w->ticket : "?";
  }
  int waiting(const std::string& group) {
    for (const auto& g : app.model().groups) {
      if (g.id == group) return g.waiting;
    }
    return -1;
  }
};

std::string issue(const test::RunningHub& hub, const test::HubHall& hall, const std::string& key) {
  const auto r = hub.post("/api/v1/tickets", R"({"group":"A"})", hall.kiosk, key);
  REQUIRE(r.status == 201);
  return r.json()["number"].get<std::string>();
}

std::int64_t call_next(const test::RunningHub& hub, const std::string& window, const std::string& session) {
  const auto r = hub.post("/api/v1/windows/" + window + "/call-next", "", session);
  INFO(r.body);
  REQUIRE(r.status == 200);
  return r.json()["id"].get<std::int64_t>();
}

void transition(const test::RunningHub& hub, std::int64_t ticket, const std::string& what, const std::string& s) {
  const auto r = hub.post("/api/v1/tickets/" + std::to_string(ticket) + "/" + what, "", s);
  INFO(what << ": " << r.body);
  REQUIRE(r.status == 200);
}

// The voice after the chime.
std::chrono::milliseconds voice_length(const speech::Pcm& sound) {
  const auto chime = speech::make_chime(sound.sample_rate).samples.size();
  const auto n = sound.samples.size() > chime ? sound.samples.size() - chime : 0;
  return std::chrono::milliseconds(static_cast<std::int64_t>(n) * 1000 / sound.sample_rate);
}

void check_spoken(Board& board, const std::vector<std::pair<std::string, bool>>& expected) {
  REQUIRE(board.announcer->wait_idle(60s));
  const auto played = board.speaker.played();
  std::vector<speech::SpeechOutcome> spoken;
  for (const auto& o : board.outcomes.all()) {
    if (o.result == speech::SpokenResult::spoken) spoken.push_back(o);
  }
  REQUIRE(spoken.size() == expected.size());
  REQUIRE(played.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("call " << i << ": " << expected[i].first);
    CHECK(spoken[i].call.ticket_number == expected[i].first);
    CHECK(spoken[i].call.recall == expected[i].second);
    CHECK(voice_length(played[i].sound) >= 1000ms);
    CHECK(voice_length(played[i].sound) <= 10000ms);
    if (i > 0) CHECK(played[i - 1].ended <= played[i].began);  // none cut another off
  }
}

}  // namespace

TEST_CASE("calls at the counter reach the board's screen and are spoken in full, in order, and a recall again",
          "[ui][board][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("S02", "1357");
  test::RunningHub hub(hall);
  Board board(hub.url(), hall.board);
  board.until([&] { return board.app.model().link.connected && board.app.model().have_hall; });
  CHECK(board.drawn().find("空闲") != std::string::npos);

  CHECK(issue(hub, hall, "k1") == "A001");
  CHECK(issue(hub, hall, "k2") == "A002");
  board.until([&] { return board.waiting("A") == 2; });
  const std::string w1 = hub.sign_in("S01", "2468", "W1");
  const std::string w3 = hub.sign_in("S02", "1357", "W3");

  const auto first = call_next(hub, "W1", w1);
  call_next(hub, "W3", w3);
  board.until([&] { return board.at("W1") == "A001" && board.at("W3") == "A002"; });
  CHECK(board.waiting("A") == 0);
  const std::string screen = board.drawn();
  CHECK(screen.find("A001") != std::string::npos);
  CHECK(screen.find("A002") != std::string::npos);
  REQUIRE(board.app.model().calls.size() == 2);
  CHECK(board.app.model().calls.front().ticket == "A002");  // newest first

  transition(hub, first, "recall", w1);
  board.until([&] { return board.app.model().calls.size() == 3; });
  CHECK(board.app.model().calls.front().recall);
  CHECK(board.drawn().find("重呼") != std::string::npos);
  check_spoken(board, {{"A001", false}, {"A002", false}, {"A001", true}});
  CHECK(board.app.missing_glyphs().empty());
}

TEST_CASE("a hub that goes away and comes back: the board says so, catches up, and speaks nothing twice",
          "[ui][board][hub]") {
  test::HubHall hall;
  hall.add_staff("S01", "2468");
  hall.add_staff("S02", "1357");
  auto hub = std::make_unique<test::RunningHub>(hall);
  const int port = hub->port();
  for (const char* key : {"k1", "k2", "k3"}) issue(*hub, hall, key);
  Board board(hub->url(), hall.board);
  board.until([&] { return board.app.model().link.connected && board.waiting("A") == 3; });
  const auto first = call_next(*hub, "W1", hub->sign_in("S01", "2468", "W1"));
  board.until([&] { return board.at("W1") == "A001"; });

  // The hub stops: the board keeps what it shows and says it is reconnecting.
  CHECK(hub->stop() == 0);
  hub.reset();
  board.until([&] { return !board.app.model().link.connected; });
  CHECK(board.drawn().find("正在重新连接叫号服务") != std::string::npos);
  CHECK(board.at("W1") == "A001");

  // Meanwhile the hall goes on at a hub the board cannot reach (another port, the same queue.db).
  {
    test::RunningHub elsewhere(hall);
    const std::string w1 = elsewhere.sign_in("S01", "2468", "W1");
    transition(elsewhere, first, "start", w1);
    transition(elsewhere, first, "finish", w1);
    call_next(elsewhere, "W1", w1);
    call_next(elsewhere, "W3", elsewhere.sign_in("S02", "1357", "W3"));
    CHECK(elsewhere.stop() == 0);
  }

  // Back at its address: the board resumes after the last event it had and catches up.
  hub = std::make_unique<test::RunningHub>(hall, port);
  board.until([&] { return board.app.model().link.connected && board.at("W1") == "A002" && board.at("W3") == "A003"; },
              30s);
  board.until([&] { return board.waiting("A") == 0; });
  CHECK(board.drawn().find("正在重新连接") == std::string::npos);
  check_spoken(board, {{"A001", false}, {"A002", false}, {"A003", false}});
  const auto& calls = board.app.model().calls;
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].ticket == "A003");
  CHECK(calls[2].ticket == "A001");
}

TEST_CASE("a board whose token the hub does not know shows that it is refused, and calls nothing",
          "[ui][board][hub]") {
  test::HubHall hall;
  test::RunningHub hub(hall);
  Board board(hub.url(), std::string(43, 'x'));
  board.until([&] { return board.app.model().link.refused; });
  CHECK(board.drawn().find("拒绝") != std::string::npos);
  CHECK(board.app.model().calls.empty());
}
