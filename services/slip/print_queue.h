// SPDX-License-Identifier: Apache-2.0
#pragma once
// The slips waiting for a printer. enqueue() returns at once; one worker thread of its own submits
// each slip, follows the job to completion with its own deadlines, and when the printer cannot
// print, keeps the slip and tries again once the printer is back. A slip is printed once: a job the
// server accepted is followed, never submitted again, unless the server reports it lost, canceled
// or aborted. Every outcome goes to the OutcomeSink, so the queue can store it with the ticket.
//
// Its own thread rather than a WorkerPool job: the worker sleeps between retries and waits on the
// printer for seconds, which would hold a shared pool thread that guide loading needs.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "slip/printer.h"

namespace hall::slip {

struct SlipPrintJob {
  std::string ticket_id;
  PrintDocument document;
  std::string reprint_by;  // empty: the ticket's first slip; else the clerk who asked for a reprint
};

enum class PrintResult { printed, failed, reprinted };

struct PrintOutcome {
  std::string ticket_id;
  PrintResult result = PrintResult::printed;
  std::string reason;  // for failed: what a clerk can act on, naming the printer
  std::string by;      // for reprinted
  int job_id = 0;      // the print server's job, 0 when none was accepted
};

// Called on the print queue's thread; it must not block for long (store, or post to the UI queue).
using OutcomeSink = std::function<void(const PrintOutcome&)>;

struct PrintQueueOptions {
  std::chrono::milliseconds call_timeout{1000};         // each call to the printer
  std::chrono::milliseconds completion_timeout{15000};  // accepted → completed before "failed" is reported
  // Job state while it prints: every first_poll_interval at first (a receipt completes within a
  // few tens of ms), slower by as much every five looks, up to poll_interval.
  std::chrono::milliseconds first_poll_interval{10};
  std::chrono::milliseconds poll_interval{50};
  std::chrono::milliseconds retry_interval{500};        // printer state while it cannot print
  std::size_t max_waiting = 256;
};

struct PrintQueueStatus {
  PrinterState printer;
  std::size_t waiting = 0;
  std::string last_failure;  // empty once a slip printed after it
};

class PrintQueue {
 public:
  PrintQueue(Printer& printer, OutcomeSink sink, PrintQueueOptions options = {});
  ~PrintQueue();  // finishes the call in flight (bounded by its deadline); slips not printed are dropped
  PrintQueue(const PrintQueue&) = delete;
  PrintQueue& operator=(const PrintQueue&) = delete;

  // False when full or when this ticket's first slip is already waiting or printed.
  bool enqueue(SlipPrintJob job);
  PrintQueueStatus status() const;
  // The printer was repaired: try now rather than at the next retry.
  void poke();
  // Blocks until nothing waits or `timeout` passes (tests and shutdown).
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  struct Entry {
    SlipPrintJob job;
    int job_id = 0;  // accepted by the server: follow it, never submit again
    std::chrono::steady_clock::time_point accepted_at{};
    std::string reported;  // the last failure reported for this slip, so each is reported once
  };

  void run();
  bool attempt(Entry& e);  // true when done with (printed)
  void report_failure(Entry& e, const std::string& reason);
  void refresh_state();
  void pause(std::chrono::milliseconds d);
  Deadline deadline() const { return std::chrono::steady_clock::now() + options_.call_timeout; }

  Printer& printer_;
  OutcomeSink sink_;
  PrintQueueOptions options_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<Entry> waiting_;
  std::set<std::string> first_slips_;  // tickets whose first slip was taken
  PrinterState printer_state_;
  std::string last_failure_;
  bool poked_ = false, stopping_ = false, busy_ = false;
  std::thread worker_;
};

}  // namespace hall::slip
