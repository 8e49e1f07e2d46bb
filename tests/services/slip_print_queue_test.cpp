// SPDX-License-Identifier: Apache-2.0
// The print queue's rules against an in-memory printer: what is sent, when, and how often.
#include <catch2/catch.hpp>

#include <mutex>
#include <thread>

#include "slip/print_queue.h"

// Its own namespace: in a unity batch, hall::slip's names (Language) stay out of the speech tests'.
namespace slip_print_queue_test {

using namespace hall;
using namespace hall::slip;
using namespace std::chrono_literals;

namespace {

// A printer whose answers the test sets; it counts what it was sent.
class ScriptedPrinter final : public Printer {
 public:
  std::string name() const override { return "scripted"; }
  Result<int> submit(const PrintDocument&, Deadline) override {
    std::lock_guard lock(mutex);
    if (!up) return fail(ErrorCode::unavailable, "scripted: down");
    ++submitted;
    return next_id++;
  }
  Result<JobState> job_state(int id, Deadline) override {
    std::lock_guard lock(mutex);
    if (!up) return fail(ErrorCode::unavailable, "scripted: down");
    if (lose_jobs) return fail(ErrorCode::not_found, "scripted: job " + std::to_string(id) + " not found");
    return finish_as;
  }
  PrinterState state(Deadline) override {
    std::lock_guard lock(mutex);
    PrinterState s;
    s.printer = "scripted";
    s.reachable = up;
    s.exists = s.accepting = true;
    return s;
  }
  void set(bool is_up, JobState finish, bool lose = false) {
    std::lock_guard lock(mutex);
    up = is_up;
    finish_as = finish;
    lose_jobs = lose;
  }
  int sent() {
    std::lock_guard lock(mutex);
    return submitted;
  }

 private:
  std::mutex mutex;
  bool up = true, lose_jobs = false;
  JobState finish_as = JobState::completed;
  int next_id = 1, submitted = 0;
};

PrintQueueOptions quick() {
  PrintQueueOptions o;
  o.call_timeout = 100ms;
  o.completion_timeout = 100ms;
  o.poll_interval = 5ms;
  o.retry_interval = 20ms;
  return o;
}

struct Recorder {
  std::mutex mutex;
  std::vector<PrintOutcome> all;
  OutcomeSink sink() {
    return [this](const PrintOutcome& o) {
      std::lock_guard lock(mutex);
      all.push_back(o);
    };
  }
  int count(PrintResult r) {
    std::lock_guard lock(mutex);
    int n = 0;
    for (const auto& o : all) n += o.result == r;
    return n;
  }
};

SlipPrintJob job(const std::string& ticket, const std::string& by = {}) {
  return {ticket, {"t", "%PDF", ""}, by};
}

}  // namespace

TEST_CASE("print queue: a slip is sent once and reported printed", "[slip][print_queue]") {
  ScriptedPrinter printer;
  Recorder r;
  PrintQueue queue(printer, r.sink(), quick());
  REQUIRE(queue.enqueue(job("t1")));
  CHECK_FALSE(queue.enqueue(job("t1")));  // never the same ticket's first slip twice
  REQUIRE(queue.wait_idle(2s));
  CHECK(printer.sent() == 1);
  CHECK(r.count(PrintResult::printed) == 1);
  CHECK_FALSE(queue.enqueue(job("t1")));  // not even after it printed
  REQUIRE(queue.enqueue(job("t1", "clerk-3")));
  REQUIRE(queue.wait_idle(2s));
  CHECK(r.count(PrintResult::reprinted) == 1);
  CHECK(printer.sent() == 2);
}

TEST_CASE("print queue: a job the server accepted is followed, not sent again, while it waits", "[slip][print_queue]") {
  ScriptedPrinter printer;
  printer.set(true, JobState::pending);  // accepted, the printer stopped
  Recorder r;
  PrintQueue queue(printer, r.sink(), quick());
  REQUIRE(queue.enqueue(job("t1")));
  std::this_thread::sleep_for(300ms);
  CHECK(printer.sent() == 1);
  CHECK(r.count(PrintResult::failed) == 1);  // reported once, not every retry
  printer.set(false, JobState::pending);     // the server goes away
  std::this_thread::sleep_for(100ms);
  printer.set(true, JobState::completed);  // back, and it printed the job it held
  queue.poke();
  REQUIRE(queue.wait_idle(2s));
  CHECK(printer.sent() == 1);
  CHECK(r.count(PrintResult::printed) == 1);
}

TEST_CASE("print queue: a job the server lost or aborted is sent again", "[slip][print_queue]") {
  const JobState ends[] = {JobState::aborted, JobState::canceled};
  for (const auto end : ends) {
    ScriptedPrinter printer;
    printer.set(true, end);
    Recorder r;
    PrintQueue queue(printer, r.sink(), quick());
    REQUIRE(queue.enqueue(job("t1")));
    std::this_thread::sleep_for(60ms);
    printer.set(true, JobState::completed);
    REQUIRE(queue.wait_idle(2s));
    CHECK(printer.sent() >= 2);
    CHECK(r.count(PrintResult::printed) == 1);
  }
  ScriptedPrinter printer;
  printer.set(true, JobState::completed, true);
  Recorder r;
  PrintQueue queue(printer, r.sink(), quick());
  REQUIRE(queue.enqueue(job("t1")));
  std::this_thread::sleep_for(60ms);
  printer.set(true, JobState::completed, false);
  REQUIRE(queue.wait_idle(2s));
  CHECK(printer.sent() >= 2);
  CHECK(r.count(PrintResult::printed) == 1);
}

TEST_CASE("print queue: slips wait in order while the printer is down and all print after", "[slip][print_queue]") {
  ScriptedPrinter printer;
  printer.set(false, JobState::completed);
  Recorder r;
  PrintQueue queue(printer, r.sink(), quick());
  for (int i = 0; i < 5; ++i) REQUIRE(queue.enqueue(job("t" + std::to_string(i))));
  std::this_thread::sleep_for(100ms);
  CHECK(queue.status().waiting == 5);
  CHECK(queue.status().printer.problem() == PrinterProblem::unreachable);
  CHECK_FALSE(queue.status().last_failure.empty());
  printer.set(true, JobState::completed);
  queue.poke();
  REQUIRE(queue.wait_idle(2s));
  CHECK(printer.sent() == 5);
  CHECK(r.count(PrintResult::printed) == 5);
  std::lock_guard lock(r.mutex);
  std::vector<std::string> order;
  for (const auto& o : r.all) {
    if (o.result == PrintResult::printed) order.push_back(o.ticket_id);
  }
  CHECK(order == std::vector<std::string>{"t0", "t1", "t2", "t3", "t4"});
}

}  // namespace slip_print_queue_test
