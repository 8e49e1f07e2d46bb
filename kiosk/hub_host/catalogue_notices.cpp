// SPDX-License-Identifier: Apache-2.0
#include "hub_host/catalogue_notices.h"

#include <filesystem>

#include "notices/notice_store.h"

namespace hall::app {
namespace {

// A sync that changes a notice shows on the phone page within this.
constexpr std::chrono::seconds keep_for{30};

}  // namespace

std::optional<hub::NoticeBrief> CatalogueNotices::find(const std::string& id, Date today) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (read_for_ != today || now - read_at_ >= keep_for) {
    if (!store_) {
      std::error_code ec;
      if (!std::filesystem::exists(path_, ec)) return std::nullopt;
      auto opened = catalogue::CatalogueStore::open(path_, *clock_);
      if (!opened) return std::nullopt;
      store_ = std::make_unique<catalogue::CatalogueStore>(std::move(*opened));
    }
    auto current = notices::NoticeStore(store_->database(), *clock_).current(today);
    // A read that fails keeps what was read before: the page stays up while a sync writes.
    if (current) current_ = std::move(*current);
    read_for_ = today;
    read_at_ = now;
  }
  const notices::Notice* found = nullptr;
  for (const auto& n : current_) {
    if (n.id == id) found = &n;
  }
  if (!found) return std::nullopt;
  hub::NoticeBrief brief{*found, {}, {}};
  for (const auto& n : current_) {
    if (n.kind == notices::NoticeKind::interpretation && n.interprets == id) brief.readings.push_back({n.id, n.title});
    if (found->kind == notices::NoticeKind::interpretation && n.id == found->interprets) brief.policy = {{n.id, n.title}};
  }
  return brief;
}

}  // namespace hall::app
