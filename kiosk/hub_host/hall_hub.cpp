// SPDX-License-Identifier: Apache-2.0
#include "hub_host/hall_hub.h"

#include "data_dir.h"
#include "hub/hub_body.h"
#include "hub/hub_reply.h"

namespace hall::app {
namespace {

// Each open event stream (a board, a counter) holds one worker for as long as it is open, so the
// hub keeps many more workers than a service without streams; a worker waiting costs a stack.
constexpr std::size_t hub_workers = 96;
constexpr std::size_t hub_connections = 256;
constexpr std::size_t queue_connections = 8;

}  // namespace

Result<std::unique_ptr<HallHub>> HallHub::start(HubOptions options) {
  const auto dir = resolve_data_dir(options.data_dir);
  if (auto r = prepare_data_dir(dir); !r) return std::unexpected(r.error());
  auto hall = load_hall_config(dir.hall_config());
  if (!hall) return std::unexpected(hall.error());
  auto zone = TimeZone::load(hall->time_zone);
  if (!zone) return std::unexpected(zone.error());

  std::unique_ptr<HallHub> h(new HallHub());
  h->guides_ = std::make_unique<CatalogueGuides>(dir.catalogue_db(), h->clock_);
  h->notices_ = std::make_unique<CatalogueNotices>(dir.catalogue_db(), h->clock_);
  hub::HubSetup setup;
  setup.queue_db = dir.path + "/queue.db";
  setup.hall = std::move(*hall);
  setup.zone = std::move(*zone);
  setup.clock = &h->clock_;
  setup.random = &h->random_;
  setup.guides = [g = h->guides_.get()](const std::string& id) { return g->find(id); };
  setup.notices = [n = h->notices_.get()](const std::string& id, Date today) { return n->find(id, today); };
  setup.printer = std::move(options.printer);
  setup.reprint_requested = std::move(options.reprint_requested);
  setup.pin_cost = options.pin_cost;
  setup.connections = queue_connections;
  auto opened = hub::Hub::open(std::move(setup));
  if (!opened) return std::unexpected(opened.error());
  h->hub_ = std::move(*opened);
  h->router_ = std::make_unique<http::Router>(h->hub_->router());

  http::ServerOptions server;
  server.host = options.bind;
  server.port = options.port;
  server.workers = hub_workers;
  server.max_connections = hub_connections;
  server.max_body_bytes = hub::max_body_bytes;
  server.refusal = hub::plain_error;
  h->server_ = std::make_unique<http::HttpServer>(std::move(server), *h->router_);
  auto port = h->server_->start();
  if (!port) return std::unexpected(port.error());
  h->url_ = "http://" + options.bind + ":" + std::to_string(*port);
  h->hub_->set_own_address(h->url_);
  return h;
}

HallHub::~HallHub() { stop(); }

void HallHub::stop() {
  if (server_) server_->stop();
}

std::string HallHub::url() const { return url_; }
int HallHub::port() const { return server_ ? server_->port() : 0; }

http::Response HallHub::handle(http::Request request) const { return router_->handle(std::move(request)); }

}  // namespace hall::app
