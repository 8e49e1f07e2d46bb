// SPDX-License-Identifier: Apache-2.0
#include "slip/print_queue.h"

#include <algorithm>

namespace hall::slip {

PrintQueue::PrintQueue(Printer& printer, OutcomeSink sink, PrintQueueOptions options)
    : printer_(printer), sink_(std::move(sink)), options_(options), worker_([this] { run(); }) {}

PrintQueue::~PrintQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

bool PrintQueue::enqueue(SlipPrintJob job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || waiting_.size() >= options_.max_waiting) return false;
    if (job.reprint_by.empty() && !first_slips_.insert(job.ticket_id).second) return false;
    waiting_.push_back(Entry{std::move(job), 0, {}, {}});
  }
  changed_.notify_all();
  return true;
}

PrintQueueStatus PrintQueue::status() const {
  std::lock_guard lock(mutex_);
  return PrintQueueStatus{printer_state_, waiting_.size(), last_failure_};
}

void PrintQueue::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  changed_.notify_all();
}

bool PrintQueue::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return waiting_.empty() && !busy_; });
}

void PrintQueue::pause(std::chrono::milliseconds d) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, d, [&] { return stopping_ || poked_; });
  poked_ = false;
}

void PrintQueue::refresh_state() {
  PrinterState s = printer_.state(deadline());
  std::lock_guard lock(mutex_);
  printer_state_ = std::move(s);
}

void PrintQueue::report_failure(Entry& e, const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    last_failure_ = reason;
  }
  if (e.reported == reason) return;
  e.reported = reason;
  sink_(PrintOutcome{e.job.ticket_id, PrintResult::failed, reason, {}, e.job_id});
}

bool PrintQueue::attempt(Entry& e) {
  using std::chrono::steady_clock;
  const std::string where = "printer \"" + printer_.name() + "\": ";
  if (e.job_id == 0) {
    auto id = printer_.submit(e.job.document, deadline());
    if (!id) {
      report_failure(e, id.error().message);
      return false;
    }
    e.job_id = *id;
    e.accepted_at = steady_clock::now();
  }
  // The printer's state is looked at again while a job waits, so a printer stopped after the last
  // look (a disabled queue accepts jobs and holds them) shows on the screens within a retry
  // interval, not only once the completion deadline has passed; and once at once after the job was
  // accepted, so a printer stopped while the queue was idle shows as soon as a slip comes.
  auto looked = steady_clock::time_point{};
  int polls = 0;
  while (true) {
    if (steady_clock::now() - looked >= options_.retry_interval) {
      refresh_state();
      looked = steady_clock::now();
    }
    auto state = printer_.job_state(e.job_id, deadline());
    if (!state && state.error().code == ErrorCode::not_found) {  // the server lost it: submit again
      report_failure(e, where + "job " + std::to_string(e.job_id) + " was lost; the slip will be sent again");
      e.job_id = 0;
      return false;
    }
    if (!state) {
      report_failure(e, state.error().message);
      return false;  // keep the job id: the server may still print it when it is back
    }
    if (*state == JobState::completed) return true;
    if (*state == JobState::canceled || *state == JobState::aborted) {
      report_failure(e, where + "job " + std::to_string(e.job_id) + " " + to_string(*state) + "; sending it again");
      e.job_id = 0;
      return false;
    }
    if (steady_clock::now() - e.accepted_at > options_.completion_timeout) {
      refresh_state();
      const PrinterState s = status().printer;
      report_failure(e, where + "job " + std::to_string(e.job_id) + " still " + to_string(*state) +
                            (s.can_print() ? "" : std::string(" (") + to_string(s.problem()) + ")"));
      return false;
    }
    const auto step = std::min(options_.poll_interval, options_.first_poll_interval * (1 + polls++ / 5));
    std::unique_lock lock(mutex_);
    if (changed_.wait_for(lock, step, [&] { return stopping_; })) return false;
  }
}

void PrintQueue::run() {
  refresh_state();  // the screens show the printer's state before the first slip
  while (true) {
    Entry* head = nullptr;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      head = &waiting_.front();  // only this thread pops, so the reference stays valid
      busy_ = true;
    }
    if (attempt(*head)) {
      refresh_state();  // a fault that cleared shows as cleared
      PrintOutcome done{head->job.ticket_id,
                        head->job.reprint_by.empty() ? PrintResult::printed : PrintResult::reprinted,
                        {},
                        head->job.reprint_by,
                        head->job_id};
      {
        std::lock_guard lock(mutex_);
        last_failure_.clear();
        waiting_.pop_front();
        busy_ = false;
      }
      sink_(done);
      changed_.notify_all();
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
      if (stopping_) return;  // no last look at the printer: the destructor is waiting
    }
    refresh_state();
    pause(options_.retry_interval);
  }
}

}  // namespace hall::slip
