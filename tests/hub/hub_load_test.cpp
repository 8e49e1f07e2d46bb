// SPDX-License-Identifier: Apache-2.0
// The morning rush through the HTTP hub: 8 kiosk processes issuing while 6 clerks call, serve and
// finish at once. No number is issued twice in a service day, no ticket is held by two windows,
// and every issued ticket is called exactly once.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "hub_fixture.h"
#include "support/child_process.h"

using namespace hall::test;

TEST_CASE("8 kiosk processes issuing and 6 windows calling at once: no number twice, every ticket called once",
          "[hub]") {
  HubHall hall(6);
  for (int w = 1; w <= 6; ++w) hall.add_staff("S0" + std::to_string(w), "24680" + std::to_string(w));
  RunningHub hub(hall);
  std::vector<std::string> sessions;
  for (int w = 1; w <= 6; ++w) {
    sessions.push_back(hub.sign_in("S0" + std::to_string(w), "24680" + std::to_string(w), "W" + std::to_string(w)));
  }

  constexpr int kiosks = 8, each = 40;
  std::vector<std::unique_ptr<ChildProcess>> issuers;
  for (int k = 0; k < kiosks; ++k) {
    const std::string token = k == 0 ? hall.kiosk : hall.add_device("K" + std::to_string(k + 10), "kiosk");
    issuers.push_back(std::make_unique<ChildProcess>(
        std::vector<std::string>{HUB_ISSUER_PATH, std::to_string(hub.port()), token, std::to_string(each),
                                 "kiosk" + std::to_string(k), k % 2 ? "B" : "A"},
        hall.dir.file("issuer" + std::to_string(k) + ".err")));
  }

  std::atomic<bool> issuing{true};
  std::mutex seen_mutex;
  std::map<long long, std::string> called_by;  // ticket id -> window
  std::atomic<int> doubles{0};
  std::vector<std::thread> windows;
  for (int w = 0; w < 6; ++w) {
    windows.emplace_back([&, w] {
      const std::string window = "W" + std::to_string(w + 1);
      int quiet = 0;
      while (quiet < 20) {
        const auto c = hub.post("/api/v1/windows/" + window + "/call-next", "", sessions[w]);
        if (c.status == 204) {
          if (!issuing) ++quiet;
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
          continue;
        }
        if (c.status != 200) {
          ++doubles;  // a refusal here would be a held or lost ticket
          continue;
        }
        const auto called = c.parsed();  // no Catch2 assertion off the test's thread
        if (!called) {
          ++doubles;
          continue;
        }
        const long long id = (*called)["id"].get<long long>();
        {
          std::lock_guard lock(seen_mutex);
          if (!called_by.emplace(id, window).second) ++doubles;
        }
        const std::string path = "/api/v1/tickets/" + std::to_string(id);
        if (hub.post(path + "/start", "", sessions[w]).status != 200) ++doubles;
        if (hub.post(path + "/finish", "", sessions[w]).status != 200) ++doubles;
      }
    });
  }

  std::map<long long, std::string> issued;  // ticket id -> the number the kiosk was given
  int lines = 0;
  for (auto& p : issuers) {
    for (;;) {
      const std::string line = p->read_line(std::chrono::seconds(60));
      if (line.empty()) break;
      std::istringstream in(line);
      std::string number;
      long long id = 0;
      in >> number >> id;
      ++lines;
      CHECK(issued.emplace(id, number).second);  // no ticket handed to two kiosks
    }
    INFO(p->stderr_text());
    CHECK(p->stop(std::chrono::seconds(10)) == 0);
  }
  issuing = false;
  for (auto& t : windows) t.join();

  CHECK(lines == kiosks * each);
  CHECK(issued.size() == static_cast<std::size_t>(kiosks * each));
  CHECK(doubles == 0);
  CHECK(called_by.size() == issued.size());
  for (const auto& [id, number] : issued) CHECK(called_by.count(id) == 1);

  // A number is unique within its service day, and a run that crosses midnight (China time)
  // starts again at A001, as halls do: numbers are counted per day from what queue.db holds.
  const auto stored = stored_tickets(hall.dir.file("queue.db"));
  CHECK(stored.size() == issued.size());
  std::set<std::string> day_numbers;
  std::map<std::string, std::set<int>> per_day_group;  // "day group" -> the numbers' digits
  std::map<std::string, int> per_group;
  for (const auto& [id, number] : issued) {
    const auto it = stored.find(id);
    REQUIRE(it != stored.end());
    const auto& t = it->second;
    CHECK(t.number == number);
    CHECK(day_numbers.insert(t.day + " " + t.number).second);  // no number twice in a day
    per_day_group[t.day + " " + t.group].insert(std::stoi(t.number.substr(1)));
    ++per_group[t.group];
  }
  // Each day's numbers are consecutive per group from 001, with no gap: A001..A160 and B001..B160
  // on one day, or A001..A0xx before midnight and A001.. again after it.
  for (const auto& [day_group, digits] : per_day_group) {
    INFO(day_group);
    CHECK(*digits.begin() == 1);
    CHECK(*digits.rbegin() == static_cast<int>(digits.size()));
  }
  CHECK(per_group == std::map<std::string, int>{{"A", kiosks * each / 2}, {"B", kiosks * each / 2}});
  const auto stats = hub.get("/api/v1/queue", hall.board).json();
  for (const auto& g : stats["groups"]) CHECK(g["waiting"] == 0);
}
