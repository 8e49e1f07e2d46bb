// SPDX-License-Identifier: Apache-2.0
#pragma once
// The 一次性告知单: what a visitor still has to bring, printed once at the counter, so that the
// next visit is the last one.
#include <string>
#include <vector>

#include "catalogue/guide.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "slip/slip.h"

namespace hall::slip {

// Built from the clerk's checklist on the counter screen.
struct NoticeRequest {
  std::string service_name;
  std::string guide_url;  // the guide on the visitor's phone, as a QR code
  catalogue::TimeLimit promised_limit;
  int window_number = 0;
  Instant date{};
  std::vector<catalogue::Material> missing;
};

struct NoticeOptions {
  PaperKind paper = PaperKind::a4;
  int roll_width_mm = 80;  // when paper is a roll
  Language language = Language::zh_cn;
};

Result<Slip> notice_slip(const NoticeRequest& request, const HallConfig& hall, const TimeZone& zone,
                         const NoticeOptions& options = {});

}  // namespace hall::slip
