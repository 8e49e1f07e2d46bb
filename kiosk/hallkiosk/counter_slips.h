// SPDX-License-Identifier: Apache-2.0
#pragma once
// The counter's paper (ui::CounterSlipPort): a reprint asked of the hub as the signed-in clerk
// (through the CounterDesk, in turn with its other requests), and the 一次性告知单 laid out from
// the ticket's guide (the counter's catalogue.db) and the unticked materials, rendered on a worker
// and printed on the counter's printer through its own PrintQueue. Answers reach the UI thread
// through the run queue; nothing here blocks a frame.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "catalogue/guide.h"
#include "common/run_queue.h"
#include "common/time_zone.h"
#include "common/worker_pool.h"
#include "counter/counter_slips.h"
#include "hall/hall_config.h"
#include "hallkiosk/counter_desk.h"
#include "slip/notice_slip.h"
#include "slip/print_queue.h"

namespace hall::kiosk {

struct CounterSlipsSetup {
  HallConfig hall;
  TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  std::string window;                     // W3: its number goes on the 告知单
  std::string status_base;                // where /t/<token> is reached: the 告知单's QR code
  std::unique_ptr<slip::Printer> printer;  // the counter's printer
  slip::PrintQueueOptions queue;
  slip::NoticeOptions paper;              // A4 by default
  // The guide by id; called on the render worker.
  std::function<std::optional<catalogue::Guide>(const std::string& id)> guides;
};

class CounterSlips final : public ui::CounterSlipPort {
 public:
  CounterSlips(CounterSlipsSetup setup, CounterDesk& desk, RunQueue& ui);
  ~CounterSlips() override;
  void stop();

  void reprint(const std::string& number, std::function<void(ui::SlipNote)> reply) override;
  void print_notice(const ui::CounterTicket& ticket, const std::vector<ui::CounterMaterial>& missing,
                    std::function<void(ui::SlipNote)> reply) override;
  slip::PrinterProblem printer_problem() const override;
  // Tests: every notice printed or given up for now.
  bool wait_idle(std::chrono::milliseconds timeout) const { return queue_->wait_idle(timeout); }

 private:
  struct Waiting {
    std::string number;
    std::function<void(ui::SlipNote)> reply;
  };
  void outcome(const slip::PrintOutcome& o);  // the print queue's thread
  void answer(const std::function<void(ui::SlipNote)>& reply, ui::SlipNote note);

  CounterSlipsSetup setup_;
  CounterDesk& desk_;
  RunQueue& ui_;
  std::unique_ptr<slip::PrintQueue> queue_;
  WorkerPool render_{1};
  std::mutex mutex_;
  std::map<std::string, Waiting> waiting_;  // job key → who asked
  std::atomic<int> next_{1};
};

// The 告知单 of `ticket` for `missing`: each material as the guide has it (with its form, counts and
// issuing office), or as the counter's checklist has it when the guide is not in this catalogue.
slip::NoticeRequest notice_request(const ui::CounterTicket& ticket, const std::vector<ui::CounterMaterial>& missing,
                                   const std::optional<catalogue::Guide>& guide, const HallConfig& hall,
                                   const std::string& window, const std::string& guide_url, Instant date);

}  // namespace hall::kiosk
