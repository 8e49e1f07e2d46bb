// SPDX-License-Identifier: Apache-2.0
#include "kiosk/notice_session.h"

#include "slip/qr_block.h"

namespace hall::ui {

void NoticeSession::set_hub_address(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  hub_address_ = std::move(url);
}

std::string NoticeSession::address(const CatalogueView& view, std::string_view id) const {
  if (id.empty()) return {};
  // The central store's page when the hall names it (one source for every hall, and a draft takes
  // opinions there); else the hall's own hub, whose page is read-only.
  const std::string& central = view.data() ? view.data()->hall.notice_url : std::string();
  if (!central.empty()) return central + "/n/" + std::string(id);
  const std::string& configured = view.data() ? view.data()->hall.public_base_url : std::string();
  const std::string& base = configured.empty() ? hub_address_ : configured;
  if (base.empty()) return {};
  return base + "/n/" + std::string(id);
}

std::vector<std::size_t> NoticeSession::find(const CatalogueView& view, std::string_view query) const {
  std::vector<std::size_t> out;
  if (!index_ || query.empty()) return out;
  const auto* base = view.notices().data();
  for (const auto& hit : index_->query(query)) {
    if (const auto* n = view.notice(hit.notice_id)) out.push_back(static_cast<std::size_t>(n - base));
  }
  return out;
}

void NoticeSession::show(const CatalogueView& view, const std::string& id) {
  const std::string url = address(view, id);
  if (id == shown_id_ && url == shown_address_) return;
  shown_id_ = id;
  shown_address_ = url;
  qr_.reset();
  if (url.empty()) return;
  if (auto qr = slip::make_qr_block(url, 0.0)) qr_ = std::move(*qr);
}

}  // namespace hall::ui
