// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall hub as a running service: hall.json, queue.db and catalogue.db of one data folder, the
// hub's routes, and the HTTP server carrying them. `hallctl serve` runs it alone; hallkiosk runs
// it inside itself (the embedded default) and also calls its router in-process.
#include <memory>
#include <string>

#include "common/clock.h"
#include "common/error.h"
#include "common/http_router.h"
#include "hub_host/catalogue_guides.h"
#include "hub_host/catalogue_notices.h"
#include "hub/hub.h"
#include "http/http_server.h"
#include "queue/random_source.h"

namespace hall::app {

struct HubOptions {
  std::string data_dir;
  std::string bind = "127.0.0.1";
  int port = 8470;  // 0: any free port
  hub::PrinterState printer;
  hub::ReprintBell reprint_requested;  // the kiosk with this hub inside: look at its reprints now
  queue::PinCost pin_cost = queue::PinCost::interactive();
};

class HallHub {
 public:
  // Opens the data folder and starts listening; the hub answers from then on.
  static Result<std::unique_ptr<HallHub>> start(HubOptions options);
  ~HallHub();
  HallHub(const HallHub&) = delete;
  HallHub& operator=(const HallHub&) = delete;

  std::string url() const;  // http://ADDR:PORT
  int port() const;
  // The same routes the server carries, for a caller in this process (no socket, same contract).
  http::Response handle(http::Request request) const;
  hub::Hub& hub() { return *hub_; }
  void stop();

 private:
  HallHub() = default;
  SystemClock clock_;
  queue::SodiumRandom random_;
  std::unique_ptr<CatalogueGuides> guides_;
  std::unique_ptr<CatalogueNotices> notices_;
  std::unique_ptr<hub::Hub> hub_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::HttpServer> server_;
  std::string url_;
};

}  // namespace hall::app
