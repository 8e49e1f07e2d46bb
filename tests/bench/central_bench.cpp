// SPDX-License-Identifier: Apache-2.0
// The central store at scale: publish of a 10,000-guide catalogue (time, bytes written) and the
// manifest poll a kiosk makes every few minutes, full and no-change (bytes, median and p99 time).
// Prints figures; asserts nothing about time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "central/central_api.h"
#include "central/central_store.h"
#include "http/http_fetcher.h"
#include "http/http_server.h"
#include "http/static_folder.h"
#include "synthetic_catalogue.h"

namespace {

using Steady = std::chrono::steady_clock;
using namespace hall;

double ms_since(Steady::time_point start) { return std::chrono::duration<double, std::milli>(Steady::now() - start).count(); }

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int die(const Error& e) {
  std::fprintf(stderr, "central_bench: %s\n", e.message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int polls = argc > 2 ? std::atoi(argv[2]) : 500;
  const auto dir = std::filesystem::temp_directory_path() / ("hallkiosk-central-bench-" + std::to_string(getpid()));
  const std::string data = (dir / "central").string();
  SystemClock clock;

  const std::string catalogue = bench::synthetic_catalogue(count);
  if (auto r = central::CentralStore::init(data, central::generate_key_pair(), clock); !r) return die(r.error());
  auto store = central::CentralStore::open(data, clock);
  if (!store) return die(store.error());
  const auto author = central::generate_key_pair(), reviewer = central::generate_key_pair(),
             publisher = central::generate_key_pair();
  using central::Role;
  (void)store->add_admin({"author", "a", author.public_key, {Role::author}}, "bench");
  (void)store->add_admin({"reviewer", "r", reviewer.public_key, {Role::reviewer}}, "bench");
  (void)store->add_admin({"publisher", "p", publisher.public_key, {Role::publisher}}, "bench");

  auto t = Steady::now();
  auto drafts = store->submit("author", catalogue);
  if (!drafts) return die(drafts.error());
  std::printf("submit: %d guides (%.1f MiB) as drafts with diffs in %.0f ms\n", count,
              static_cast<double>(catalogue.size()) / 1048576.0, ms_since(t));
  t = Steady::now();
  for (const auto& d : *drafts) {
    if (auto r = store->review("reviewer", d.id, {true, "", "无涉密内容"}); !r) return die(r.error());
  }
  std::printf("review: %d approvals in %.0f ms\n", count, ms_since(t));

  t = Steady::now();
  auto report = store->publish("publisher", {});
  if (!report) return die(report.error());
  std::printf("publish: catalogue version %lld, %d objects, %.1f MiB written (manifest %.2f MiB) in %.0f ms "
              "(fsync on)\n",
              static_cast<long long>(report->catalogue_version), report->objects_written,
              static_cast<double>(report->bytes_written) / 1048576.0,
              static_cast<double>(report->manifest_bytes) / 1048576.0, ms_since(t));

  central::CentralApi api(*store);
  std::mutex api_mutex;  // CentralApi is single-threaded; the server is not
  http::Router routes;
  routes.add("*", "/api/*", [&](const http::Request& r) {
    const std::lock_guard lock(api_mutex);
    return api.handle(r);
  });
  routes.get("/*", http::static_folder(store->publish_dir()));
  http::HttpServer server({}, std::move(routes));
  if (auto r = server.start(); !r) return die(r.error());
  http::HttpFetcher fetcher;
  sync::FetchRequest req;
  req.url = server.url() + "/manifest.json";
  req.max_bytes = 64u << 20;

  std::vector<double> full, unchanged;
  std::string etag;
  std::size_t full_bytes = 0, unchanged_bytes = 0;
  for (int i = 0; i < std::max(1, polls / 10); ++i) {
    t = Steady::now();
    auto res = fetcher.get(req);
    if (!res) return die(res.error().error);
    full.push_back(ms_since(t));
    full_bytes = res->body.size();
    etag = res->etag;
  }
  req.if_none_match = etag;
  for (int i = 0; i < polls; ++i) {
    t = Steady::now();
    auto res = fetcher.get(req);
    if (!res) return die(res.error().error);
    if (res->status != 304) return die({ErrorCode::corrupt, "expected 304, got " + std::to_string(res->status)});
    unchanged.push_back(ms_since(t));
    unchanged_bytes = res->body.size();
  }
  std::printf("full manifest poll: %zu body bytes, median %.2f ms, p99 %.2f ms (%zu polls)\n", full_bytes,
              percentile(full, 0.5), percentile(full, 0.99), full.size());
  std::printf("no-change poll (If-None-Match → 304): %zu body bytes, median %.3f ms, p99 %.3f ms (%d polls)\n",
              unchanged_bytes, percentile(unchanged, 0.5), percentile(unchanged, 0.99), polls);
  server.stop();
  std::filesystem::remove_all(dir);
  return 0;
}
