// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hub's view of the hall's 政务公开 notices (catalogue.db beside hall.json), for the phone
// page /n/<id>: the notices in effect on a day, read once and kept for a short while, since a
// page asks for one notice and its links while the set changes only when a sync lands.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "hub/hub_setup.h"

namespace hall::app {

class CatalogueNotices {
 public:
  // `clock` must outlive this. A missing catalogue.db is no error: every page is then "not found".
  CatalogueNotices(std::string catalogue_db, const Clock& clock) : path_(std::move(catalogue_db)), clock_(&clock) {}
  std::optional<hub::NoticeBrief> find(const std::string& id, Date today);

 private:
  std::mutex mutex_;
  std::string path_;
  const Clock* clock_;
  std::unique_ptr<catalogue::CatalogueStore> store_;
  std::vector<notices::Notice> current_;
  std::optional<Date> read_for_;
  std::chrono::steady_clock::time_point read_at_;
};

}  // namespace hall::app
