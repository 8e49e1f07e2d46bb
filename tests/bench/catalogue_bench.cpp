// SPDX-License-Identifier: Apache-2.0
// Import of a 10,000-guide catalogue (time, peak RSS, database size) and search latency per
// keystroke over it (median and p99). Prints figures; asserts nothing about time.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/utf8.h"
#include "synthetic_catalogue.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Every prefix of what a visitor types, one keystroke at a time.
std::vector<std::string> keystrokes(const std::string& query) {
  std::vector<std::string> out;
  std::string typed;
  for (const char32_t cp : hall::utf8::decode(query)) {
    hall::utf8::append(typed, cp);
    out.push_back(typed);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const auto dir = std::filesystem::temp_directory_path() / ("hallkiosk-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string db_path = (dir / "catalogue.db").string();

  auto t = Clock::now();
  const std::string text = hall::bench::synthetic_catalogue(count);
  std::printf("generated catalogue: %d guides, %.1f MiB JSON in %.0f ms\n", count,
              static_cast<double>(text.size()) / 1048576.0, ms_since(t));

  hall::SystemClock clock;
  t = Clock::now();
  auto file = hall::catalogue::parse_catalogue(text);
  if (!file) {
    std::fprintf(stderr, "%s\n", file.error().message.c_str());
    return 1;
  }
  const double parse_ms = ms_since(t);
  auto store = hall::catalogue::CatalogueStore::open(db_path, clock);
  if (!store) return 1;
  t = Clock::now();
  const auto report = store->import(*file);
  if (!report) {
    std::fprintf(stderr, "%s\n", report.error().message.c_str());
    return 1;
  }
  const double import_ms = ms_since(t);
  std::uintmax_t db_bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) db_bytes += e.file_size();
  const auto main_bytes = std::filesystem::file_size(db_path);
  std::printf("import: parse+validate %.0f ms, store (incl. pinyin + search terms) %.0f ms, total %.0f ms\n",
              parse_ms, import_ms, parse_ms + import_ms);
  std::printf("import: peak RSS %.1f MiB, database file %.1f MiB, with WAL and shm %.1f MiB\n",
              peak_rss_kib() / 1024.0, static_cast<double>(main_bytes) / 1048576.0,
              static_cast<double>(db_bytes) / 1048576.0);

  t = Clock::now();
  auto index = store->build_search_index();
  if (!index) return 1;
  std::printf("search index load from the store: %.0f ms for %zu guides\n", ms_since(t), index->guide_count());

  const std::vector<std::string> queries = {"gaolingjintie", "gljt", "高龄津贴", "低保", "zhongducanjiren",
                                            "changqihuli", "laonianrenyoudaizheng", "临时救助", "yinhang", "shiye",
                                            "安居街道", "cqhl", "银行卡"};
  std::vector<double> per_key, first_key, later_keys;
  std::size_t hits_total = 0;
  for (int round = 0; round < 30; ++round) {
    for (const auto& q : queries) {
      for (const auto& typed : keystrokes(q)) {
        const auto start = Clock::now();
        const auto hits = index->query(typed, 50);
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        per_key.push_back(us);
        (hall::utf8::length(typed) == 1 ? first_key : later_keys).push_back(us);
        hits_total += hits.size();
      }
    }
  }
  std::printf("search per keystroke over %d guides: median %.1f us, p99 %.1f us, max %.1f us (%zu keystrokes, "
              "%zu hits)\n",
              count, percentile(per_key, 0.5), percentile(per_key, 0.99), percentile(per_key, 1.0), per_key.size(),
              hits_total);
  std::printf("  first keystroke: median %.1f us, p99 %.1f us; later keystrokes: median %.1f us, p99 %.1f us\n",
              percentile(first_key, 0.5), percentile(first_key, 0.99), percentile(later_keys, 0.5),
              percentile(later_keys, 0.99));
  std::printf("peak RSS at end: %.1f MiB\n", peak_rss_kib() / 1024.0);
  std::filesystem::remove_all(dir);
  return 0;
}
