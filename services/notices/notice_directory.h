// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the kiosk's 政务公开 screen lists, built from the notices in effect (NoticeStore::current):
// pure, so the screens can hold it without reaching the store.
#include <string>
#include <vector>

#include "common/working_calendar.h"
#include "notices/notice.h"

namespace hall::notices {

// The 政务公开 directory: drafts open for comment first (closing soonest first, with the days
// left), then every 五公开 category in order with its notices, newest first. Empty categories stay,
// so the screen can say so.
struct DirectoryRow {
  std::string id;
  NoticeKind kind = NoticeKind::announcement;
  Text title, issuer;
  std::string doc_no;
  Date date;
  int comment_days_left = 0;  // open drafts only
};
struct DirectoryGroup {
  Category category = Category::decision;
  std::vector<DirectoryRow> rows;
};
struct Directory {
  std::vector<DirectoryRow> open_drafts;
  std::vector<DirectoryGroup> groups;  // one per category, in the 五公开 order
};
Directory build_directory(const std::vector<Notice>& notices, Date today);

}  // namespace hall::notices
