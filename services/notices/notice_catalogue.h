// SPDX-License-Identifier: Apache-2.0
#pragma once
// The 主动公开基本目录: what the central store has published (the newest version of each
// notice), by 五公开 category, newest first, with the dates a directory states. Pure: the store
// hands in what it published, hallctl and the API show it as text, JSON or CSV.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "notices/notice.h"

namespace hall::notices {

struct CatalogueEntry {
  Notice notice;                        // as published (masked, without representatives)
  Instant published_at;                 // when its newest version went out
  std::int64_t catalogue_version = 0;   // the publication that carried it
};

// 有效 while in force, 未施行 before its effective date, 已失效 from its 失效日期 (expires_on) on.
enum class InForce { in_force, not_yet, expired };
InForce in_force(const Notice& n, Date today);

struct CatalogueGroup {
  Category category = Category::decision;
  std::vector<CatalogueEntry> entries;  // newest date first, then by id
};

// Every category in the 五公开 order, empty ones included (the directory says 暂无).
std::vector<CatalogueGroup> build_catalogue(std::vector<CatalogueEntry> entries);

// For a person at a terminal: one block per category, one line per notice.
std::string catalogue_text(const std::vector<CatalogueGroup>& groups, Date today);
// One row per notice, the header in Chinese (the directory is the office's document).
std::string catalogue_csv(const std::vector<CatalogueGroup>& groups, Date today);
nlohmann::ordered_json catalogue_json(const std::vector<CatalogueGroup>& groups, Date today);

}  // namespace hall::notices
