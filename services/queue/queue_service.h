// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall's queue as commands: issue, call next, recall, start, finish, no-show, cancel, transfer,
// re-activate, pause, resume. Each command is one BEGIN IMMEDIATE transaction on queue.db that also
// writes its event (and, for staff, its audit line); a ticket is committed before anyone learns
// its number. Clock, zone and randomness come in from outside; no sockets, no threads.
//
// One QueueService per thread (it holds one SQLite connection); several of them, in one process or
// many, may share one queue.db: the write lock orders their commands.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "queue/event_log.h"
#include "queue/queue_error.h"
#include "queue/random_source.h"
#include "queue/ticket.h"
#include "queue/ticket_store.h"
#include "storage/sqlite.h"

namespace hall::queue {

struct IssueRequest {
  std::string device_id;                // the kiosk that asks; idempotency keys belong to it
  std::string idempotency_key;          // 1-64 chars, or empty for none
  std::string group;                    // the queue group (the hub maps a guide to its group); empty: the default
  std::string guide_id;                 // kept for the phone page's "what to bring"
  std::optional<std::string> priority;  // a priority class id from hall.json
};

struct Issued {
  TicketView view;
  bool created = true;  // false: the same idempotency key and request again, the first ticket returned
};

// Who acts: a staff id (or a device id) and the window of their session.
struct Actor {
  std::string who;
  std::string window;
};

struct TransferTarget {
  std::string group;   // to another queue group, or
  std::string window;  // to one window (it alone may call the ticket)
};

struct WindowStatus {
  std::string id;
  bool paused = false;
  std::optional<Ticket> current;  // called or serving there now
};

struct GroupStatus {
  std::string id;
  int waiting = 0;
  std::optional<int> estimated_wait_s;  // for a ticket issued now
};

struct QueueOverview {
  std::vector<WindowStatus> windows;
  std::vector<GroupStatus> groups;
};

class QueueService {
 public:
  // `hall`, `clock` and `random` must outlive the service.
  static QueueResult<QueueService> open(const std::string& path, const HallConfig& hall, TimeZone zone,
                                        const Clock& clock, RandomSource& random);

  QueueResult<Issued> issue(const IssueRequest& request);
  // Several at once in one transaction, one fsync (the hub's group commit): each request in its
  // own savepoint, so a refused one changes nothing and the rest still commit. Results in order;
  // none is true before the commit, and a failed commit fails them all.
  std::vector<QueueResult<Issued>> issue_all(const std::vector<IssueRequest>& requests);
  // The right next ticket for the actor's window, or nullopt when none waits for it.
  QueueResult<std::optional<TicketView>> call_next(const Actor& actor);
  // Calls again; past the hall's recall limit the ticket becomes a no-show instead.
  QueueResult<TicketView> recall(const Actor& actor, std::int64_t ticket_id);
  QueueResult<TicketView> start(const Actor& actor, std::int64_t ticket_id);
  QueueResult<TicketView> finish(const Actor& actor, std::int64_t ticket_id);
  QueueResult<TicketView> no_show(const Actor& actor, std::int64_t ticket_id);
  QueueResult<TicketView> cancel(const Actor& actor, std::int64_t ticket_id);
  // Back to waiting in another group or for one window, keeping its number and its place.
  QueueResult<TicketView> transfer(const Actor& actor, std::int64_t ticket_id, const TransferTarget& to);
  // A no-show re-enters the queue, within the hall's time, some places behind the head.
  QueueResult<TicketView> reactivate(const std::string& token, const std::string& by);
  QueueResult<TicketView> reactivate_number(const std::string& number, const std::string& by);
  // 好差评, 1..5, once, after the ticket is done.
  QueueResult<TicketView> rate(const std::string& token, int level);
  QueueResult<void> pause(const Actor& actor);
  QueueResult<void> resume(const Actor& actor);

  QueueResult<TicketView> ticket(std::int64_t id);
  QueueResult<TicketView> ticket_by_token(const std::string& token);
  QueueResult<QueueOverview> overview();
  QueueResult<std::vector<QueueEvent>> events_after(std::int64_t after_id, int limit = 500);
  // The local day numbers are counted for now.
  QueueResult<std::string> today();

  const HallConfig& hall() const { return *hall_; }
  const TimeZone& zone() const { return zone_; }
  storage::Database& database() { return db_; }

 private:
  QueueService(storage::Database db, const HallConfig& hall, TimeZone zone, const Clock& clock, RandomSource& random)
      : db_(std::move(db)), hall_(&hall), zone_(std::move(zone)), clock_(&clock), random_(&random) {}

  struct TicketChange;
  // issue() inside a transaction the caller holds.
  QueueResult<Issued> issue_within(const IssueRequest& request);
  QueueResult<TicketView> change_ticket(const Actor& actor, std::int64_t ticket_id, const TicketChange& change);
  QueueResult<TicketView> reactivate_found(Result<std::optional<Ticket>> found, const std::string& what,
                                           const std::string& by);
  // The ticket a retried request already has (same device, key and day), if any.
  QueueResult<std::optional<Issued>> replay_idempotent(const IssueRequest& r, const std::string& day,
                                                       const std::string& hash);
  QueueResult<void> check_open(const std::string& group, const std::string& day);
  QueueResult<TicketView> view_of(const Ticket& t);
  QueueResult<void> set_paused(const Actor& actor, bool paused);
  void audit_refusal(const std::string& actor, const std::string& window, const std::string& action,
                     const QueueError& why);
  std::string status_url(const std::string& token) const;

  storage::Database db_;
  const HallConfig* hall_;
  TimeZone zone_;
  const Clock* clock_;
  RandomSource* random_;
};

}  // namespace hall::queue
