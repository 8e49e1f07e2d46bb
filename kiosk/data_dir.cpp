// SPDX-License-Identifier: Apache-2.0
#include "data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "notices/calendar_file.h"
#include "notices/calendar_store.h"
#include "notices/notice_store.h"

namespace hall::app {

namespace fs = std::filesystem;

std::string demo_assets_dir() {
  if (const char* env = std::getenv("HALL_ASSETS"); env && *env) return std::string(env) + "/demo";
  return std::string(HALL_SOURCE_ASSETS) + "/demo";
}

DataDir resolve_data_dir(const std::string& given) {
  if (!given.empty()) return {given, false};
  return {HALL_DEMO_DATA_DIR, true};
}

std::string init_command(const DataDir& dir) {
  return "hallctl hall init --data " + dir.path + " --name NAME --address ADDRESS";
}

Result<HallConfig> load_hall(const DataDir& dir) {
  auto hall = load_hall_config(dir.hall_config());
  if (hall) return hall;
  if (hall.error().code == ErrorCode::not_found) {
    return fail(ErrorCode::not_found, hall.error().message + "; create this hall's folder with: " + init_command(dir));
  }
  return fail(
      hall.error().code,
      hall.error().message + "\nmend hall.json (each problem above), or move it away and run: " + init_command(dir));
}

Error missing_catalogue(const DataDir& dir) {
  return Error{ErrorCode::not_found,
               dir.catalogue_db() + ": no guide catalogue in this hall's folder; create it with: " + init_command(dir)};
}

Result<void> prepare_data_dir(const DataDir& dir) {
  std::error_code ec;
  fs::create_directories(dir.path, ec);
  if (ec) return fail(ErrorCode::io, dir.path + ": cannot create the data folder: " + ec.message());
  if (!dir.is_demo || fs::exists(dir.catalogue_db())) return {};

  const std::string assets = demo_assets_dir();
  fs::copy_file(assets + "/hall.json", dir.hall_config(), fs::copy_options::overwrite_existing, ec);
  if (ec) return fail(ErrorCode::io, assets + "/hall.json: cannot copy into the demo hall: " + ec.message());
  auto file = catalogue::load_catalogue_file(assets + "/catalogue.json");
  if (!file) return fail(file.error().code, "the bundled demo catalogue is invalid:\n" + file.error().message);
  // Build into a temporary name so an interrupted first start never leaves a half-seeded hall.
  const std::string partial = dir.catalogue_db() + ".seeding";
  fs::remove(partial, ec);
  {
    SystemClock clock;
    auto store = catalogue::CatalogueStore::open(partial, clock);
    if (!store) return std::unexpected(store.error());
    if (auto r = store->import(*file); !r) return std::unexpected(r.error());
    // The demo hall's 政务公开 notices, in the same file and the same first start.
    auto notices = notices::load_notice_file(assets + "/notices.json", notices::Destination::published);
    if (!notices) return fail(notices.error().code, "the bundled demo notices are invalid:\n" + notices.error().message);
    if (auto r = notices::NoticeStore(store->database(), clock).import(*notices); !r) return std::unexpected(r.error());
    // And its working-day calendar, so the guides' promised limits read as dates.
    auto calendar = notices::read_calendar_bytes(assets + "/workdays.json");
    if (!calendar) return std::unexpected(calendar.error());
    if (auto r = notices::CalendarStore(store->database(), clock).import(*calendar); !r) {
      return fail(r.error().code, "the bundled demo calendar is invalid:\n" + r.error().message);
    }
  }
  fs::remove(partial + "-wal", ec);
  fs::remove(partial + "-shm", ec);
  fs::rename(partial, dir.catalogue_db(), ec);
  if (ec) return fail(ErrorCode::io, dir.catalogue_db() + ": " + ec.message());
  std::cerr << "hallkiosk: seeded the demo hall in " << dir.path << " from " << assets << "\n";
  return {};
}

}  // namespace hall::app
