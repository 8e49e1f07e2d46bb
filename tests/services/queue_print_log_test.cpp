// SPDX-License-Identifier: Apache-2.0
// queue.db's print outcomes and reprint requests (services/queue/print_log.cpp), and the schema
// step that adds them to a queue.db of version 1.
#include <catch2/catch.hpp>

#include "queue/print_log.h"
#include "queue/queue_schema.h"
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

TEST_CASE("a queue.db of version 1 is brought to version 2 with its tickets kept", "[queue][print]") {
  QueueHall h;
  const auto t = h.issue();
  {
    // Back to version 1 as an older hallkiosk left it: no print tables.
    auto db = storage::Database::open(h.dir.file("queue.db"));
    REQUIRE(db);
    REQUIRE(db->exec("DROP TABLE print_outcomes; DROP TABLE reprint_requests;"));
    REQUIRE(db->set_user_version(1));
  }
  h.queue.reset();
  auto db = queue::open_queue_db(h.dir.file("queue.db"));
  REQUIRE(db);
  CHECK(*db->user_version() == 2);
  CHECK(queue::find_ticket(*db, t.id).value().has_value());
  CHECK(queue::record_print(*db, {0, t.id, h.clock.now(), "K1", "printed", "", "", 7, {}}));
}

TEST_CASE("print outcomes are kept per ticket and a reprinted one closes its request", "[queue][print]") {
  QueueHall h;
  const auto t = h.issue();
  auto& db = h.queue->database();
  CHECK(queue::issuing_device(db, t.id).value() == "K1");
  REQUIRE(queue::record_print(db, {0, t.id, h.clock.now(), "K1", "failed", "printer \"r\": stopped", "", 3, {}}));
  REQUIRE(queue::record_print(db, {0, t.id, h.clock.now(), "K1", "printed", "", "", 3, {}}));
  const auto asked = queue::add_reprint_request(db, {0, t.id, "K1", "S01", h.clock.now(), {}});
  REQUIRE(asked);
  CHECK(queue::open_reprint_requests(db, "K1").value().size() == 1);
  CHECK(queue::open_reprint_requests(db, "K2").value().empty());  // meant for the kiosk that issued it
  REQUIRE(queue::record_print(db, {0, t.id, h.clock.now(), "K1", "reprinted", "", "S01", 4, *asked}));
  CHECK(queue::open_reprint_requests(db, "K1").value().empty());
  CHECK(queue::reprint_request(db, *asked).value()->done_at.has_value());
  const auto all = queue::print_records(db, t.id).value();
  REQUIRE(all.size() == 3);
  CHECK(all[0].result == "failed");
  CHECK(all[0].reason.find("stopped") != std::string::npos);
  CHECK(all[2].result == "reprinted");
  CHECK(all[2].by == "S01");
  CHECK(all[2].request_id == *asked);
  auto wrong = queue::record_print(db, {0, t.id, h.clock.now(), "K1", "burnt", "", "", 0, {}});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == ErrorCode::invalid_input);
}
