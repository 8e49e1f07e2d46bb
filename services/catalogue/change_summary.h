// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a new version of a guide changes, in the words a visitor reads the guide in: "办理材料：新增
// 「居住证」，不再需要「户口簿」；承诺时限：10 个工作日改为 5 个工作日；办理条件有调整。" with its
// English twin. The central store writes it into the published guide's change note (README,
// "Changed guides"); the kiosk shows it under the title. Pure: two validated guides in, text out.
#include <string>

#include "catalogue/guide.h"

namespace hall::catalogue {

struct ChangeSummary {
  // Both empty when nothing a visitor acts on changed: a fixed typo, punctuation or spacing, a
  // FAQ, the legal basis, search words, notes on a material.
  std::string zh, en;
  bool empty() const { return zh.empty(); }
};

// Compares what a visitor brings, may apply under, waits, pays, where and how often they go and
// the steps; text is compared without its spaces and punctuation. Each phrase stays within the
// change note's bounds (max_change_chars, max_change_en_chars): named materials give way to
// "办理材料有调整" when listing them would not fit.
ChangeSummary summarize_change(const Guide& before, const Guide& after);

}  // namespace hall::catalogue
