// SPDX-License-Identifier: Apache-2.0
#include "notices/notice.h"

#include <chrono>

namespace hall::notices {

bool Notice::open_for_comment(Date today) const {
  if (kind != NoticeKind::draft || !draft || draft->adoption) return false;
  return !(today < draft->comment_from) && !(draft->comment_to < today);
}

int Notice::comment_days_left(Date today) const {
  if (!open_for_comment(today)) return 0;
  using std::chrono::sys_days;
  return static_cast<int>((sys_days{draft->comment_to} - sys_days{today}).count()) + 1;
}

}  // namespace hall::notices
