// SPDX-License-Identifier: Apache-2.0
#include "kiosk_runner.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "notices/notice_file.h"
#include "notices/calendar_store.h"
#include "notices/notice_store.h"

namespace hall::test {

std::string make_demo_hall(const TempDir& dir, const std::string& hall_name) {
  const std::string demo = HALL_SOURCE_ASSETS "/demo";
  std::string hall = read_file(demo + "/hall.json");
  if (!hall_name.empty()) {
    const std::string demo_name = "安居街道便民服务中心";
    const auto at = hall.find(demo_name);
    if (at == std::string::npos) throw std::runtime_error("the demo hall.json no longer names " + demo_name);
    hall.replace(at, demo_name.size(), hall_name);
  }
  write_file(dir.file("hall.json"), hall);
  auto file = catalogue::load_catalogue_file(demo + "/catalogue.json");
  if (!file) throw std::runtime_error("demo catalogue: " + file.error().message);
  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  if (!store) throw std::runtime_error(store.error().message);
  if (auto r = store->import(*file); !r) throw std::runtime_error(r.error().message);
  // Its 政务公开 notices too, as the seeded demo hall has them.
  auto notices = notices::load_notice_file(demo + "/notices.json", notices::Destination::published);
  if (!notices) throw std::runtime_error("demo notices: " + notices.error().message);
  if (auto r = notices::NoticeStore(store->database(), clock).import(*notices); !r) {
    throw std::runtime_error(r.error().message);
  }
  // And its working-day calendar.
  if (auto r = notices::CalendarStore(store->database(), clock).import(read_file(demo + "/workdays.json")); !r) {
    throw std::runtime_error("demo calendar: " + r.error().message);
  }
  return dir.path();
}

ProcessResult run_hallkiosk(const std::string& display, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/env"};
  if (display.empty()) {
    argv.insert(argv.end(), {"-u", "DISPLAY"});
  } else {
    argv.push_back("DISPLAY=" + display);
  }
  argv.push_back("LSAN_OPTIONS=suppressions=" + std::string(HALL_LSAN_SUPPRESSIONS) + ":print_suppressions=0");
  argv.push_back(HALLKIOSK_PATH);
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

long number_after(const std::string& text, const std::string& prefix) {
  const auto at = text.find(prefix);
  if (at == std::string::npos) return -1;
  return std::strtol(text.c_str() + at + prefix.size(), nullptr, 10);
}

}  // namespace hall::test
