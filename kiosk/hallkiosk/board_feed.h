// SPDX-License-Identifier: Apache-2.0
#pragma once
// What keeps a board up to date, without the window: the hall (GET /api/v1/hall) and the queue
// (GET /api/v1/queue) read on a worker, the hub's events followed on their own thread, all handed
// to the BoardApp through the run queue; each call and recall announced to the voice. The board
// role wires it to the host; the tests drive it against a real hub with no window at all.
//
// - After each (re)connection the queue is read again: counts a missed moment would have changed.
// - After each event that moves a count the queue is read again too (one read at a time, one more
//   queued at most), so a count the event alone cannot know (an estimated wait) is right.
// - A call's event id reaches the Announcer, whose queue does not speak an id twice; the follower
//   itself hands no id over twice. A recall is its own event and is spoken again.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "board_app.h"
#include "common/run_queue.h"
#include "common/worker_pool.h"
#include "hall/hall_config.h"
#include "hallkiosk/hub_events.h"
#include "speech/announcer.h"

namespace hall::kiosk {

struct BoardFeedOptions {
  std::string hub_url;
  std::string token;
  HubEventsOptions follow;  // hub_url and token are filled in from the two above
};

class BoardFeed {
 public:
  // `voice` may be null (a muted board). Everything given must outlive the feed.
  BoardFeed(BoardFeedOptions options, ui::BoardApp& app, RunQueue& ui_queue, speech::Announcer* voice);
  ~BoardFeed();
  BoardFeed(const BoardFeed&) = delete;
  BoardFeed& operator=(const BoardFeed&) = delete;

  void start();
  // The follower and the reads stop; replies already posted still land (and do nothing).
  void stop();

  // UI thread: counts for tests and the benchmark.
  std::uint64_t events_applied() const { return events_applied_; }
  std::uint64_t queue_reads() const { return queue_reads_; }
  bool busy() const { return reading_ || !have_hall_; }
  // The moment the last event was posted by the follower's thread (for the benchmark).
  std::function<void(const queue::QueueEvent&)> on_applied;

 private:
  void read_hall();
  void read_queue();
  void on_queue_read_done();
  void on_link(const HubLinkState& s);
  void on_event(const queue::QueueEvent& e);

  BoardFeedOptions options_;
  ui::BoardApp& app_;
  RunQueue& ui_queue_;
  speech::Announcer* voice_;
  WorkerPool reads_{1};
  std::unique_ptr<HubEvents> follower_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

  // UI thread only.
  HallConfig hall_;  // the windows' numbers, for the spoken sentence
  bool have_hall_ = false;
  bool reading_ = false, read_again_ = false;
  bool ever_connected_ = false;
  std::uint64_t events_applied_ = 0, queue_reads_ = 0;
};

// The hub's answers read into the board's shapes; an error names what is missing.
Result<ui::BoardHall> board_hall_of(const std::string& hall_json, HallConfig& config);
Result<ui::BoardQueue> board_queue_of(const std::string& queue_json);

}  // namespace hall::kiosk
