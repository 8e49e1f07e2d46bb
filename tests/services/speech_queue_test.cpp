// SPDX-License-Identifier: Apache-2.0
// The rules of what the board speaks and in what order: in order, a recall again, a replayed event
// not twice, a waiting call of the same ticket replaced, the oldest dropped past the bound.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "speech/speech_queue.h"

using namespace hall::speech;

namespace {

CallAnnouncement queued_call(std::int64_t id, const char* number, const char* window = "W1", bool recall = false) {
  return {id, number, window, 0, recall};
}

// Every call the queue gives, in order, as "A001@W1".
std::vector<std::string> drain(SpeechQueue& q) {
  std::vector<std::string> out;
  while (auto c = q.next()) out.push_back(c->ticket_number + "@" + c->window);
  return out;
}

}  // namespace

TEST_CASE("speech queue rules", "[speech][queue]") {
  struct Step {
    CallAnnouncement call;
    bool speak_first;  // take what waits before offering this one (it was spoken)
    Admission admission;
  };
  struct Case {
    const char* rule;
    std::vector<Step> steps;
    std::vector<std::string> spoken;  // everything spoken, in order, including speak_first
  };
  const Case cases[] = {
      {"calls are spoken in the order they came",
       {{queued_call(1, "A001"), false, Admission::queued},
        {queued_call(2, "B001", "W2"), false, Admission::queued},
        {queued_call(3, "A002", "W3"), false, Admission::queued}},
       {"A001@W1", "B001@W2", "A002@W3"}},
      {"a recall after the call was spoken is spoken again",
       {{queued_call(1, "A001"), false, Admission::queued}, {queued_call(2, "A001", "W1", true), true, Admission::queued}},
       {"A001@W1", "A001@W1"}},
      {"a second recall is spoken a third time",
       {{queued_call(1, "A001"), false, Admission::queued},
        {queued_call(2, "A001", "W1", true), true, Admission::queued},
        {queued_call(3, "A001", "W1", true), true, Admission::queued}},
       {"A001@W1", "A001@W1", "A001@W1"}},
      {"an event replayed after a reconnection is not spoken twice",
       {{queued_call(7, "A001"), false, Admission::queued}, {queued_call(7, "A001"), true, Admission::replayed}},
       {"A001@W1"}},
      {"an event replayed while it still waits is not queued twice",
       {{queued_call(7, "A001"), false, Admission::queued},
        {queued_call(8, "A002"), false, Admission::queued},
        {queued_call(7, "A001"), false, Admission::replayed}},
       {"A001@W1", "A002@W1"}},
      {"calls without an event id are never taken for a replay",
       {{queued_call(0, "A001"), false, Admission::queued}, {queued_call(0, "A001"), true, Admission::queued}},
       {"A001@W1", "A001@W1"}},
      {"a recall of a call not yet spoken is said once",
       {{queued_call(1, "A001"), false, Admission::queued},
        {queued_call(2, "A002"), false, Admission::queued},
        {queued_call(3, "A001", "W1", true), false, Admission::replaced_waiting}},
       {"A001@W1", "A002@W1"}},
      {"a ticket called elsewhere before it was spoken is said with the newest window, in its place",
       {{queued_call(1, "A001", "W1"), false, Admission::queued},
        {queued_call(2, "A002", "W2"), false, Admission::queued},
        {queued_call(3, "A001", "W5"), false, Admission::replaced_waiting}},
       {"A001@W5", "A002@W2"}},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    SpeechQueue q;
    std::vector<std::string> spoken;
    for (const auto& step : c.steps) {
      if (step.speak_first) {
        for (auto& s : drain(q)) spoken.push_back(s);
      }
      CHECK(q.offer(step.call).admission == step.admission);
    }
    for (auto& s : drain(q)) spoken.push_back(s);
    CHECK(spoken == c.spoken);
  }
}

TEST_CASE("past its bound the queue drops the oldest waiting call, never the newest", "[speech][queue]") {
  SpeechQueue q({.capacity = 3, .remembered_events = 100});
  for (int i = 1; i <= 3; ++i) CHECK_FALSE(q.offer(queued_call(i, ("A00" + std::to_string(i)).c_str())).dropped);
  const Offered fourth = q.offer(queued_call(4, "A004"));
  CHECK(fourth.admission == Admission::queued);
  REQUIRE(fourth.dropped);
  CHECK(fourth.dropped->ticket_number == "A001");
  CHECK(q.waiting() == 3);
  CHECK(q.dropped_total() == 1);
  CHECK(drain(q) == std::vector<std::string>{"A002@W1", "A003@W1", "A004@W1"});
}

TEST_CASE("hundreds of calls at once keep the newest and speak them in order", "[speech][queue]") {
  SpeechQueue q({.capacity = 20, .remembered_events = 4096});
  for (int i = 1; i <= 500; ++i) q.offer(queued_call(i, ("A" + std::to_string(1000 + i)).c_str()));
  CHECK(q.waiting() == 20);
  CHECK(q.dropped_total() == 480);
  const auto spoken = drain(q);
  REQUIRE(spoken.size() == 20);
  CHECK(spoken.front() == "A1481@W1");
  CHECK(spoken.back() == "A1500@W1");
  // Every one of the 500 is remembered: a replay of the whole burst speaks nothing.
  for (int i = 1; i <= 500; ++i) CHECK(q.offer(queued_call(i, "A9999")).admission == Admission::replayed);
  CHECK(q.waiting() == 0);
}

TEST_CASE("the remembered event ids are bounded and the oldest are forgotten first", "[speech][queue]") {
  SpeechQueue q({.capacity = 20, .remembered_events = 2});
  q.offer(queued_call(1, "A001"));
  q.offer(queued_call(2, "A002"));
  q.offer(queued_call(3, "A003"));  // forgets 1
  drain(q);
  CHECK(q.offer(queued_call(3, "A003")).admission == Admission::replayed);
  CHECK(q.offer(queued_call(2, "A002")).admission == Admission::replayed);
  CHECK(q.offer(queued_call(1, "A001")).admission == Admission::queued);
}
