// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's receipt printer: every ticket it issues is laid out (services/slip), rendered to PDF
// (platform/print) and put on a PrintQueue over the printer, off the UI thread; what becomes of it
// reaches the ticket screen through the run queue and the hub as a print outcome. Reprints clerks
// ask for are stored by the hub for the kiosk that issued the ticket: this desk asks the hub for
// them every couple of seconds (the same for a hub inside this kiosk or on another machine), and
// the hub inside this kiosk rings wake() so a reprint starts at once.
//
// Threads: one renders (layout + Cairo), the PrintQueue's own thread prints, and one talks to the
// hub (outcomes out, reprint requests in) and watches the printer while a slip waits.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "catalogue/guide.h"
#include "common/run_queue.h"
#include "common/time_zone.h"
#include "common/worker_pool.h"
#include "common/working_calendar.h"
#include "hall/hall_config.h"
#include "kiosk/ticket_request.h"
#include "slip/print_queue.h"
#include "slip/ticket_slip.h"

namespace hall::kiosk {

class HubLink;

// A guide by id, or nullopt; called on the desk's render thread and may block briefly.
using GuideFetch = std::function<std::optional<catalogue::Guide>(const std::string& id)>;
// The hall's working-day calendar, or nullopt (none, or it cannot be read); same thread and terms.
using CalendarFetch = std::function<std::optional<WorkingCalendar>()>;
// The slip of ticket `id` changed phase; runs on the UI thread.
using SlipNews = std::function<void(const std::string& ticket_id, ui::SlipPhase phase)>;

struct SlipDeskSetup {
  HallConfig hall;
  TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  GuideFetch guides;
  CalendarFetch calendar;  // empty: slips carry no date for the promised limit
  std::unique_ptr<slip::Printer> printer;  // null: this kiosk has no printer
  int width_mm = 80;
  slip::PrintQueueOptions queue;
  std::chrono::milliseconds reprint_poll{2000};
  std::chrono::milliseconds watch{100};  // how often the printer is looked at while a slip waits
  // With no queue configured: a server without a default destination means "no printer here",
  // said once on stderr, and tickets are shown without a slip.
  bool default_destination = false;
  // Where the printer's health() word is kept for `hallctl sync`'s heartbeat to the central store
  // (DIR/printer-state); "" = nowhere.
  std::string state_file;
};

class SlipDesk {
 public:
  SlipDesk(SlipDeskSetup setup, RunQueue& ui, SlipNews news);
  ~SlipDesk();
  SlipDesk(const SlipDesk&) = delete;
  SlipDesk& operator=(const SlipDesk&) = delete;

  // The hub to report to and ask for reprints; `hub` must outlive this desk (or stop() first).
  void set_hub(HubLink* hub);
  // UI thread: the first slip of a ticket just issued for `guide_id` ("" = a consultation). The
  // phase to show now: printing, or none when there is no printer here.
  ui::SlipPhase print_first(const ui::IssuedTicket& ticket, const std::string& guide_id);
  // Any thread: ask the hub for reprint requests now.
  void wake();
  // Any thread: "ok", "none" (no printer here) or the problem's code ("stopped", "media-empty" ...).
  std::string health() const;
  std::optional<slip::PrintQueueStatus> status() const;
  // Tests: every slip printed (or given up for now) and every outcome delivered to the hub.
  bool wait_settled(std::chrono::milliseconds timeout) const;
  void stop();

 private:
  struct Outgoing {
    slip::PrintOutcome outcome;
    std::optional<std::int64_t> request_id;
  };

  void outcome(const slip::PrintOutcome& o);  // the print queue's thread
  void render_and_enqueue(slip::SlipTicket ticket, std::string guide_id, std::string reprint_by);
  void hub_loop();
  bool deliver(const Outgoing& o);  // true: done with it (stored, or refused for good)
  void poll_reprints();
  void watch_printer();
  void check_default_destination();
  void tell_ui(const std::string& ticket_id, ui::SlipPhase phase);
  void keep_state();  // the hub thread

  SlipDeskSetup setup_;
  RunQueue& ui_;
  SlipNews news_;
  std::unique_ptr<slip::PrintQueue> queue_;
  WorkerPool render_{1};

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  HubLink* hub_ = nullptr;
  std::deque<Outgoing> outbox_;
  std::map<std::string, ui::SlipPhase> waiting_;               // tickets whose slip is not printed yet
  std::map<std::string, std::deque<std::int64_t>> reprints_;  // ticket → its reprint requests, in order
  std::set<std::int64_t> seen_requests_;
  int rendering_ = 0;
  std::string kept_state_;  // the hub thread
  bool no_printer_ = false, woken_ = false, stopping_ = false;
  std::thread hub_thread_;
};

// The slip's data from the hub's ticket (POST /api/v1/tickets, or a reprint request's "ticket").
slip::SlipTicket slip_ticket_of(const ui::IssuedTicket& t, const HallConfig& hall);

}  // namespace hall::kiosk
