// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ticket slip (排队凭条) the kiosk prints for every number it issues.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/guide.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "common/working_calendar.h"
#include "hall/hall_config.h"
#include "slip/slip.h"

namespace hall::slip {

// What the queue knows about a ticket when it is issued. Plain data, so the queue can feed it.
struct SlipTicket {
  std::string id;      // the ticket's id in the queue (not printed)
  std::string number;  // "A023"
  std::string group_name, service_name;
  Instant issued_at{};
  int ahead = 0;
  std::optional<int> estimated_wait_s;
  std::string status_url;  // the phone page /t/<token>, as a QR code
};

struct TicketSlipOptions {
  int width_mm = 80;  // 80 or 58
  Language language = Language::zh_cn;
  std::size_t max_materials = 8;  // beyond it: "其余材料请扫码查看"
  // The service's promised limit and the hall's calendar: the slip says the date it comes to for a
  // request made on the day of the ticket ("今日受理，预计 12月11日前办结"), as the guide screen does.
  // Either missing: no such line (never a date counted without the holidays).
  std::optional<catalogue::TimeLimit> promised = std::nullopt;
  const WorkingCalendar* calendar = nullptr;
};

// `materials`: the guide's materials; only the required ones are listed.
Result<Slip> ticket_slip(const SlipTicket& ticket, const HallConfig& hall,
                         const std::vector<catalogue::Material>& materials, const TimeZone& zone,
                         const TicketSlipOptions& options = {});

// "2026-12-01 09:05" in the hall's zone.
std::string local_minutes(Instant t, const TimeZone& zone);

// A roll is 80 or 58 mm wide; anything else is refused with a message that names the value.
Result<void> check_roll_width(int width_mm);

}  // namespace hall::slip
