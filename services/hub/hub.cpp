// SPDX-License-Identifier: Apache-2.0
#include "hub/hub.h"

#include "hub/hub_body.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"

namespace hall::hub {

// One random source for every lane: the hub's handlers run on many threads, and a source given by
// a test need not be thread-safe.
class Hub::LockedRandom final : public queue::RandomSource {
 public:
  explicit LockedRandom(queue::RandomSource& inner) : inner_(&inner) {}
  void fill(std::uint8_t* out, std::size_t size) override {
    std::lock_guard lock(mutex_);
    inner_->fill(out, size);
  }

 private:
  std::mutex mutex_;
  queue::RandomSource* inner_;
};

Result<std::unique_ptr<Hub>> Hub::open(HubSetup setup) {
  if (setup.clock == nullptr || setup.random == nullptr) throw std::logic_error("Hub::open: a clock and randomness");
  std::unique_ptr<Hub> hub(new Hub(std::move(setup)));
  hub->random_ = std::make_unique<LockedRandom>(*hub->setup_.random);
  const std::size_t n = std::max<std::size_t>(1, hub->setup_.connections);
  for (std::size_t i = 0; i < n; ++i) {
    auto q = queue::QueueService::open(hub->setup_.queue_db, hub->setup_.hall, hub->setup_.zone,
                                       *hub->setup_.clock, *hub->random_);
    if (!q) return std::unexpected(q.error().error);
    hub->lanes_.add(std::make_unique<Lane>(std::move(*q), hub->setup_.hall, *hub->setup_.clock, *hub->random_,
                                           hub->setup_.pin_cost));
  }
  return hub;
}

void Hub::set_own_address(const std::string& url) {
  std::lock_guard lock(address_mutex_);
  own_address_ = url;
}

std::string Hub::status_base() const {
  if (!setup_.hall.public_base_url.empty()) return setup_.hall.public_base_url;
  std::lock_guard lock(address_mutex_);
  return own_address_;
}

std::optional<GuideBrief> Hub::guide(const std::string& id) const {
  if (!setup_.guides || id.empty()) return std::nullopt;
  return setup_.guides(id);
}

std::optional<NoticeBrief> Hub::notice(const std::string& id, Date today) const {
  if (!setup_.notices || id.empty()) return std::nullopt;
  return setup_.notices(id, today);
}

std::string Hub::printer_state() const { return setup_.printer ? setup_.printer() : "none"; }

http::Router Hub::router() {
  http::Router router(plain_error);
  add_ticket_routes(router, *this);
  add_counter_routes(router, *this);
  add_board_routes(router, *this);
  add_phone_routes(router, *this);
  add_print_routes(router, *this);
  add_notice_routes(router, *this);
  return router;
}

queue::QueueResult<Caller> authenticate(Lane& lane, const http::Request& request) {
  const std::string token = bearer_token(request);
  if (token.empty()) return queue::refuse(queue::Refusal::unauthenticated, "no bearer token in Authorization");
  if (token.size() > 256) return queue::refuse(queue::Refusal::unauthenticated, "the token is not one the hub issued");
  Caller c;
  if (auto d = lane.devices.authenticate(token)) {
    c.device = std::move(*d);
    return c;
  } else if (d.error().reason != queue::Refusal::unauthenticated) {
    return std::unexpected(d.error());
  }
  auto s = lane.staff.session(token);
  if (!s) return std::unexpected(s.error());
  c.session = std::move(*s);
  return c;
}

}  // namespace hall::hub
