// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_directory.h"

#include <algorithm>

#include "notices/notice_labels.h"

namespace hall::notices {
namespace {

DirectoryRow row_of(const Notice& n, Date today) {
  return DirectoryRow{
      n.id, n.kind, n.title, Text{n.issuer.name, n.issuer.name_en}, n.doc_no, n.date, n.comment_days_left(today)};
}

bool newer(const DirectoryRow& a, const DirectoryRow& b) {
  if (a.date != b.date) return b.date < a.date;
  return a.id < b.id;
}

}  // namespace

Directory build_directory(const std::vector<Notice>& notices, Date today) {
  Directory d;
  for (const auto& c : categories()) d.groups.push_back(DirectoryGroup{c.value, {}});
  for (const auto& n : notices) {
    auto row = row_of(n, today);
    if (n.open_for_comment(today)) d.open_drafts.push_back(row);
    for (auto& g : d.groups) {
      if (g.category == n.category) g.rows.push_back(row);
    }
  }
  std::sort(d.open_drafts.begin(), d.open_drafts.end(), [](const DirectoryRow& a, const DirectoryRow& b) {
    if (a.comment_days_left != b.comment_days_left) return a.comment_days_left < b.comment_days_left;
    return newer(a, b);
  });
  for (auto& g : d.groups) std::sort(g.rows.begin(), g.rows.end(), newer);
  return d;
}

}  // namespace hall::notices
