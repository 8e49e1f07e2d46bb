// SPDX-License-Identifier: Apache-2.0
#pragma once
// The file an administrator hands over: one notice ("hallkiosk.notice/1") or a directory of them
// ("hallkiosk.notices/1", {"notices": [...]}). Untrusted bytes in, either every notice valid or
// every problem listed, one per line, each naming the notice and the JSON path.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "notices/notice.h"
#include "notices/notice_parser.h"

namespace hall::notices {

struct NoticeFile {
  std::vector<Notice> notices;
};

// Besides each notice's rules, a directory keeps its ids unique and its links whole: a 解读
// names a policy of the same file.
Result<NoticeFile> parse_notice_file(std::string_view bytes, Destination destination);

// Reads and parses a file; a file over 64 MiB is refused before it is read whole.
Result<NoticeFile> load_notice_file(const std::string& path, Destination destination);

}  // namespace hall::notices
