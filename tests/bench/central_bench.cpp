// SPDX-License-Identifier: Apache-2.0
// The central store at scale: publish of a 10,000-guide catalogue (time, bytes written) and the
// manifest poll a kiosk makes every few minutes, full and no-change (bytes, median and p99 time);
// then 2,000 notices beside them: submit with the 去标识化 scan, review, publish, and over HTTP a
// notice's phone page, an opinion sent (each from its own made-up address, as many phones), and
// the 主动公开基本目录. Prints figures; asserts nothing about time.
//   central_bench [GUIDES] [POLLS] [NOTICES]
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
#include "notices/notice_file.h"
#include "common/rfc3339.h"
#include "synthetic_catalogue.h"
#include "synthetic_notices.h"

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

  // The notices, as an office publishes them.
  const int notice_count = argc > 3 ? std::atoi(argv[3]) : 2'000;
  const Date today{std::chrono::floor<std::chrono::days>(clock.now() + std::chrono::hours(8))};
  const std::string notice_file = bench::synthetic_notices(notice_count, today);
  t = Steady::now();
  auto notice_drafts = store->submit_notices("author", notice_file);
  if (!notice_drafts) return die(notice_drafts.error());
  std::size_t hits = 0;
  for (const auto& d : *notice_drafts) hits += d.hits.size();
  std::printf("notice submit: %d notices (%.1f MiB) scanned for personal data (%zu hits) in %.0f ms\n", notice_count,
              static_cast<double>(notice_file.size()) / 1048576.0, hits, ms_since(t));
  t = Steady::now();
  std::string open_draft, policy;
  for (const auto& d : *notice_drafts) {
    central::NoticeReviewDecision decision{true, "", "无涉密内容", {}};
    for (const auto& h : d.hits) decision.decisions.push_back({h, {notices::ReviewAction::mask, ""}});
    if (auto r = store->review_notice("reviewer", d.id, decision); !r) return die(r.error());
    if (d.kind == "policy" && policy.empty()) policy = d.notice_id;
  }
  std::printf("notice review: %zu approvals, every hit masked, in %.0f ms\n", notice_drafts->size(), ms_since(t));
  t = Steady::now();
  auto notice_report = store->publish("publisher", {});
  if (!notice_report) return die(notice_report.error());
  std::printf("notice publish: %zu notices in catalogue version %lld, %.1f MiB written in %.0f ms (fsync on)\n",
              notice_report->notices.size(), static_cast<long long>(notice_report->catalogue_version),
              static_cast<double>(notice_report->bytes_written) / 1048576.0, ms_since(t));
  auto published = store->published_notices();
  if (!published) return die(published.error());
  for (const auto& p : *published) {
    auto file = notices::parse_notice_file(p.body, notices::Destination::published);
    if (file && file->notices.size() == 1 && file->notices[0].open_for_comment(today)) {
      open_draft = p.id;
      break;
    }
  }
  if (open_draft.empty() || policy.empty()) return die({ErrorCode::corrupt, "no open draft or policy published"});

  central::CentralApi api(*store);
  std::mutex api_mutex;  // CentralApi is single-threaded; the server is not
  int phone = 0;
  http::Router routes;
  routes.add("*", "/api/*", [&](const http::Request& r) {
    const std::lock_guard lock(api_mutex);
    return api.handle(r);
  });
  routes.add("*", "/n/*", [&](const http::Request& r) {
    const std::lock_guard lock(api_mutex);
    http::Request from_a_phone = r;
    // Every opinion from another address, as phones across the street: the per-address limit
    // (5 in 10 minutes) would otherwise refuse all but five.
    if (r.method == "POST") {
      from_a_phone.remote_addr = "10.8." + std::to_string(phone / 250) + "." + std::to_string(phone % 250);
      ++phone;
    }
    return api.handle(from_a_phone);
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

  // A notice's page on a phone, an opinion sent, and the directory an administrator prints.
  const auto timed_get = [&](const std::string& path, int n, std::vector<double>& out, std::size_t& bytes,
                             const std::vector<std::pair<std::string, std::string>>& headers = {}) -> Result<void> {
    sync::FetchRequest get;
    get.url = server.url() + path;
    get.max_bytes = 64u << 20;
    for (int i = 0; i < n; ++i) {
      get.headers = headers;
      const auto start = Steady::now();
      auto res = fetcher.get(get);
      if (!res) return std::unexpected(res.error().error);
      if (res->status != 200) return fail(ErrorCode::corrupt, path + ": " + std::to_string(res->status));
      out.push_back(ms_since(start));
      bytes = res->body.size();
    }
    return {};
  };
  std::vector<double> draft_page, policy_page, sent, directory;
  std::size_t draft_bytes = 0, policy_bytes = 0, directory_bytes = 0;
  if (auto r = timed_get("/n/" + open_draft, polls, draft_page, draft_bytes); !r) return die(r.error());
  if (auto r = timed_get("/n/" + policy, polls, policy_page, policy_bytes); !r) return die(r.error());
  sync::FetchRequest post;
  post.url = server.url() + "/n/" + open_draft + "/comments";
  post.max_bytes = 1u << 20;
  post.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  const std::string opinion = "opinion=" + std::string(60, 'x') + "%E5%BB%BA%E8%AE%AE&contact=139";
  for (int i = 0; i < polls; ++i) {
    const auto start = Steady::now();
    auto res = fetcher.post(post, opinion);
    if (!res) return die(res.error().error);
    if (res->status != 201) return die({ErrorCode::corrupt, "comment: " + std::to_string(res->status)});
    sent.push_back(ms_since(start));
  }
  for (int i = 0; i < 20; ++i) {
    const std::string path = "/api/notice-catalogue";
    auto signed_headers = central::sign_admin_request(reviewer, "reviewer", "GET", path, "", clock.now());
    if (auto r = timed_get(path + "?format=csv", 1, directory, directory_bytes, signed_headers); !r) return die(r.error());
  }
  std::printf("notice page (open draft with its form): %zu bytes, median %.2f ms, p99 %.2f ms (%zu gets)\n", draft_bytes,
              percentile(draft_page, 0.5), percentile(draft_page, 0.99), draft_page.size());
  std::printf("notice page (policy, its 解读 looked up among %d): %zu bytes, median %.2f ms, p99 %.2f ms\n",
              notice_count, policy_bytes, percentile(policy_page, 0.5), percentile(policy_page, 0.99));
  std::printf("opinion sent (POST → receipt page, durable): median %.2f ms, p99 %.2f ms (%zu opinions)\n",
              percentile(sent, 0.5), percentile(sent, 0.99), sent.size());
  std::printf("主动公开基本目录 as CSV (%d notices): %zu bytes, median %.1f ms, p99 %.1f ms (%zu gets)\n", notice_count,
              directory_bytes, percentile(directory, 0.5), percentile(directory, 0.99), directory.size());
  server.stop();
  std::filesystem::remove_all(dir);
  return 0;
}
