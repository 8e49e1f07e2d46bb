// SPDX-License-Identifier: Apache-2.0
// The kiosk under a real X server (Xvfb + Mesa llvmpipe, no GPU): start to the first presented
// frame on the demo hall and on a 10,000-guide hall, warm and after dropping the page cache (when
// this process may), CPU time to build a frame (ImGui's NewFrame..Render only: median, p99) for
// home, a long list and a guide, the font atlas's build time and texture size, the search index
// built after the first frame, PSS from /proc/PID/smaps_rollup, and the CPU an idle kiosk uses.
// Prints figures; asserts nothing about time. Usage: kiosk_bench [idle-seconds]
//
// kiosk_bench notices [idle-seconds]: 10,000 guides beside 2,000 synthetic notices against 10,000
// guides alone: first frame, the first frame of the 政务公开 directory and of a notice (start to
// presented, and the frame's build CPU), what the notices add to the catalogue load (read + parse +
// directory) and to the index built after the first frame, search per keystroke (the work of one
// keystroke at the kiosk: the guides' index and the notices' index queried, median and p99 over
// typed pinyin, initials and 文号 initials with digits), and PSS of the idle kiosk.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_figures.h"
#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/time_zone.h"
#include "kiosk_runner.h"
#include "notices/notice_directory.h"
#include "notices/notice_search.h"
#include "notices/notice_store.h"
#include "support/child_process.h"
#include "synthetic_catalogue.h"
#include "synthetic_notices.h"
#include "xvfb_server.h"

namespace {

using namespace hall::test;
using Steady = std::chrono::steady_clock;

constexpr int cold_runs = 5;
constexpr int frame_count = 300;

// "timing: a=1 b=2 ..." lines of hallkiosk --timings, as key -> text value.
std::map<std::string, std::string> timings(const std::string& err) {
  std::map<std::string, std::string> out;
  std::istringstream lines(err);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("timing: ")) continue;
    std::istringstream words(line.substr(8));
    std::string word;
    while (words >> word) {
      const auto eq = word.find('=');
      if (eq != std::string::npos) out[word.substr(0, eq)] = word.substr(eq + 1);
    }
  }
  return out;
}

double num(const std::map<std::string, std::string>& t, const std::string& key) {
  const auto it = t.find(key);
  return it == t.end() ? -1.0 : std::atof(it->second.c_str());
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

std::vector<std::string> kiosk_args(const std::string& display, const std::string& data) {
  return {"/usr/bin/env", "DISPLAY=" + display, HALLKIOSK_PATH, "--data", data, "--windowed", "1920x1080"};
}

ProcessResult run_kiosk(const std::string& display, const std::string& data, std::vector<std::string> extra) {
  std::vector<std::string> args = {"--data", data, "--windowed", "1920x1080"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_hallkiosk(display, args);
}

// The page cache holds the font file and the database after the first run; a kiosk that boots
// has neither. Needs root and a writable /proc/sys (not in every container).
bool drop_page_cache() {
  ::sync();
  std::ofstream drop("/proc/sys/vm/drop_caches");
  drop << "3\n";
  drop.flush();
  return static_cast<bool>(drop);
}

// The kiosk as a visitor meets it: no --frames, so its hub and its voice start beside the first
// frame (a batch run opens them before it, for pictures). Launch -> "ready" (written once the
// first frame is presented), the stderr file polled every millisecond; then SIGTERM for --timings.
struct LiveStart {
  double ready_ms = -1;
  std::map<std::string, std::string> t;
  std::string err;
};

LiveStart live_start(const std::string& display, const std::string& data, const std::string& scratch,
                     const std::string& screen = "home") {
  auto args = kiosk_args(display, data);
  args.insert(args.end(), {"--hub-port", "0", "--timings", "--screen", screen});
  LiveStart out;
  const auto start = Steady::now();
  ChildProcess kiosk(args, scratch + "/start.err", hall::test::ChildStdout::discard);
  while (Steady::now() - start < std::chrono::seconds(60)) {
    if (kiosk.stderr_text().find("hallkiosk: ready") != std::string::npos) {
      out.ready_ms = std::chrono::duration<double, std::milli>(Steady::now() - start).count();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kiosk.stop(std::chrono::seconds(5));
  out.err = kiosk.stderr_text();
  out.t = timings(out.err);
  return out;
}

void cold_start(const std::string& display, const std::string& label, const std::string& data, bool drop_cache,
                const std::string& scratch) {
  std::vector<double> launch, first, window, role, catalogue, fonts, index;
  std::map<std::string, std::string> last;
  for (int i = 0; i < cold_runs; ++i) {
    if (drop_cache && !drop_page_cache()) {
      std::printf("%-11s start after dropping the page cache: not permitted here (/proc/sys/vm/drop_caches)\n",
                  label.c_str());
      return;
    }
    const LiveStart run = live_start(display, data, scratch);
    last = run.t;
    if (run.ready_ms < 0 || last.empty()) {
      std::printf("%s: hallkiosk did not start:\n%s\n", label.c_str(), run.err.c_str());
      return;
    }
    launch.push_back(run.ready_ms);
    first.push_back(num(last, "start_to_first_frame_ms"));
    window.push_back(num(last, "window_open_ms"));
    role.push_back(num(last, "role_setup_ms"));
    catalogue.push_back(num(last, "catalogue_load_ms"));
    fonts.push_back(num(last, "font_atlas_ms"));
    index.push_back(num(last, "after_first_frame_ms"));
  }
  std::printf(
      "%-11s %s start (median of %d): launch->first frame presented %.0f ms (of which: window and GL context %.0f "
      "ms, then ->first frame %.0f ms: role set-up %.0f ms with catalogue load %.0f ms, font atlas %.0f ms, "
      "texture %s, %s MiB one channel); body characters + search index after the first frame %.0f ms\n",
      label.c_str(), drop_cache ? "cold (page cache dropped)" : "warm", cold_runs, median(launch), median(window),
      median(first), median(role), median(catalogue), median(fonts), last["texture"].c_str(),
      last["texture_mib"].c_str(), median(index));
}

void frame_cost(const std::string& display, const std::string& label, const std::string& data,
                const std::string& screen) {
  const auto run = run_kiosk(display, data, {"--screen", screen, "--frames", std::to_string(frame_count), "--timings"});
  const auto t = timings(run.err);
  if (run.exit_code != 0 || t.empty()) {
    std::printf("%s %s: hallkiosk failed (%d):\n%s\n", label.c_str(), screen.c_str(), run.exit_code, run.err.c_str());
    return;
  }
  std::printf(
      "%-11s %-22s frame build CPU (NewFrame..Render, %d frames): median %.3f ms, p99 %.3f ms; "
      "whole frame with llvmpipe + swap: median %.1f ms; RSS %.0f MiB\n",
      label.c_str(), screen.c_str(), frame_count, num(t, "build_cpu_ms_median"), num(t, "build_cpu_ms_p99"),
      num(t, "frame_ms_median"), num(t, "rss_kib") / 1024.0);
}

// utime + stime of a running process, in seconds, and its resident set.
void idle(const std::string& display, const std::string& label, const std::string& data, int seconds,
          const std::string& scratch) {
  ChildProcess kiosk(kiosk_args(display, data), scratch + "/idle.err", hall::test::ChildStdout::discard);
  if (!kiosk.wait_for_stderr("hallkiosk: ready", std::chrono::seconds(60))) {
    std::printf("%s idle: the kiosk did not start:\n%s\n", label.c_str(), kiosk.stderr_text().c_str());
    return;
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // past the frames after start-up
  const hall::bench::ProcessSample before = hall::bench::sample_process(kiosk.pid());
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  const hall::bench::ProcessSample after = hall::bench::sample_process(kiosk.pid());
  rusage usage{};
  const int code = kiosk.stop(std::chrono::seconds(5), SIGTERM, &usage);
  const double total_cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  std::printf(
      "%-11s idle kiosk: %.2f s CPU over %d s idle = %.3f%% of one core; PSS %.1f MiB, RSS %.0f MiB; whole "
      "life (getrusage of the child): %.2f s CPU, max RSS %.0f MiB, exit %d\n",
      label.c_str(), after.cpu_s - before.cpu_s, seconds, 100.0 * (after.cpu_s - before.cpu_s) / seconds,
      after.pss_kib / 1024.0, after.rss_kib / 1024.0, total_cpu, static_cast<double>(usage.ru_maxrss) / 1024.0, code);
}

std::string large_hall(const TempDir& dir, int count) {
  hall::test::write_file(dir.file("hall.json"),
                         hall::test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json"));
  auto file = hall::catalogue::parse_catalogue(hall::bench::synthetic_catalogue(count));
  if (!file) throw std::runtime_error(file.error().message);
  hall::SystemClock clock;
  auto store = hall::catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  if (!store) throw std::runtime_error(store.error().message);
  if (auto r = store->import(*file); !r) throw std::runtime_error(r.error().message);
  return dir.path();
}

// The hall's local date (Asia/Shanghai, as the demo hall.json says), which the kiosk reads notices for.
hall::Date hall_today() {
  auto zone = hall::TimeZone::load("Asia/Shanghai");
  const hall::TimeZone z = zone ? *zone : hall::TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  return z.local_date(hall::SystemClock().now());
}

std::string notices_hall(const TempDir& dir, int guides, int notices) {
  hall::test::write_file(dir.file("hall.json"),
                         hall::test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json"));
  auto made = hall::bench::import_synthetic_hall(dir.file("catalogue.db"), guides, notices, hall_today());
  if (!made) throw std::runtime_error(made.error().message);
  if (made->guides != guides || made->notices != notices) throw std::runtime_error("the synthetic hall is short");
  return dir.path();
}

// Launch -> first frame presented with `screen` as the first screen (median of cold_runs warm
// starts), as a visitor's kiosk starts (no --frames).
void first_frame_of(const std::string& display, const std::string& label, const std::string& data,
                    const std::string& screen, const std::string& scratch) {
  std::vector<double> launch, first;
  for (int i = 0; i < cold_runs; ++i) {
    const LiveStart run = live_start(display, data, scratch, screen);
    if (run.ready_ms < 0 || run.t.empty()) {
      std::printf("%s %s: hallkiosk did not start:\n%s\n", label.c_str(), screen.c_str(), run.err.c_str());
      return;
    }
    launch.push_back(run.ready_ms);
    first.push_back(num(run.t, "start_to_first_frame_ms"));
  }
  std::printf(
      "%-18s %-20s warm start with it as the first screen (median of %d): launch->first frame presented %.0f ms "
      "(window open->first frame %.0f ms)\n",
      label.c_str(), screen.c_str(), cold_runs, median(launch), median(first));
}

// What one keystroke costs at the kiosk (KioskApp's run_query): the guides' index and the notices'
// index both queried with the text so far. Every prefix of each word is one keystroke.
void keystrokes(const std::string& label, const std::string& data) {
  using hall::bench::percentile;
  hall::SystemClock clock;
  auto store = hall::catalogue::CatalogueStore::open(data + "/catalogue.db", clock);
  if (!store) throw std::runtime_error(store.error().message);
  const auto load_start = Steady::now();
  auto current = hall::notices::NoticeStore(store->database(), clock).current(hall_today());
  if (!current) throw std::runtime_error(current.error().message);
  const auto directory = hall::notices::build_directory(*current, hall_today());
  const double load_ms = hall::bench::ms(Steady::now() - load_start);
  const auto index_start = Steady::now();
  auto guides = store->build_search_index();
  if (!guides) throw std::runtime_error(guides.error().message);
  const double guide_index_ms = hall::bench::ms(Steady::now() - index_start);
  const auto notice_index_start = Steady::now();
  const hall::notices::NoticeSearch notices(*current);
  const double notice_index_ms = hall::bench::ms(Steady::now() - notice_index_start);
  std::printf(
      "%-18s in-process: %zu notices read + parsed + directory %.1f ms (%zu open drafts); guides' index %.0f ms, "
      "notices' index %.1f ms\n",
      label.c_str(), current->size(), load_ms, directory.open_drafts.size(), guide_index_ms, notice_index_ms);

  // Pinyin, initials, 文号 initials with digits, a word that finds many, one that finds none.
  const std::vector<std::string> typed = {"gaolingjintie", "gljt",    "ajbf2023", "nzbf2024", "jiazhuangdianti",
                                          "zqyjg",         "tongzhi", "dibao",    "qzqd",     "xyzxyz"};
  constexpr int rounds = 20;
  std::vector<double> all;
  std::map<std::string, std::vector<double>> per_word;
  std::map<std::string, std::pair<std::size_t, std::size_t>> found;
  for (int round = 0; round < rounds; ++round) {
    for (const auto& word : typed) {
      for (std::size_t n = 1; n <= word.size(); ++n) {
        const std::string_view q(word.data(), n);
        const auto start = Steady::now();
        const auto g = guides->query(q);
        const auto h = notices.query(q);
        const double t = hall::bench::ms(Steady::now() - start);
        all.push_back(t);
        per_word[word].push_back(t);
        if (n == word.size()) found[word] = {g.size(), h.size()};
      }
    }
  }
  std::printf(
      "%-18s search per keystroke (%zu keystrokes, %d rounds of %zu words): median %.3f ms, p99 %.3f ms, max %.3f ms\n",
      label.c_str(), all.size(), rounds, typed.size(), percentile(all, 0.5), percentile(all, 0.99),
      percentile(all, 1.0));
  for (const auto& word : typed) {
    std::printf("%-18s   %-16s median %.3f ms, p99 %.3f ms; whole word finds %zu guides, %zu notices\n", "",
                word.c_str(), percentile(per_word[word], 0.5), percentile(per_word[word], 0.99), found[word].first,
                found[word].second);
  }
}

int notices_main(int idle_seconds) {
  XvfbServer x(1920, 1080);
  TempDir guides_dir, both_dir, scratch;
  auto start = Steady::now();
  const std::string guides = notices_hall(guides_dir, 10'000, 0);
  const double guides_s = std::chrono::duration<double>(Steady::now() - start).count();
  start = Steady::now();
  const std::string both = notices_hall(both_dir, 10'000, 2'000);
  std::printf(
      "Xvfb %s at 1920x1080x24 (Mesa llvmpipe); 10,000 guides imported in %.1f s, 10,000 guides + 2,000 "
      "notices in %.1f s\n",
      x.display().c_str(), guides_s, std::chrono::duration<double>(Steady::now() - start).count());
  const std::string a = "10k guides", b = "10k + 2k notices";
  cold_start(x.display(), a, guides, false, scratch.path());
  cold_start(x.display(), b, both, false, scratch.path());
  first_frame_of(x.display(), b, both, "notices", scratch.path());
  first_frame_of(x.display(), b, both, "notice:SN-P-00000", scratch.path());
  first_frame_of(x.display(), b, both, "notice:SN-D-00012", scratch.path());
  frame_cost(x.display(), a, guides, "home");
  frame_cost(x.display(), b, both, "home");
  frame_cost(x.display(), b, both, "notices");
  frame_cost(x.display(), b, both, "notice:SN-P-00000");
  frame_cost(x.display(), a, guides, "search:ajbf2023");
  frame_cost(x.display(), b, both, "search:ajbf2023");
  frame_cost(x.display(), b, both, "search:tongzhi");
  keystrokes(a, guides);
  keystrokes(b, both);
  idle(x.display(), a, guides, idle_seconds, scratch.path());
  idle(x.display(), b, both, idle_seconds, scratch.path());
  return 0;
}

}  // namespace

// The idle seconds of the command line (positive whole seconds), or nothing: the usage is printed.
std::optional<int> seconds_arg(int argc, char** argv, int at, int fallback) {
  if (argc <= at) return fallback;
  const std::string text = argv[at];
  if (text.empty() || text.size() > 5 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) || std::stoi(text) == 0) {
    std::fprintf(stderr, "usage: kiosk_bench [IDLE_SECONDS] | kiosk_bench notices [IDLE_SECONDS]\n");
    return std::nullopt;
  }
  return std::stoi(text);
}

int main(int argc, char** argv) {
  const bool notices = argc > 1 && std::string(argv[1]) == "notices";
  const auto idle_arg = seconds_arg(argc, argv, notices ? 2 : 1, notices ? 10 : 30);
  if (!idle_arg) return 2;
  if (notices) return notices_main(*idle_arg);
  const int idle_seconds = *idle_arg;
  XvfbServer x(1920, 1080);
  TempDir demo_dir, large_dir, scratch;
  const std::string demo = make_demo_hall(demo_dir);
  const auto import_start = Steady::now();
  const std::string large = large_hall(large_dir, 10'000);
  std::printf("Xvfb %s at 1920x1080x24 (Mesa llvmpipe); 10,000-guide hall imported in %.1f s\n", x.display().c_str(),
              std::chrono::duration<double>(Steady::now() - import_start).count());

  for (const bool drop : {false, true}) {
    cold_start(x.display(), "demo hall", demo, drop, scratch.path());
    cold_start(x.display(), "10k guides", large, drop, scratch.path());
  }
  frame_cost(x.display(), "demo hall", demo, "home");
  frame_cost(x.display(), "demo hall", demo, "guide:370811-JZ-0001");
  frame_cost(x.display(), "10k guides", large, "home");
  frame_cost(x.display(), "10k guides", large, "one-visit");
  frame_cost(x.display(), "10k guides", large, "search:sb");
  frame_cost(x.display(), "10k guides", large, "guide:SYN-000001");
  idle(x.display(), "demo hall", demo, idle_seconds, scratch.path());
  idle(x.display(), "10k guides", large, idle_seconds, scratch.path());
  return 0;
}
