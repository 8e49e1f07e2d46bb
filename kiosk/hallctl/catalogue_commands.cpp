// SPDX-License-Identifier: Apache-2.0
#include "hallctl/catalogue_commands.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/rfc3339.h"
#include "data_dir.h"
#include "hallctl/guide_text.h"
#include "search/pinyin.h"

namespace hall::cli {

const char* const catalogue_help = R"(hallctl catalogue — the hall's guides (办事指南)

  hallctl catalogue validate FILE     check a catalogue or guide file; every problem on stderr
  hallctl catalogue import FILE       add the file's guides (all or nothing)
  hallctl catalogue list              the guides in effect now
  hallctl catalogue show ID           one guide in full, and its stored versions
  hallctl catalogue search QUERY      what a visitor would find (汉字, pinyin or initials)
  hallctl catalogue export            the guides in effect now, as a catalogue file on stdout

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
)";

namespace {

using catalogue::CatalogueStore;
using Json = nlohmann::ordered_json;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

Result<CatalogueStore> open_store(const CommandLine& cl, const Clock& clock) {
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  if (auto r = app::prepare_data_dir(dir); !r) return std::unexpected(r.error());
  return CatalogueStore::open(dir.catalogue_db(), clock);
}

int validate(const CommandLine& cl, const std::string& path) {
  auto file = catalogue::load_catalogue_file(path);
  if (cl.flag("--json")) {
    Json out = {{"file", path}, {"valid", file.has_value()}};
    if (file) {
      out["guides"] = file->guides.size();
    } else {
      out["problems"] = Json::array();
      std::string line;
      std::istringstream lines(file.error().message);
      while (std::getline(lines, line)) out["problems"].push_back(line);
    }
    std::cout << out.dump(2) << "\n";
  }
  if (!file) return report(file.error());
  if (!cl.flag("--json")) std::cout << path << ": valid, " << file->guides.size() << " guide(s)\n";
  return exit_ok;
}

int import(const CommandLine& cl, const std::string& path) {
  auto file = catalogue::load_catalogue_file(path);
  if (!file) return report(file.error());
  // Search terms are built here, from the installed pinyin-database: say so if it is missing.
  if (auto ready = search::pinyin_ready(); !ready) return report(ready.error());
  SystemClock clock;
  auto store = open_store(cl, clock);
  if (!store) return report(store.error());
  auto result = store->import(*file);
  if (!result) return report(result.error());
  // The guides are in, but a folder without hall.json is not yet a hall the kiosk can open.
  if (const auto dir = app::resolve_data_dir(cl.option("--data")); !std::filesystem::exists(dir.hall_config())) {
    std::cerr << "hallctl: " << dir.path
              << " has no hall.json, so hallkiosk cannot open it yet: " << app::init_command(dir) << "\n";
  }
  if (cl.flag("--json")) {
    std::cout << Json{{"added", result->added},
                      {"updated", result->updated},
                      {"unchanged", result->unchanged},
                      {"scheduled", result->scheduled}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "imported " << path << ": " << result->added << " added, " << result->updated << " updated, "
              << result->unchanged << " unchanged, " << result->scheduled << " scheduled for later\n";
  }
  return exit_ok;
}

int list(const CommandLine& cl) {
  SystemClock clock;
  auto store = open_store(cl, clock);
  if (!store) return report(store.error());
  auto guides = store->current();
  if (!guides) return report(guides.error());
  if (cl.flag("--json")) {
    Json out = Json::array();
    for (const auto& g : *guides) {
      out.push_back({{"id", g.id},
                     {"version", g.version},
                     {"name", g.name},
                     {"name_en", g.name_en},
                     {"status", catalogue::to_string(g.status)},
                     {"onsite_visits", g.onsite_visits},
                     {"one_visit", g.is_one_visit()},
                     {"topics", g.topics},
                     {"window", g.window}});
    }
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  for (const auto& g : *guides) {
    std::cout << g.id << "  v" << g.version << "  " << (g.is_one_visit() ? "一次办好  " : "          ") << g.name;
    if (g.status != catalogue::GuideStatus::active) std::cout << "  (" << catalogue::to_string(g.status) << ")";
    std::cout << "\n";
  }
  std::cout << guides->size() << " guide(s) in effect\n";
  return exit_ok;
}

int show(const CommandLine& cl, const std::string& id) {
  SystemClock clock;
  auto store = open_store(cl, clock);
  if (!store) return report(store.error());
  auto versions = store->versions(id);
  if (!versions) return report(versions.error());
  auto guide = store->current_guide(id);
  if (cl.flag("--json")) {
    Json out = {{"id", id}, {"current", guide ? Json::parse(guide->source_json) : Json(nullptr)}};
    out["versions"] = Json::array();
    for (const auto& v : *versions) {
      out["versions"].push_back(
          {{"version", v.version},
           {"status", catalogue::to_string(v.status)},
           {"content_hash", v.content_hash},
           {"effective_from", v.effective_from ? Json(format_rfc3339_utc(*v.effective_from)) : Json(nullptr)}});
    }
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  if (guide) {
    std::cout << guide_as_text(*guide);
  } else {
    std::cout << "guide " << id << " is stored but not in effect now\n";
  }
  std::cout << "\nstored versions:";
  for (const auto& v : *versions) {
    std::cout << "  v" << v.version;
    if (v.effective_from) std::cout << " (from " << format_rfc3339_utc(*v.effective_from) << ")";
  }
  std::cout << "\n";
  return exit_ok;
}

int search(const CommandLine& cl, const std::string& query) {
  SystemClock clock;
  auto store = open_store(cl, clock);
  if (!store) return report(store.error());
  auto index = store->build_search_index();
  if (!index) return report(index.error());
  auto guides = store->current();
  if (!guides) return report(guides.error());
  std::map<std::string, std::string> names;
  for (const auto& g : *guides) names[g.id] = g.name;
  const auto hits = index->query(query);
  if (cl.flag("--json")) {
    Json out = Json::array();
    for (const auto& h : hits)
      out.push_back({{"id", h.guide_id}, {"name", names[h.guide_id]}, {"match", to_string(h.rank)}});
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  for (const auto& h : hits)
    std::cout << h.guide_id << "  " << names[h.guide_id] << "  (" << to_string(h.rank) << ")\n";
  std::cout << hits.size() << " found for \"" << query << "\"\n";
  return exit_ok;
}

int export_catalogue(const CommandLine& cl) {
  SystemClock clock;
  auto store = open_store(cl, clock);
  if (!store) return report(store.error());
  auto text = store->export_current();
  if (!text) return report(text.error());
  std::cout << *text << "\n";
  return exit_ok;
}

int usage(const std::string& problem) {
  std::cerr << "hallctl catalogue: " << problem << "\n\n" << catalogue_help;
  return exit_invalid;
}

}  // namespace

int run_catalogue_command(const CommandLine& cl) {
  const auto& w = cl.words;  // w[0] == "catalogue"
  if (cl.flag("--help") || w.size() < 2) {
    std::cout << catalogue_help;
    return w.size() < 2 && !cl.flag("--help") ? exit_invalid : exit_ok;
  }
  const std::string& verb = w[1];
  const auto needs = [&](std::size_t n, const char* what) -> bool { return w.size() == n + 2 || (usage(what), false); };
  if (verb == "validate") return needs(1, "validate needs FILE") ? validate(cl, w[2]) : exit_invalid;
  if (verb == "import") return needs(1, "import needs FILE") ? import(cl, w[2]) : exit_invalid;
  if (verb == "list") return needs(0, "list takes no argument") ? list(cl) : exit_invalid;
  if (verb == "show") return needs(1, "show needs ID") ? show(cl, w[2]) : exit_invalid;
  if (verb == "search")
    return needs(1, "search needs QUERY (quote it if it has spaces)") ? search(cl, w[2]) : exit_invalid;
  if (verb == "export") return needs(0, "export takes no argument") ? export_catalogue(cl) : exit_invalid;
  return usage("unknown verb \"" + verb + "\"");
}

}  // namespace hall::cli
