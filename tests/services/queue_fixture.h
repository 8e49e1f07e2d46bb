// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small hall with a queue on a manual clock, a counting random source and a fixed zone, for the
// queue's rule tables. Tuesday 2026-12-01, 10:00 in Shanghai, unless a test moves the clock.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "common/rfc3339.h"
#include "hall/hall_config.h"
#include "queue/queue_service.h"
#include "support/temp_dir.h"

namespace hall::test {

inline Instant local(const std::string& rfc3339) {
  const auto t = parse_rfc3339(rfc3339);
  REQUIRE(t);
  return *t;
}

// Deterministic "randomness": each fill counts up, so tokens differ and tests can predict nothing else.
class CountingRandom final : public queue::RandomSource {
 public:
  void fill(std::uint8_t* out, std::size_t size) override {
    ++calls_;
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<std::uint8_t>((calls_ * 31 + i * 7) & 0xff);
  }

 private:
  unsigned calls_ = 0;
};

inline const char* test_hall_json = R"json({
  "format": "hallkiosk.hall/1", "name": "测试大厅", "address": "测试路1号", "time_zone": "Asia/Shanghai",
  "public_base_url": "https://hall.example/",
  "opening_hours": [{"days": "mon-fri", "open": "09:00", "close": "12:00"},
                    {"days": "mon-fri", "open": "13:30", "close": "17:00"}],
  "default_queue_group": "A",
  "queue_groups": [{"id": "A", "letter": "A", "name": "综合受理"}, {"id": "B", "letter": "B", "name": "人社医保"}],
  "windows": [{"id": "W1", "number": 1, "name": "1号窗口", "queue_groups": ["A"]},
              {"id": "W2", "number": 2, "name": "2号窗口", "queue_groups": ["B"]},
              {"id": "W3", "number": 3, "name": "3号综合窗口", "comprehensive": true}],
  "priority_classes": [{"id": "elderly", "name": "70岁以上老年人"}, {"id": "disabled", "name": "残疾人"}],
  "queue_rules": {"fairness_after": 2, "recall_limit": 2, "reactivation_minutes": 30, "reactivation_places": 3,
                  "cutoff_minutes": 30}
})json";

inline HallConfig test_hall() {
  auto hall = parse_hall_config(test_hall_json);
  INFO((hall ? std::string() : hall.error().message));
  REQUIRE(hall);
  return *hall;
}

struct QueueHall {
  TempDir dir;
  HallConfig hall = test_hall();
  ManualClock clock{local("2026-12-01T10:00:00+08:00")};
  CountingRandom random;
  std::unique_ptr<queue::QueueService> queue;

  explicit QueueHall(TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600)) { reopen(std::move(zone)); }

  void reopen(TimeZone zone) {
    queue.reset();
    auto q = queue::QueueService::open(dir.file("queue.db"), hall, std::move(zone), clock, random);
    INFO((q ? std::string() : q.error().error.message));
    REQUIRE(q);
    queue = std::make_unique<queue::QueueService>(std::move(*q));
  }

  queue::Ticket issue(const std::string& group = "A", std::optional<std::string> priority = std::nullopt) {
    auto r = queue->issue({"K1", "", group, "", std::move(priority)});
    INFO((r ? std::string() : r.error().error.message));
    REQUIRE(r);
    return r->view.ticket;
  }

  // Calls at `window`; the number called, or "" when none waits.
  std::string call(const std::string& window) {
    auto r = queue->call_next({"S01", window});
    INFO((r ? std::string() : r.error().error.message));
    REQUIRE(r);
    return *r ? (*r)->ticket.number : std::string();
  }

  // Calls and finishes at once, so the window is free again.
  std::string serve(const std::string& window) {
    auto r = queue->call_next({"S01", window});
    REQUIRE(r);
    if (!*r) return "";
    const auto id = (*r)->ticket.id;
    REQUIRE(queue->start({"S01", window}, id));
    REQUIRE(queue->finish({"S01", window}, id));
    return (*r)->ticket.number;
  }
};

}  // namespace hall::test
