// SPDX-License-Identifier: Apache-2.0
#pragma once
// Made-up tickets and notices over a real hall and guide: `hallctl slip render --sample`, the
// print test page, the benchmarks and the print tests all show the same thing.
#include <string>

#include "catalogue/guide.h"
#include "common/clock.h"
#include "hall/hall_config.h"
#include "slip/notice_slip.h"
#include "slip/ticket_slip.h"

namespace hall::slip {

SlipTicket sample_ticket(const catalogue::Guide& guide, const HallConfig& hall, Instant now);
// The guide's first materials, as if the clerk had ticked them missing.
NoticeRequest sample_notice(const catalogue::Guide& guide, const HallConfig& hall, Instant now);
// A short slip that shows the printer prints CJK, digits and a QR code: hallctl print-test.
Slip test_page(const HallConfig& hall, int width_mm, Language language = Language::zh_cn);

}  // namespace hall::slip
