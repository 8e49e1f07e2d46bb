// SPDX-License-Identifier: Apache-2.0
#include "hallctl/workdays_commands.h"

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "data_dir.h"
#include "notices/calendar_file.h"
#include "notices/calendar_store.h"

namespace hall::cli {

const char* const workdays_help = R"(hallctl workdays — the hall's working-day calendar (hallkiosk.workdays/1)

Usage:
  hallctl workdays import FILE     check FILE and make it the hall's calendar, all or nothing: a file
                                   with any problem, or one leaving out a year the hall holds, changes
                                   nothing
  hallctl workdays show [--year Y] each year held: its source notice, days off and 调休 working days

The calendar is kept in the hall's catalogue.db; the kiosk and the ticket slip use it to show a
guide's promised limit as a date ("预计 12月11日前办结"). Without one they show no date.

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
)";

namespace {

using Json = nlohmann::ordered_json;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

int usage(const std::string& problem) {
  std::cerr << "hallctl workdays: " << problem << "\n\n" << workdays_help;
  return exit_invalid;
}

struct HallDb {
  SystemClock clock;
  std::unique_ptr<catalogue::CatalogueStore> store;
};

Result<std::unique_ptr<HallDb>> open_hall_db(const CommandLine& cl) {
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  if (auto r = app::prepare_data_dir(dir); !r) return std::unexpected(r.error());
  auto out = std::make_unique<HallDb>();
  auto store = catalogue::CatalogueStore::open(dir.catalogue_db(), out->clock);
  if (!store) return std::unexpected(store.error());
  out->store = std::make_unique<catalogue::CatalogueStore>(std::move(*store));
  return out;
}

std::string years_text(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out.empty() ? "none" : out;
}

int import(const CommandLine& cl, const std::string& path) {
  // Checked before the hall's folder is touched: a bad file never creates or migrates anything.
  auto bytes = notices::read_calendar_bytes(path);
  if (!bytes) return report(bytes.error());
  if (auto parsed = notices::parse_calendar_file(*bytes); !parsed) {
    return report(Error{parsed.error().code, path + ": " + parsed.error().message});  // which file is wrong
  }
  auto opened = open_hall_db(cl);
  if (!opened) return report(opened.error());
  auto& hall = **opened;
  const auto r = notices::CalendarStore(hall.store->database(), hall.clock).import(*bytes);
  if (!r) return report(r.error());
  if (cl.flag("--json")) {
    std::cout << Json{{"added", r->added}, {"changed", r->changed}, {"unchanged", r->unchanged}}.dump() << "\n";
  } else {
    std::cout << "years added: " << years_text(r->added) << "; changed: " << years_text(r->changed)
              << "; unchanged: " << years_text(r->unchanged) << "\n";
  }
  return exit_ok;
}

const char* weekday_zh(Date d) {
  static const char* const names[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  return names[std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding()];
}

int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count()) + 1;
}

Json year_json(const CalendarYear& y) {
  Json holidays = Json::array(), weekends = Json::array();
  for (const auto& h : y.holidays) {
    holidays.push_back({{"name", h.name},
                        {"name_en", h.name_en},
                        {"from", format_iso_date(h.from)},
                        {"to", format_iso_date(h.to)},
                        {"days", days_between(h.from, h.to)}});
  }
  for (const auto& w : y.working_weekends) weekends.push_back(format_iso_date(w));
  return {{"year", y.year}, {"source", y.source}, {"holidays", holidays}, {"working_weekends", weekends}};
}

void print_year(const CalendarYear& y) {
  std::cout << y.year << "  " << y.source << "\n";
  for (const auto& h : y.holidays) {
    std::cout << "  " << format_iso_date(h.from) << " – " << format_iso_date(h.to) << "  " << h.name;
    if (!h.name_en.empty()) std::cout << " (" << h.name_en << ")";
    std::cout << "  放假 " << days_between(h.from, h.to) << " 天\n";
  }
  if (y.working_weekends.empty()) std::cout << "  调休上班: 无\n";
  for (const auto& w : y.working_weekends) {
    std::cout << "  " << format_iso_date(w) << " " << weekday_zh(w) << "  调休上班\n";
  }
}

int show(const CommandLine& cl) {
  std::optional<int> only;
  if (cl.flag("--year")) {
    const auto text = cl.option("--year");
    int y = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), y);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
      return usage("--year: expected a year such as 2026, got \"" + text + "\"");
    }
    only = y;
  }
  auto opened = open_hall_db(cl);
  if (!opened) return report(opened.error());
  auto& hall = **opened;
  const auto calendar = notices::CalendarStore(hall.store->database(), hall.clock).load();
  if (!calendar) return report(calendar.error());
  if (!*calendar) {
    return report(Error{ErrorCode::not_found,
                        "this hall has no working-day calendar; import one with: hallctl workdays import FILE "
                        "--data DIR (the kiosk shows no dates for promised limits until then)"});
  }
  if (only && !(*calendar)->knows(*only)) {
    return report(Error{ErrorCode::not_found, "the hall's calendar has no year " + std::to_string(*only) +
                                                  "; dates counted into it are estimates (Monday to Friday)"});
  }
  Json years = Json::array();
  for (const auto& y : (*calendar)->years()) {
    if (only && y.year != *only) continue;
    if (cl.flag("--json")) {
      years.push_back(year_json(y));
    } else {
      print_year(y);
    }
  }
  if (cl.flag("--json")) std::cout << Json{{"years", years}}.dump(2) << "\n";
  return exit_ok;
}

}  // namespace

int run_workdays_command(const CommandLine& cl) {
  const auto& w = cl.words;  // w[0] == "workdays"
  if (cl.flag("--help")) {
    std::cout << workdays_help;
    return exit_ok;
  }
  if (w.size() < 2) return usage("say import or show");
  if (w[1] == "import") return w.size() == 3 ? import(cl, w[2]) : usage("import needs FILE");
  if (w[1] == "show") return w.size() == 2 ? show(cl) : usage("show takes no argument (--year Y picks a year)");
  return usage("unknown verb \"" + w[1] + "\"");
}

}  // namespace hall::cli
