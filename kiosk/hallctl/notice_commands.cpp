// SPDX-License-Identifier: Apache-2.0
#include "hallctl/notice_commands.h"

#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_store.h"
#include "common/time_zone.h"
#include "data_dir.h"
#include "hall/hall_config.h"
#include "notices/deidentify.h"
#include "notices/notice_file.h"
#include "notices/notice_labels.h"
#include "notices/notice_store.h"

namespace hall::cli {

const char* const notice_help = R"(hallctl notice — 政务公开 notices (hallkiosk.notice/1, hallkiosk.notices/1)

Usage:
  hallctl notice validate FILE [--central]  check a notice or directory file; every problem on stderr
                                            as "notice <id>: <JSON path>: <what was expected>"
  hallctl notice scan FILE                  the 去标识化 scan: personal data found in each notice,
                                            with the mask the central store offers
  hallctl notice import FILE                add a directory's notices to the hall's store (all or nothing)
  hallctl notice list [--date YYYY-MM-DD]   the 政务公开 directory a visitor sees (default: today
                                            in the hall's zone)
  hallctl notice render --sample ...        the 一次性告知单 slip (hallctl slip --help)

Options:
  --central    validate as the central store keeps it: a notice that is not 主动公开 (with its
               reason) and a proposal reply's list of deputies are allowed; without it the file
               must be fit to publish
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
)";

namespace {

using Json = nlohmann::ordered_json;
using notices::Destination;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

int validate(const CommandLine& cl, const std::string& path) {
  const auto destination = cl.flag("--central") ? Destination::central : Destination::published;
  const auto file = notices::load_notice_file(path, destination);
  if (cl.flag("--json")) {
    Json out = {{"file", path}, {"valid", file.has_value()}};
    if (file) {
      out["notices"] = file->notices.size();
    } else {
      out["problems"] = Json::array();
      std::string line;
      std::istringstream lines(file.error().message);
      while (std::getline(lines, line)) out["problems"].push_back(line);
    }
    std::cout << out.dump(2) << "\n";
  }
  if (!file) return report(file.error());
  if (!cl.flag("--json")) std::cout << path << ": valid, " << file->notices.size() << " notice(s)\n";
  return exit_ok;
}

int scan(const CommandLine& cl, const std::string& path) {
  // The scan runs where drafts are: the central store's rules, with each reply's list of deputies.
  const auto file = notices::load_notice_file(path, Destination::central);
  if (!file) return report(file.error());
  Json out = Json::array();
  std::size_t total = 0;
  for (const auto& n : file->notices) {
    const auto reps = n.proposal ? n.proposal->representatives : std::vector<notices::Representative>{};
    for (const auto& h : notices::scan_notice(Json::parse(n.source_json), reps)) {
      ++total;
      if (cl.flag("--json")) {
        out.push_back({{"notice", n.id},
                       {"kind", notices::term(h.kind).code},
                       {"path", h.path},
                       {"offset", h.offset},
                       {"mask", h.mask}});
      } else {
        std::cout << "notice " << n.id << ": " << h.path << " (byte " << h.offset << "): " << notices::term(h.kind).zh
                  << " → " << h.mask << "\n";
      }
    }
  }
  if (cl.flag("--json")) {
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << total << " hit(s) in " << file->notices.size() << " notice(s); each is masked or kept with a reason "
              << "at review\n";
  }
  return exit_ok;
}

struct HallStore {
  SystemClock clock;
  std::unique_ptr<catalogue::CatalogueStore> catalogue;
  std::string zone = "Asia/Shanghai";
};

Result<std::unique_ptr<HallStore>> open_hall_store(const CommandLine& cl) {
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  if (auto r = app::prepare_data_dir(dir); !r) return std::unexpected(r.error());
  auto out = std::make_unique<HallStore>();
  if (auto hall = load_hall_config(dir.hall_config())) out->zone = hall->time_zone;  // a bare folder: the default zone
  auto store = catalogue::CatalogueStore::open(dir.catalogue_db(), out->clock);
  if (!store) return std::unexpected(store.error());
  out->catalogue = std::make_unique<catalogue::CatalogueStore>(std::move(*store));
  return out;
}

Result<Date> today_of(const CommandLine& cl, const HallStore& hall) {
  if (cl.flag("--date")) {
    if (auto d = parse_iso_date(cl.option("--date"))) return *d;
    return fail(ErrorCode::invalid_input, "--date: expected YYYY-MM-DD, got \"" + cl.option("--date") + "\"");
  }
  auto zone = TimeZone::load(hall.zone);
  if (!zone) return std::unexpected(zone.error());
  const auto now = hall.clock.now();
  return Date{std::chrono::floor<std::chrono::days>(now + std::chrono::seconds{zone->offset_at(now)})};
}

int import(const CommandLine& cl, const std::string& path) {
  const auto file = notices::load_notice_file(path, Destination::published);
  if (!file) return report(file.error());
  auto opened = open_hall_store(cl);
  if (!opened) return report(opened.error());
  auto& hall = **opened;
  notices::NoticeStore store(hall.catalogue->database(), hall.clock);
  const auto r = store.import(*file);
  if (!r) return report(r.error());
  if (cl.flag("--json")) {
    std::cout << Json{{"added", r->added}, {"updated", r->updated}, {"unchanged", r->unchanged}}.dump() << "\n";
  } else {
    std::cout << r->added << " added, " << r->updated << " updated, " << r->unchanged << " unchanged\n";
  }
  return exit_ok;
}

Json row_json(const notices::DirectoryRow& row) {
  Json j = {{"id", row.id},
            {"kind", notices::term(row.kind).code},
            {"title", row.title.zh},
            {"date", format_iso_date(row.date)},
            {"issuer", row.issuer.zh}};
  if (!row.doc_no.empty()) j["doc_no"] = row.doc_no;
  if (row.comment_days_left > 0) j["comment_days_left"] = row.comment_days_left;
  return j;
}

void print_row(const notices::DirectoryRow& row) {
  std::cout << "  " << format_iso_date(row.date) << "  " << row.title.zh;
  if (!row.doc_no.empty()) std::cout << "  " << row.doc_no;
  std::cout << "  [" << notices::term(row.kind).zh << "]\n";
}

int list(const CommandLine& cl) {
  auto opened = open_hall_store(cl);
  if (!opened) return report(opened.error());
  auto& hall = **opened;
  const auto today = today_of(cl, hall);
  if (!today) return report(today.error());
  notices::NoticeStore store(hall.catalogue->database(), hall.clock);
  const auto current = store.current(*today);
  if (!current) return report(current.error());
  const auto d = notices::build_directory(*current, *today);
  if (cl.flag("--json")) {
    Json out = {{"date", format_iso_date(*today)}, {"open_drafts", Json::array()}, {"categories", Json::array()}};
    for (const auto& r : d.open_drafts) out["open_drafts"].push_back(row_json(r));
    for (const auto& g : d.groups) {
      Json rows = Json::array();
      for (const auto& r : g.rows) rows.push_back(row_json(r));
      out["categories"].push_back(
          {{"category", notices::term(g.category).code}, {"count", g.rows.size()}, {"notices", rows}});
    }
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  if (!d.open_drafts.empty()) std::cout << "征求意见中\n";
  for (const auto& r : d.open_drafts) {
    std::cout << "  " << r.title.zh << "  还剩 " << r.comment_days_left << " 天\n";
  }
  for (const auto& g : d.groups) {
    std::cout << notices::term(g.category).zh << " (" << g.rows.size() << ")\n";
    if (g.rows.empty()) std::cout << "  暂无\n";
    for (const auto& r : g.rows) print_row(r);
  }
  return exit_ok;
}

int usage(const std::string& problem) {
  std::cerr << "hallctl notice: " << problem << "\n\n" << notice_help;
  return exit_invalid;
}

}  // namespace

bool is_notice_format_verb(const CommandLine& cl) {
  if (cl.words.empty() || cl.words[0] != "notice") return false;
  if (cl.flag("--help")) return true;  // one help for both: it points at the slip's render too
  return cl.words.size() >= 2 &&
         (cl.words[1] == "validate" || cl.words[1] == "scan" || cl.words[1] == "import" || cl.words[1] == "list");
}

int run_notice_command(const CommandLine& cl) {
  const auto& w = cl.words;  // w[0] == "notice"
  if (cl.flag("--help")) {
    std::cout << notice_help;
    return exit_ok;
  }
  if (cl.flag("--central") && w[1] != "validate") return usage("--central is for validate");
  if (w[1] == "list") return w.size() == 2 ? list(cl) : usage("list takes no argument");
  if (w.size() != 3) return usage(w[1] + " needs FILE");
  if (w[1] == "import") return import(cl, w[2]);
  return w[1] == "validate" ? validate(cl, w[2]) : scan(cl, w[2]);
}

}  // namespace hall::cli
