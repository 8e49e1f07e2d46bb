// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hub's view of the hall's catalogue (catalogue.db beside hall.json): a guide's queue group,
// name and materials. One read-only connection behind a lock, with a short cache, because the
// catalogue changes only when a sync lands and a ticket needs just a few fields of one guide.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "hub/hub_setup.h"

namespace hall::app {

class CatalogueGuides {
 public:
  // `clock` must outlive this. A missing catalogue.db is no error: the hub then issues by group only.
  CatalogueGuides(std::string catalogue_db, const Clock& clock) : path_(std::move(catalogue_db)), clock_(&clock) {}
  std::optional<hub::GuideBrief> find(const std::string& id);

 private:
  struct Cached {
    std::optional<hub::GuideBrief> brief;
    std::chrono::steady_clock::time_point at;
  };
  std::mutex mutex_;
  std::string path_;
  const Clock* clock_;
  std::unique_ptr<catalogue::CatalogueStore> store_;
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace hall::app
