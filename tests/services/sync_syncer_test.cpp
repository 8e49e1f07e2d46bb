// SPDX-License-Identifier: Apache-2.0
// The Syncer's happy paths: first sync, 304, one changed guide, withdrawal, scheduled versions,
// key rotation; and its status, poll schedule and heartbeat.
#include <catch2/catch.hpp>

#include <set>

#include "sync/directory_fetcher.h"
#include "sync_fixture.h"

using namespace hall;
using namespace hall::test;
using sync::Refusal;
using sync::SyncOutcome;

namespace {

using Guides = std::vector<nlohmann::ordered_json>;

Guides three_guides() {
  return {valid_guide("G-A", "高龄津贴申领"), valid_guide("G-B", "残疾人证办理"), valid_guide("G-C", "老年优待证办理")};
}

}  // namespace

TEST_CASE("first sync applies the whole catalogue and records the trusted version", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == SyncOutcome::applied);
  CHECK(r->catalogue_version == 1);
  CHECK(r->objects_fetched == 3);
  CHECK(r->guides_inserted == 3);
  CHECK(r->bins_fetched == 3);  // G-A, G-B and G-C fall in three bins
  CHECK(r->requests == 7);      // manifest, 3 bins, 3 objects
  CHECK(r->bytes_fetched == h.fetcher.bytes_served);
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@1", "G-C@1"});
  auto status = h.syncer->status();
  REQUIRE(status);
  CHECK(status->catalogue_version == 1);
  CHECK(status->last_good_sync == h.clock.now());
  CHECK(status->data_age == std::chrono::seconds{0});
  CHECK_FALSE(status->stale);
  CHECK(status->last_error.empty());
}

TEST_CASE("a poll with nothing new costs one conditional request and no body", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  const auto served = h.fetcher.bytes_served;
  h.fetcher.requested.clear();
  h.clock.advance(std::chrono::minutes{5});
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == SyncOutcome::not_modified);
  CHECK(r->bytes_fetched == 0);
  CHECK(h.fetcher.requested == std::vector<std::string>{"manifest.json"});
  CHECK(h.fetcher.bytes_served == served);
  CHECK(h.state().last_good_sync == h.clock.now());
}

TEST_CASE("the same manifest again from a server without ETags is nothing new", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  // Forget the ETag, as after a server that sends none.
  REQUIRE(h.store->database().exec("UPDATE sync_state SET manifest_etag = ''"));
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == SyncOutcome::unchanged);
  CHECK(r->objects_fetched == 0);
}

TEST_CASE("a one-guide change fetches exactly one bin and one object", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  auto guides = three_guides();
  guides[1] = valid_guide("G-B", "残疾人证办理（新规）", 2);
  h.pub.publish(guides, h.clock.now());
  h.fetcher.requested.clear();
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == SyncOutcome::applied);
  CHECK(r->objects_fetched == 1);
  CHECK(r->bins_fetched == 1);
  REQUIRE(h.fetcher.requested.size() == 3);
  CHECK(h.fetcher.requested[0] == "manifest.json");
  CHECK(h.fetcher.requested[1] == h.pub.bin_holding("G-B"));
  CHECK(h.fetcher.requested[2] == "objects/" + h.pub.entry_of("G-B")["hash"].get<std::string>() + ".json");
  CHECK(r->guides_removed == 1);  // G-B version 1 is no longer published
  // The hall now trusts exactly the bins the new manifest names.
  const auto bins = sync::load_trusted_bins(h.store->database());
  REQUIRE(bins);
  CHECK(bins->size() == 3);
  CHECK(bins->contains(h.pub.bin_holding("G-B").substr(5, 64)));
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@2", "G-C@1"});
  auto current = h.store->current_guide("G-B");
  REQUIRE(current);
  CHECK(current->name == "残疾人证办理（新规）");
}

TEST_CASE("a hall holding guides but no bins (upgraded from hallkiosk.manifest/1) fetches every bin and no object it holds",
          "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  REQUIRE(h.store->database().exec("DELETE FROM sync_bins"));  // what an upgraded hall's database holds
  auto guides = three_guides();
  guides[1] = valid_guide("G-B", "残疾人证办理（新规）", 2);
  h.pub.publish(guides, h.clock.now());
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->outcome == SyncOutcome::applied);
  CHECK(r->bins_fetched == 3);
  CHECK(r->objects_fetched == 1);
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@2", "G-C@1"});
  const auto bins = sync::load_trusted_bins(h.store->database());
  REQUIRE(bins);
  CHECK(bins->size() == 3);
}

TEST_CASE("a withdrawn guide disappears", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  auto guides = three_guides();
  guides.pop_back();
  h.pub.publish(guides, h.clock.now());
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->objects_fetched == 0);
  CHECK(r->guides_removed == 1);
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@1"});
  CHECK_FALSE(h.store->versions("G-C"));
}

TEST_CASE("a scheduled version switches on at its effective_from, offline", "[sync]") {
  SyncedHall h;
  auto guides = three_guides();
  auto next = valid_guide("G-A", "高龄津贴申领（2027年标准）", 2);
  next["effective_from"] = "2026-12-01T00:00:00+08:00";
  guides.push_back(next);
  h.pub.publish(guides, h.clock.now());
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->guides_inserted == 4);
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@1", "G-C@1"});

  h.fetcher.go_offline();
  h.clock.set(at("2026-11-30T15:59:59Z"));
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@1", "G-B@1", "G-C@1"});
  h.clock.set(at("2026-11-30T16:00:00Z"));  // midnight in Beijing
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@2", "G-B@1", "G-C@1"});
  CHECK(h.store->current_guide("G-A")->name == "高龄津贴申领（2027年标准）");
  const auto offline = h.sync();
  REQUIRE_FALSE(offline);
  CHECK(offline.error().reason == Refusal::unreachable);
  CHECK(h.current_ids() == std::vector<std::string>{"G-A@2", "G-B@1", "G-C@1"});
}

TEST_CASE("a key rotation signed by the trusted key is accepted", "[sync][keys]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  const auto second = make_signing_key();
  h.pub.rotate({second});
  h.pub.publish(three_guides(), h.clock.now());
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->key_rotations == 1);
  CHECK(h.state().keys_version == 2);

  SECTION("and the old key no longer signs") {
    h.pub.signers = {h.key};
    h.pub.keys_version = 2;
    h.pub.publish(three_guides(), h.clock.now());
    const auto old = h.sync();
    REQUIRE_FALSE(old);
    CHECK(old.error().reason == Refusal::unknown_key);
  }
  SECTION("and the new key does") {
    h.pub.publish(three_guides(), h.clock.now());
    CHECK(h.sync());
  }
}

TEST_CASE("several missed rotations are walked one signed step at a time", "[sync][keys]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  h.pub.rotate({make_signing_key()});
  h.pub.rotate({make_signing_key()});
  h.pub.rotate({make_signing_key()});
  h.pub.publish(three_guides(), h.clock.now());
  h.fetcher.requested.clear();
  const auto r = h.sync();
  REQUIRE(r);
  CHECK(r->key_rotations == 3);
  CHECK(h.state().keys_version == 4);
  CHECK(h.fetcher.requested == std::vector<std::string>{"manifest.json", "keys/2.json", "keys/3.json", "keys/4.json"});
}

TEST_CASE("a hall without a pinned key set refuses to sync", "[sync][keys]") {
  TempDir dir;
  ManualClock clock(at("2026-11-28T08:00:00Z"));
  auto store = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  REQUIRE(store);
  Publication pub = new_publication(make_signing_key());
  pub.publish(three_guides(), clock.now());
  FakeFetcher fetcher(pub.files);
  sync::Syncer syncer(*store, fetcher, clock, {FakeFetcher::base});
  const auto r = syncer.sync_once();
  REQUIRE_FALSE(r);
  CHECK(r.error().reason == Refusal::no_trusted_keys);
  CHECK(fetcher.requested.empty());
}

TEST_CASE("pinning the initial key set", "[sync][keys]") {
  TempDir dir;
  ManualClock clock(at("2026-11-28T08:00:00Z"));
  auto store = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  REQUIRE(store);
  const auto key = make_signing_key();
  const auto trusted = key_set_envelope(1, {key}, {key});
  auto& db = store->database();

  SECTION("a self-signed set is pinned, and pinning it again is harmless") {
    CHECK(sync::pin_trusted_keys(db, trusted, "trusted_keys.json") == 1);
    CHECK(sync::pin_trusted_keys(db, trusted, "trusted_keys.json") == 1);
  }
  SECTION("another set cannot replace a pinned one") {
    REQUIRE(sync::pin_trusted_keys(db, trusted, "trusted_keys.json"));
    const auto other = make_signing_key();
    const auto r = sync::pin_trusted_keys(db, key_set_envelope(1, {other}, {other}), "other.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::conflict);
  }
  SECTION("a set its own keys did not sign is refused") {
    const auto r = sync::pin_trusted_keys(db, key_set_envelope(1, {key}, {make_signing_key()}), "forged.json");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("forged.json"));
  }
}

TEST_CASE("the next poll is five minutes away, give or take a minute", "[sync]") {
  std::mt19937_64 rng(42);
  const Instant now = at("2026-11-28T08:00:00Z");
  std::set<std::int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    const auto wait = sync::next_poll(now, rng) - now;
    CHECK(wait >= std::chrono::seconds{240});
    CHECK(wait <= std::chrono::seconds{360});
    seen.insert(wait.count());
  }
  CHECK(seen.size() > 50);  // spread, so kiosks started together drift apart
}

TEST_CASE("the heartbeat carries the sync status", "[sync]") {
  SyncedHall h;
  h.pub.publish(three_guides(), h.clock.now());
  REQUIRE(h.sync());
  REQUIRE(h.syncer->send_heartbeat("http://publisher.test/api/heartbeat", "kiosk-1", "ok"));
  REQUIRE(h.fetcher.posts.size() == 1);
  const auto body = nlohmann::json::parse(h.fetcher.posts[0].second);
  CHECK(body["kiosk_id"] == "kiosk-1");
  CHECK(body["catalogue_version"] == 1);
  CHECK(body["last_good_sync"] == "2026-11-28T08:00:00Z");
  CHECK(body["last_error"] == "");
  CHECK(body["printer_state"] == "ok");
}

namespace {

std::vector<nlohmann::ordered_json> many_guides(int n) {
  std::vector<nlohmann::ordered_json> out;
  for (int i = 0; i < n; ++i) out.push_back(valid_guide("G-" + std::to_string(1000 + i), "办事指南" + std::to_string(i)));
  return out;
}

// A hall syncing from a published folder: DirectoryFetcher lets four objects be fetched at once.
struct FolderHall {
  TempDir dir;
  ManualClock clock{at("2026-11-28T08:00:00Z")};
  Publication pub = new_publication(make_signing_key());
  sync::DirectoryFetcher fetcher;
  std::unique_ptr<catalogue::CatalogueStore> store;

  FolderHall() {
    auto s = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
    REQUIRE(s);
    store = std::make_unique<catalogue::CatalogueStore>(std::move(*s));
    REQUIRE(sync::pin_trusted_keys(store->database(), pub.files.at("keys/1.json"), "trusted_keys.json"));
  }
  sync::SyncResult<sync::SyncReport> sync(int parallel) {
    sync::SyncOptions options{"file://" + dir.file("publish")};
    options.parallel_fetches = parallel;
    return sync::Syncer(*store, fetcher, clock, options).sync_once();
  }
};

}  // namespace

TEST_CASE("objects fetched in parallel are applied whole, in the manifest's order", "[sync][parallel]") {
  FolderHall h;
  REQUIRE(h.fetcher.max_parallel() > 1);
  h.pub.publish(many_guides(40), h.clock.now());
  h.pub.write_to(h.dir.file("publish"));
  auto r = h.sync(4);
  INFO((r ? "" : r.error().error.message));
  REQUIRE(r);
  CHECK(r->objects_fetched == 40);
  const auto payload = nlohmann::json::parse(nlohmann::json::parse(h.pub.files.at("manifest.json"))["signed"].get<std::string>());
  CHECK(r->bins_fetched == static_cast<int>(payload["bins"].size()));
  CHECK(r->requests == 1 + r->bins_fetched + 40);
  CHECK(r->guides_inserted == 40);
  auto current = h.store->current();
  REQUIRE(current);
  CHECK(current->size() == 40);
}

TEST_CASE("one bad object among parallel fetches refuses the whole attempt", "[sync][parallel]") {
  FolderHall h;
  h.pub.publish(many_guides(40), h.clock.now());
  auto& body = h.pub.files["objects/" + h.pub.entry_of(many_guides(40)[29]["id"].get<std::string>())["hash"].get<std::string>() + ".json"];
  body.back() = ' ';  // same length, other bytes
  h.pub.write_to(h.dir.file("publish"));
  auto r = h.sync(4);
  REQUIRE_FALSE(r);
  CHECK(r.error().reason == Refusal::hash_mismatch);
  auto current = h.store->current();
  REQUIRE(current);
  CHECK(current->empty());
  CHECK(sync::load_sync_state(h.store->database())->catalogue_version == 0);
}
