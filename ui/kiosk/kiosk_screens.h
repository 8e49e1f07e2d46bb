// SPDX-License-Identifier: Apache-2.0
#pragma once
// The kiosk's screens by name: the one table a new screen is added to. The app's navigator holds
// routes by these names; the table says whether a route can be opened (or kept after the
// catalogue changed) and draws it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/screens.h"
#include "navigator.h"

namespace hall::ui {

// What the visitor has entered and what was fetched for them: the app owns it, screens read it.
struct KioskSession {
  std::string query;
  std::vector<std::size_t> results;
  std::vector<std::size_t> notice_results;  // indices into view.notices(): search finds notices too
  bool search_ready = false;
  std::optional<SearchExample> search_example;    // from the catalogue shown
  std::string guide_id;                           // the guide `guide` is (or will be) for
  std::optional<Result<catalogue::Guide>> guide;  // empty while it loads
  bool take_number_enabled = false;
  bool reactivate_enabled = false;
  bool sending_ticket = false;
  const TicketState* ticket = nullptr;       // the last 取号 or re-activation
  const slip::QrBlock* ticket_qr = nullptr;  // its status URL as QR modules
  int ticket_seconds_left = 0;               // before the ticket screen goes home by itself
  std::string reactivate_number;             // typed on the keypad so far
  bool read_aloud_enabled = false;           // the kiosk has a voice
  const ReadingState* reading = nullptr;     // the last 朗读
  std::string notice_address;                // the shown notice's phone address (KioskApp::notice_address)
  const slip::QrBlock* notice_qr = nullptr;  // that address as QR modules; null: none
  Date today{};                              // the hall's local date, this frame
};

struct ScreenContext {
  Frame& f;
  const CatalogueView& view;
  const KioskSession& session;
  Route& route;
  Area area;
};

struct KioskScreen {
  std::string_view name;
  // May a route to `arg` be opened, or kept when the catalogue changes?
  bool (*accepts)(const CatalogueView& view, const std::string& arg);
  Intent (*draw)(ScreenContext& c);
};

// Null for a name no screen has.
const KioskScreen* find_kiosk_screen(std::string_view name);

}  // namespace hall::ui
