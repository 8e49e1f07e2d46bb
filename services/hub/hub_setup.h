// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a hub is made of, given by the process that runs it (hallctl serve, hallkiosk): the hall,
// its queue.db, a clock, randomness, and the catalogue and printer it can only ask about.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "notices/notice.h"
#include "notices/notice_html.h"
#include "queue/random_source.h"
#include "queue/staff_registry.h"

namespace hall::hub {

// What the hub needs of a guide: its queue group, and for the phone page its name and what to
// bring. Looked up in the catalogue by the process; the hub holds no catalogue itself.
struct GuideBrief {
  struct Item {
    std::string name, name_en;
    bool required = true;
    std::optional<int> originals, copies;
  };
  std::string id, name, name_en, queue_group;
  std::vector<Item> materials;
};
using GuideLookup = std::function<std::optional<GuideBrief>(const std::string& guide_id)>;

// A notice in effect in the hall today for its phone page (/n/<id>), with the notices it links to:
// a policy's 解读, an interpretation's policy. Looked up in the hall's catalogue by the process.
struct NoticeBrief {
  notices::Notice notice;
  std::vector<notices::NoticeLink> readings;
  std::optional<notices::NoticeLink> policy;
};
using NoticeLookup = std::function<std::optional<NoticeBrief>(const std::string& notice_id, Date today)>;

// The printer's state for /healthz: "ok", "none" (no printer configured), or what is wrong
// ("media-empty", "offline" ...).
using PrinterState = std::function<std::string()>;

// A clerk asked for a reprint meant for `device_id` (the kiosk that issued the ticket). The kiosk
// with this hub inside looks at its requests at once instead of at its next poll. Called after the
// request is stored, on a handler's thread; it must not block.
using ReprintBell = std::function<void(const std::string& device_id)>;

struct HubSetup {
  std::string queue_db;  // DIR/queue.db
  HallConfig hall;
  TimeZone zone = TimeZone::fixed("UTC", 0);
  const Clock* clock = nullptr;           // must outlive the hub
  queue::RandomSource* random = nullptr;  // must outlive the hub; used under the hub's lock
  GuideLookup guides;                     // may be empty: tickets by group only
  NoticeLookup notices;                   // may be empty: /n/<id> says there is no such notice
  PrinterState printer;                   // may be empty: "none"
  ReprintBell reprint_requested;          // may be empty: kiosks poll
  queue::PinCost pin_cost = queue::PinCost::interactive();
  std::size_t connections = 8;  // queue.db connections the handlers share
};

}  // namespace hall::hub
