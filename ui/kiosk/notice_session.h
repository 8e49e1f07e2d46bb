// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's 政务公开 state beside the guides': the notice search index (built after the first
// frame), the address rule for reading a notice on a phone, and the QR code of the notice shown,
// made once when its screen opens (never per frame).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/catalogue_view.h"
#include "notices/notice_search.h"
#include "slip/slip.h"

namespace hall::ui {

class NoticeSession {
 public:
  void set_index(std::shared_ptr<const notices::NoticeSearch> index) { index_ = std::move(index); }
  void set_hub_address(std::string url);

  // `<notice_url from hall.json>/n/<id>` (the central store's public page), else
  // `<public_base_url, else the hub's address>/n/<id>`; empty while none is known.
  std::string address(const CatalogueView& view, std::string_view id) const;
  // The notices `query` finds, as indices into view.notices(), best first; none for an empty query.
  std::vector<std::size_t> find(const CatalogueView& view, std::string_view query) const;
  // A notice's screen became current (or the address changed): its code is made for `id`.
  void show(const CatalogueView& view, const std::string& id);
  const std::string& shown_address() const { return shown_address_; }
  const slip::QrBlock* qr() const { return qr_ ? &*qr_ : nullptr; }
  const std::string& shown_id() const { return shown_id_; }

 private:
  std::shared_ptr<const notices::NoticeSearch> index_;
  std::string hub_address_;
  std::string shown_id_, shown_address_;
  std::optional<slip::QrBlock> qr_;
};

}  // namespace hall::ui
