// SPDX-License-Identifier: Apache-2.0
// Guide sync at scale: a first sync of a 10,000-guide catalogue (time, bytes), a poll with
// nothing new (time, bytes) and a one-guide change (time to apply, bytes: timestamp, manifest of
// bin hashes, one bin, one object), through the
// DirectoryFetcher over a published temp folder and over real HTTP on 127.0.0.1 (HttpServer +
// HttpFetcher). Prints figures; asserts nothing about time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "catalogue/catalogue_store.h"
#include "http/http_fetcher.h"
#include "http/http_server.h"
#include "http/static_folder.h"
#include "support/sync_publisher.h"
#include "sync/directory_fetcher.h"
#include "sync/syncer.h"
#include "synthetic_catalogue.h"

namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;
using hall::test::Publication;

double ms_since(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

struct Bench {
  fs::path dir;
  Publication pub;
  std::vector<nlohmann::ordered_json> guides;
};

std::unique_ptr<hall::catalogue::CatalogueStore> new_hall(const Bench& b, const fs::path& data,
                                                         const hall::Clock& clock) {
  fs::remove_all(data);
  fs::create_directories(data);
  auto store = hall::catalogue::CatalogueStore::open((data / "catalogue.db").string(), clock);
  if (!store || !hall::sync::pin_trusted_keys(store->database(), b.pub.files.at("keys/1.json"), "keys/1.json")) {
    std::fprintf(stderr, "cannot set up the hall\n");
    std::exit(1);
  }
  return std::make_unique<hall::catalogue::CatalogueStore>(std::move(*store));
}

// `firsts` first syncs, each into a new hall; then polls and one-guide changes on the last one.
void run(Bench& b, const char* transport, hall::sync::Fetcher& fetcher, const std::string& url, int changes,
         int firsts, int parallel) {
  const fs::path data = b.dir / (std::string("hall-") + transport);
  hall::SystemClock clock;
  hall::sync::SyncOptions options{url};
  options.parallel_fetches = parallel;
  std::unique_ptr<hall::catalogue::CatalogueStore> store;
  std::unique_ptr<hall::sync::Syncer> kept;
  std::vector<double> first_ms;
  for (int i = 0; i < firsts; ++i) {
    kept.reset();
    store = new_hall(b, data, clock);
    kept = std::make_unique<hall::sync::Syncer>(*store, fetcher, clock, options);
    const auto t0 = Steady::now();
    auto first = kept->sync_once();
    first_ms.push_back(ms_since(t0));
    if (!first) {
      std::fprintf(stderr, "first sync: %s\n", first.error().error.message.c_str());
      std::exit(1);
    }
    if (i + 1 == firsts) {
      std::printf("[%s] first sync: %d guides, median %.0f ms, p99 %.0f ms (%d runs); %zu bytes in %d requests "
                  "(%.1f MiB)\n",
                  transport, first->guides_inserted, percentile(first_ms, 0.5), percentile(first_ms, 0.99), firsts,
                  first->bytes_fetched, first->requests, static_cast<double>(first->bytes_fetched) / 1048576.0);
    }
  }
  hall::sync::Syncer& syncer = *kept;
  auto t = Steady::now();

  std::vector<double> poll_ms;
  std::size_t poll_bytes = 0;
  for (int i = 0; i < 200; ++i) {
    t = Steady::now();
    auto r = syncer.sync_once();
    poll_ms.push_back(ms_since(t));
    if (!r || r->outcome != hall::sync::SyncOutcome::not_modified || r->requests != 1) {
      std::fprintf(stderr, "no-change poll did not answer 304\n");
      std::exit(1);
    }
    poll_bytes = r->bytes_fetched;
  }
  std::printf("[%s] no-change poll (304 to timestamp.json): median %.2f ms, p99 %.2f ms, %zu body bytes, 1 request "
              "(200 polls)\n",
              transport, percentile(poll_ms, 0.5), percentile(poll_ms, 0.99), poll_bytes);

  std::vector<double> change_ms;
  std::size_t change_bytes = 0, manifest_bytes = 0, timestamp_bytes = 0, bin_bytes = 0;
  int change_requests = 0;
  for (int i = 0; i < changes; ++i) {
    auto& g = b.guides[static_cast<std::size_t>(i * 7919) % b.guides.size()];
    g["version"] = g["version"].get<int>() + 1;
    g["name"] = g["name"].get<std::string>() + "（修订）";
    b.pub.publish(b.guides, clock.now());
    for (const auto& name : b.pub.last_written) write(b.dir / "publish" / name, b.pub.files.at(name));
    t = Steady::now();
    auto r = syncer.sync_once();
    change_ms.push_back(ms_since(t));
    if (!r || r->objects_fetched != 1 || r->bins_fetched != 1) {
      std::fprintf(stderr, "one-guide change: %s\n",
                   r ? "fetched more than one bin or object" : r.error().error.message.c_str());
      std::exit(1);
    }
    change_bytes = r->bytes_fetched;
    change_requests = r->requests;
    manifest_bytes = b.pub.files.at("manifest.json").size();
    timestamp_bytes = b.pub.files.at("timestamp.json").size();
    bin_bytes = b.pub.files.at(b.pub.bin_holding(g["id"].get<std::string>())).size();
  }
  std::printf(
      "[%s] one-guide change: median %.0f ms, p99 %.0f ms to verify and apply; %zu body bytes (timestamp %zu + "
      "manifest %zu + 1 bin %zu + 1 object), %d requests (%d changes)\n",
      transport, percentile(change_ms, 0.5), percentile(change_ms, 0.99), change_bytes, timestamp_bytes,
      manifest_bytes, bin_bytes, change_requests, changes);
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int changes = argc > 2 ? std::atoi(argv[2]) : 20;
  const int firsts = argc > 3 ? std::atoi(argv[3]) : 5;
  const std::string only = argc > 4 ? argv[4] : "";  // "folder" or "http": one transport (e.g. under perf)
  Bench b;
  b.dir = fs::temp_directory_path() / ("hallkiosk-sync-bench-" + std::to_string(getpid()));
  auto t = Steady::now();
  b.guides = nlohmann::ordered_json::parse(hall::bench::synthetic_catalogue(count))["guides"]
                 .get<std::vector<nlohmann::ordered_json>>();
  // As the central store publishes: a publisher key for content, a timestamp key for freshness.
  b.pub = hall::test::new_publication(hall::test::make_signing_key(), hall::test::make_signing_key());
  b.pub.publish(b.guides, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  b.pub.write_to((b.dir / "publish").string());
  std::uintmax_t object_bytes = 0, bin_bytes = 0;
  int bins = 0;
  for (const auto& [name, bytes] : b.pub.files) {
    if (name.starts_with("objects/")) object_bytes += bytes.size();
    if (name.starts_with("bins/")) {
      bin_bytes += bytes.size();
      ++bins;
    }
  }
  std::printf("published %d guides: manifest %zu bytes, %d bins %ju bytes, objects %.1f MiB, in %.0f ms\n", count,
              b.pub.files.at("manifest.json").size(), bins, bin_bytes, static_cast<double>(object_bytes) / 1048576.0,
              ms_since(t));

  hall::sync::DirectoryFetcher directory;
  if (only != "http") run(b, "folder", directory, "file://" + (b.dir / "publish").string(), changes, firsts, 4);
  if (only == "folder") {
    fs::remove_all(b.dir);
    return 0;
  }

  hall::http::Router routes;
  routes.get("/*", hall::http::static_folder((b.dir / "publish").string()));
  hall::http::HttpServer server({}, std::move(routes));
  if (auto port = server.start(); port) {
    // As it was: a connection per request, one object at a time; then kept-alive connections, 4 at once.
    hall::http::HttpFetcher one_by_one(1, false);
    run(b, "http, 1 connection per request", one_by_one, server.url(), changes, firsts, 1);
    hall::http::HttpFetcher http(4, true);
    run(b, "http, keep-alive, 4 parallel", http, server.url(), changes, firsts, 4);
    server.stop();
  } else {
    std::fprintf(stderr, "no HTTP server: %s\n", port.error().message.c_str());
  }
  fs::remove_all(b.dir);
  return 0;
}
