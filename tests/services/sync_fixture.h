// SPDX-License-Identifier: Apache-2.0
#pragma once
// A hall with a catalogue store, a publisher it trusts, and a fake server between them.
#include <catch2/catch.hpp>

#include <memory>

#include "catalogue/catalogue_store.h"
#include "support/fake_fetcher.h"
#include "support/sample_guides.h"
#include "support/sync_publisher.h"
#include "support/temp_dir.h"
#include "sync/sync_state.h"
#include "sync/syncer.h"

namespace hall::test {

// Whether the pinned key set authorises a timestamp key (TUF's timestamp role) or not.
enum class Freshness { manifest_only, with_timestamp };

struct SyncedHall {
  TempDir dir;
  ManualClock clock{at("2026-11-28T08:00:00Z")};
  SigningKey key = make_signing_key();
  SigningKey timestamp_key = make_signing_key();  // authorised only in a with_timestamp hall
  Publication pub;
  FakeFetcher fetcher{pub.files};
  std::unique_ptr<catalogue::CatalogueStore> store;
  std::unique_ptr<sync::Syncer> syncer;

  explicit SyncedHall(Freshness freshness = Freshness::manifest_only)
      : pub(freshness == Freshness::with_timestamp ? new_publication(key, timestamp_key) : new_publication(key)) {
    auto s = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
    REQUIRE(s);
    store = std::make_unique<catalogue::CatalogueStore>(std::move(*s));
    REQUIRE(sync::pin_trusted_keys(store->database(), pub.files.at("keys/1.json"), "trusted_keys.json"));
    syncer = std::make_unique<sync::Syncer>(*store, fetcher, clock, sync::SyncOptions{FakeFetcher::base});
  }

  sync::SyncResult<sync::SyncReport> sync() { return syncer->sync_once(); }

  sync::SyncState state() {
    auto s = sync::load_sync_state(store->database());
    REQUIRE(s);
    return *s;
  }

  std::string exported() {
    auto e = store->export_current();
    REQUIRE(e);
    return *e;
  }

  std::vector<std::string> current_ids() {
    auto c = store->current();
    REQUIRE(c);
    std::vector<std::string> ids;
    for (const auto& g : *c) ids.push_back(g.id + "@" + std::to_string(g.version));
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

// Re-signs manifest.json after `change` edited its payload, as a publisher holding `signers` would.
template <class F>
void resign_manifest(Publication& pub, F change, const std::vector<SigningKey>& signers) {
  auto env = nlohmann::json::parse(pub.files.at("manifest.json"));
  auto payload = nlohmann::ordered_json::parse(env["signed"].get<std::string>());
  change(payload);
  pub.files["manifest.json"] = envelope(std::string(sync::manifest_format), payload.dump(), signers);
}

}  // namespace hall::test
