// SPDX-License-Identifier: Apache-2.0
#pragma once
// 政务公开 notices at scale beside the synthetic catalogue: every kind the format allows (policies
// with 文号 and their 解读, 通知公告, drafts open for comment and closed ones with an adoption
// report, meetings, measures' progress, replies to deputies, 权责清单), with Chinese titles and
// bodies of varied length, valid for publishing ("hallkiosk.notices/1").
#include <string>

#include "common/error.h"
#include "common/working_calendar.h"

namespace hall::bench {

// `count` distinct notices dated before `today`, all in effect on it: a quarter are policies (文号
// like 安居办发〔2023〕5号), a tenth drafts, one in four of those open for comment on `today`. The
// same arguments give the same bytes.
std::string synthetic_notices(int count, Date today);

struct SyntheticHall {
  int guides = 0, notices = 0;  // what the import stored
};
// Creates `catalogue_db` and imports `guides` synthetic guides and `notices` synthetic notices
// through the real import paths (CatalogueStore::import, parse_notice_file + NoticeStore::import),
// as hallctl and a kiosk's first start do.
Result<SyntheticHall> import_synthetic_hall(const std::string& catalogue_db, int guides, int notices, Date today);

}  // namespace hall::bench
