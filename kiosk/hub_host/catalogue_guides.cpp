// SPDX-License-Identifier: Apache-2.0
#include "hub_host/catalogue_guides.h"

#include <filesystem>

namespace hall::app {
namespace {

// A sync that changes a guide shows at the hub within this; a ticket for a guide that was just
// withdrawn is still issued in that time, which is harmless.
constexpr std::chrono::seconds keep_for{30};
constexpr std::size_t most_cached = 4096;

hub::GuideBrief brief_of(const catalogue::Guide& g) {
  hub::GuideBrief b;
  b.id = g.id;
  b.name = g.name;
  b.name_en = g.name_en;
  b.queue_group = g.queue_group;
  for (const auto& m : g.materials) {
    b.materials.push_back({m.name, m.name_en, m.necessity == catalogue::Necessity::required, m.originals, m.copies});
  }
  return b;
}

}  // namespace

std::optional<hub::GuideBrief> CatalogueGuides::find(const std::string& id) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (const auto it = cache_.find(id); it != cache_.end() && now - it->second.at < keep_for) return it->second.brief;
  if (!store_) {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) return std::nullopt;
    auto opened = catalogue::CatalogueStore::open(path_, *clock_);
    if (!opened) return std::nullopt;
    store_ = std::make_unique<catalogue::CatalogueStore>(std::move(*opened));
  }
  std::optional<hub::GuideBrief> brief;
  if (auto g = store_->current_guide(id)) brief = brief_of(*g);
  if (cache_.size() >= most_cached) cache_.clear();
  cache_[id] = {brief, now};
  return brief;
}

}  // namespace hall::app
