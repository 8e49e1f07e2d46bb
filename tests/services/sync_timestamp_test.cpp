// SPDX-License-Identifier: Apache-2.0
// The timestamp role (services/sync/timestamp.cpp and the Syncer's use of it): renewals keep a quiet
// hall fresh without the publisher key, a poll is one small request, and the manifest is fetched
// only when the timestamp names another one. The lies are rows of sync_attack_test.cpp.
#include <catch2/catch.hpp>

#include "sync/timestamp.h"
#include "sync_fixture.h"

using namespace hall;
using namespace hall::test;

namespace {

std::vector<nlohmann::ordered_json> guides() {
  return {valid_guide("G-A", "高龄津贴申领"), valid_guide("G-B", "残疾人证办理")};
}

}  // namespace

TEST_CASE("a quiet week: daily timestamps keep the hall fresh though the manifest expired", "[sync][timestamp]") {
  SyncedHall h(Freshness::with_timestamp);
  h.pub.publish(guides(), h.clock.now());
  auto first = h.sync();
  REQUIRE(first);
  CHECK(first->outcome == sync::SyncOutcome::applied);
  const auto manifest_expiry = h.clock.now() + h.pub.lifetime;
  for (int day = 1; day <= 10; ++day) {  // no publish: the manifest's own 7 days run out on day 7
    h.clock.advance(std::chrono::days{1});
    h.pub.stamp(h.clock.now());
    h.fetcher.requested.clear();
    auto r = h.sync();
    INFO("day " << day << ": " << (r ? "" : r.error().error.message));
    REQUIRE(r);
    CHECK(r->outcome == sync::SyncOutcome::renewed);
    CHECK(h.fetcher.requested == std::vector<std::string>{"timestamp.json"});  // the manifest is not fetched again
    auto status = h.syncer->status();
    REQUIRE(status);
    CHECK_FALSE(status->stale);
    CHECK(status->expires_at == h.clock.now() + h.pub.timestamp_lifetime);
  }
  CHECK(h.clock.now() > manifest_expiry);
  CHECK(h.state().timestamp_version == 11);
}

TEST_CASE("without renewals the timestamp runs out and the hall says it is stale", "[sync][timestamp]") {
  SyncedHall h(Freshness::with_timestamp);
  h.pub.publish(guides(), h.clock.now());
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::hours{25});
  auto r = h.sync();  // 304: the same timestamp, which has expired
  REQUIRE_FALSE(r);
  CHECK(r.error().reason == sync::Refusal::expired);
  auto status = h.syncer->status();
  REQUIRE(status);
  CHECK(status->stale);
  CHECK(h.current_ids().size() == 2);  // still serving the last good catalogue
}

TEST_CASE("a no-change poll is one conditional request for timestamp.json, answered 304", "[sync][timestamp]") {
  SyncedHall h(Freshness::with_timestamp);
  h.pub.publish(guides(), h.clock.now());
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::minutes{5});
  h.fetcher.requested.clear();
  const auto served = h.fetcher.bytes_served;
  auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == sync::SyncOutcome::not_modified);
  CHECK(r->requests == 1);
  CHECK(r->bytes_fetched == 0);
  CHECK(h.fetcher.requested == std::vector<std::string>{"timestamp.json"});
  CHECK(h.fetcher.bytes_served == served);
}

TEST_CASE("a publish is found through the timestamp: timestamp, manifest, the new bin, then the new object", "[sync][timestamp]") {
  SyncedHall h(Freshness::with_timestamp);
  h.pub.publish(guides(), h.clock.now());
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::minutes{5});
  auto next = guides();
  next[0] = valid_guide("G-A", "高龄津贴申领（新）", 2);
  h.pub.publish(next, h.clock.now());
  h.fetcher.requested.clear();
  auto r = h.sync();
  INFO((r ? "" : r.error().error.message));
  REQUIRE(r);
  CHECK(r->outcome == sync::SyncOutcome::applied);
  REQUIRE(h.fetcher.requested.size() == 4);
  CHECK(h.fetcher.requested[0] == "timestamp.json");
  CHECK(h.fetcher.requested[1] == "manifest.json");
  CHECK(h.fetcher.requested[2] == h.pub.bin_holding("G-A"));
  CHECK(h.fetcher.requested[3].starts_with("objects/"));
  CHECK(h.state().expires_at == h.clock.now() + h.pub.timestamp_lifetime);  // the timestamp's, not the manifest's
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@2", "G-B@1"});
}

TEST_CASE("a hall whose key set has no timestamp key gains the role by a signed rotation", "[sync][timestamp]") {
  SyncedHall h;  // key set 1: manifest only
  h.pub.publish(guides(), h.clock.now());
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::minutes{5});
  h.pub.timestamp_keys = h.pub.timestamp_signers = {h.timestamp_key};
  h.pub.rotate({h.key});  // set 2 authorises the timestamp key
  h.pub.publish(guides(), h.clock.now());
  auto r = h.sync();
  INFO((r ? "" : r.error().error.message));
  REQUIRE(r);
  CHECK(r->outcome == sync::SyncOutcome::applied);
  CHECK(h.state().keys_version == 2);
  CHECK(h.state().timestamp_version == h.pub.timestamp_version);
  h.clock.advance(std::chrono::minutes{5});
  h.pub.stamp(h.clock.now());
  auto renewed = h.sync();
  REQUIRE(renewed);
  CHECK(renewed->outcome == sync::SyncOutcome::renewed);
}

TEST_CASE("a key set may not name one key in both roles", "[sync][timestamp]") {
  const auto k = make_signing_key();
  const auto bytes = key_set_envelope(1, {k}, {k}, {k});
  auto set = sync::read_initial_key_set(bytes, "trusted_keys.json");
  REQUIRE_FALSE(set);
  CHECK(set.error().reason == sync::Refusal::malformed);
  CHECK_THAT(set.error().error.message, Catch::Contains("also a manifest key"));
}
