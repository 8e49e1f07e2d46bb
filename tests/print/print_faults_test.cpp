// SPDX-License-Identifier: Apache-2.0
// Printer faults against a real cupsd (and one silent server): each gives a clear state within a
// second, the slip is kept, and once the printer is back it prints exactly once.
#include <catch2/catch.hpp>

#include <functional>
#include <thread>

#include "print/fake_print_server.h"
#include "print/print_fixture.h"

using namespace hall;
using namespace hall::test;
using namespace std::chrono_literals;
using slip::PrinterProblem;

namespace {

slip::PrintQueueOptions quick() {
  slip::PrintQueueOptions o;
  o.call_timeout = 500ms;
  o.completion_timeout = 300ms;
  o.poll_interval = 20ms;
  o.retry_interval = 100ms;
  return o;
}

bool within(std::chrono::milliseconds limit, const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

struct Fault {
  const char* name;
  PrinterProblem shows;
  std::function<void(PrintFixture&)> break_it, mend_it;
};

}  // namespace

TEST_CASE("a printer fault shows, keeps the slip, and prints it once when mended", "[print][fault]") {
  const Fault faults[] = {
      {"printer disabled (cupsdisable)", PrinterProblem::stopped,
       [](PrintFixture& f) {
         f.cups.admin({"cupsdisable", f.queue});
       },
       [](PrintFixture& f) {
         f.cups.admin({"cupsenable", f.queue});
       }},
      {"jobs rejected (cupsreject)", PrinterProblem::not_accepting,
       [](PrintFixture& f) {
         f.cups.admin({"cupsreject", f.queue});
       },
       [](PrintFixture& f) {
         f.cups.admin({"cupsaccept", f.queue});
       }},
      {"queue missing", PrinterProblem::no_such_queue,
       [](PrintFixture& f) {
         f.cups.admin({"lpadmin", "-x", f.queue});
       },
       [](PrintFixture& f) { f.cups.add_file_queue(f.queue, f.output); }},
      {"cupsd not running", PrinterProblem::unreachable, [](PrintFixture& f) { f.cups.stop(); },
       [](PrintFixture& f) { f.cups.start(); }},
  };
  for (const auto& fault : faults) {
    SECTION(fault.name) {
      PrintFixture f;
      auto printer = f.printer();
      Outcomes outcomes;
      slip::PrintQueue queue(printer, outcomes.sink(), quick());
      fault.break_it(f);
      REQUIRE(queue.enqueue(f.job(f.ticket(), "ticket-A023")));
      CHECK(within(10s, [&] { return queue.status().printer.problem() == fault.shows; }));
      CHECK(within(10s, [&] { return outcomes.count(slip::PrintResult::failed) >= 1; }));
      INFO("reported: " << outcomes.last_reason());
      CHECK_FALSE(outcomes.last_reason().empty());
      CHECK(queue.status().waiting == 1);  // never lost
      CHECK(outcomes.count(slip::PrintResult::printed) == 0);
      fault.mend_it(f);
      queue.poke();
      REQUIRE(queue.wait_idle(10s));
      CHECK(outcomes.count(slip::PrintResult::printed) == 1);
      CHECK(f.cups.completed_jobs(f.queue) == 1);
      CHECK(queue.status().printer.can_print());
    }
  }
}

TEST_CASE("each fault is a value naming the printer, returned within the deadline", "[print][fault]") {
  PrintFixture f;
  const slip::PrintDocument doc{"t", "%PDF-1.4 not really", "Custom.80x100mm"};
  const auto deadline = [] { return std::chrono::steady_clock::now() + 1s; };
  print::CupsPrinter missing("no-such-queue", {"127.0.0.1", f.cups.port()});
  auto r = missing.submit(doc, deadline());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::not_found);
  CHECK(r.error().message.find("no-such-queue") != std::string::npos);
  CHECK(missing.state(deadline()).problem() == PrinterProblem::no_such_queue);
  f.cups.admin({"cupsreject", f.queue});
  auto rejected = f.printer().submit(doc, deadline());
  REQUIRE_FALSE(rejected);
  CHECK(rejected.error().code == ErrorCode::conflict);
  CHECK(rejected.error().message.find("receipt") != std::string::npos);
  f.cups.stop();
  auto down = f.printer().submit(doc, deadline());
  REQUIRE_FALSE(down);
  CHECK(down.error().code == ErrorCode::unavailable);
  CHECK(down.error().message.find(f.cups.server()) != std::string::npos);
}

TEST_CASE("a server that accepts and never answers costs one deadline, not minutes", "[print][fault]") {
  SilentServer silent;
  print::CupsPrinter printer("receipt", {"127.0.0.1", silent.port()});
  const auto started = std::chrono::steady_clock::now();
  auto r = printer.submit({"t", std::string(4096, 'x'), "Custom.80x100mm"}, started + 500ms);
  const auto took = std::chrono::steady_clock::now() - started;
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::unavailable);
  WARN("silent server: submit gave up after " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                                              << " ms: " << r.error().message);
  CHECK(took < 10s);  // one deadline and libcups' wait of up to 1 s for "100 Continue", not the minutes of its default
  const auto state = printer.state(std::chrono::steady_clock::now() + 500ms);
  CHECK(state.problem() == PrinterProblem::unreachable);
  Outcomes outcomes;
  {
    slip::PrintQueue queue(printer, outcomes.sink(), quick());
    const auto before = std::chrono::steady_clock::now();
    REQUIRE(queue.enqueue({"ticket-A001", {"t", "x", ""}, {}}));
    CHECK(std::chrono::steady_clock::now() - before < 500ms);  // the caller never waits for the call's deadline
    CHECK(within(10s, [&] { return outcomes.count(slip::PrintResult::failed) >= 1; }));
    CHECK(queue.status().printer.problem() == PrinterProblem::unreachable);
    CHECK(queue.status().waiting == 1);
  }  // the destructor returns within one call's deadline
  INFO(outcomes.last_reason());
  CHECK(outcomes.last_reason().find("127.0.0.1:" + std::to_string(silent.port())) != std::string::npos);
}

TEST_CASE("cupsd killed while a slip waits prints it exactly once after it is back", "[print][fault]") {
  PrintFixture f;
  auto printer = f.printer();
  Outcomes outcomes;
  slip::PrintQueue queue(printer, outcomes.sink(), quick());
  f.cups.admin({"cupsdisable", f.queue});  // the job is accepted and waits: killed mid-job
  REQUIRE(queue.enqueue(f.job(f.ticket(), "ticket-A023")));
  REQUIRE(within(10s, [&] { return outcomes.count(slip::PrintResult::failed) >= 1; }));  // accepted, not done
  f.cups.kill();
  CHECK(within(10s, [&] { return queue.status().printer.problem() == PrinterProblem::unreachable; }));
  CHECK(queue.status().waiting == 1);
  f.cups.start();
  f.cups.admin({"cupsenable", f.queue});
  queue.poke();
  REQUIRE(queue.wait_idle(10s));
  CHECK(outcomes.count(slip::PrintResult::printed) == 1);
  CHECK(f.cups.completed_jobs(f.queue) == 1);
}
