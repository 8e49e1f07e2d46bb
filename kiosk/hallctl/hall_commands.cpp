// SPDX-License-Identifier: Apache-2.0
// hallctl hall init: a working data folder (hall.json and an empty catalogue) that hallkiosk
// --data DIR opens at once, so a new hall never starts from a folder the kiosk refuses.
#include "hallctl/hall_commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "catalogue/catalogue_store.h"
#include "common/time_zone.h"
#include "data_dir.h"
#include "hall/hall_config.h"

namespace hall::cli {

const char* const hall_help = R"(hallctl hall — the hall's own data folder

  hallctl hall init --data DIR --name NAME --address ADDRESS [--name-en NAME] [--address-en ADDRESS]
                    [--zone ZONE] [--phone PHONE]
  hallctl hall init --data DIR --from TEMPLATE.json [--name ...]   (flags override the template)

Writes DIR/hall.json and an empty DIR/catalogue.db; then import guides with
`hallctl catalogue import FILE --data DIR` and start `hallkiosk --data DIR`. Without a template
the hall has one queue group (A, 综合受理) and one comprehensive window, open mon-fri 09:00-17:00:
edit hall.json for more. The result is checked like any hall.json before it is written.
A folder that already holds a valid hall.json only gets the catalogue it lacks; a folder with
both, or with a hall.json that does not pass, is refused and left as it is.
)";

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

int refuse(const std::string& message, int code = exit_invalid) {
  std::cerr << "hallctl: " << message << "\n";
  return code;
}

// One group, one window serving it all: the smallest hall that issues numbers and shows guides.
Json minimal_hall() {
  return Json{{"format", "hallkiosk.hall/1"},
              {"name", ""},
              {"address", ""},
              {"time_zone", "Asia/Shanghai"},
              {"opening_hours", Json::array({{{"days", "mon-fri"}, {"open", "09:00"}, {"close", "17:00"}}})},
              {"default_queue_group", "A"},
              {"queue_groups",
               Json::array({{{"id", "A"}, {"letter", "A"}, {"name", "综合受理"}, {"name_en", "General services"}}})},
              {"windows", Json::array({{{"id", "W1"},
                                        {"number", 1},
                                        {"name", "1号综合窗口"},
                                        {"name_en", "Window 1 (all services)"},
                                        {"comprehensive", true}}})}};
}

Result<Json> read_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::not_found, path + ": cannot be opened for reading");
  std::ostringstream text;
  text << in.rdbuf();
  auto json = Json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) return fail(ErrorCode::invalid_input, path + ": not a JSON object");
  return json;
}

Result<void> write_new(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".init";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) return fail(ErrorCode::io, tmp + ": cannot be written");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return fail(ErrorCode::io, path + ": " + ec.message());
  return {};
}

// The empty store, schema and all, so the kiosk opens the folder and shows its empty state.
Result<void> create_catalogue(const app::DataDir& dir) {
  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(dir.catalogue_db(), clock);
  if (!store) return std::unexpected(store.error());
  return {};
}

int init(const CommandLine& cl) {
  if (!cl.flag("--data") || cl.option("--data").empty()) {
    return refuse("hall init: --data DIR is required (the folder to create)\n\n" + std::string(hall_help));
  }
  const app::DataDir dir{cl.option("--data"), false};
  std::error_code ec;
  const bool has_hall = fs::exists(dir.hall_config(), ec);
  const bool has_catalogue = fs::exists(dir.catalogue_db(), ec);
  if (has_hall) {
    auto existing = load_hall_config(dir.hall_config());
    if (!existing) {
      return refuse(existing.error().message + "\nhall init leaves a hall.json it did not write: mend it, or move " +
                    "it away and run hallctl hall init --data " + dir.path + " again");
    }
    if (has_catalogue) return refuse(dir.path + " is already a hall (hall.json and catalogue.db); nothing changed");
    if (auto made = create_catalogue(dir); !made) return refuse(made.error().message, exit_code_for(made.error()));
    std::cout << dir.path << ": kept hall.json, created an empty catalogue.db\n";
    return exit_ok;
  }
  Json hall = minimal_hall();
  if (cl.flag("--from")) {
    auto from = read_template(cl.option("--from"));
    if (!from) return refuse(from.error().message, exit_code_for(from.error()));
    hall = std::move(*from);
  }
  const std::pair<const char*, const char*> flags[] = {{"--name", "name"},       {"--name-en", "name_en"},
                                                       {"--address", "address"}, {"--address-en", "address_en"},
                                                       {"--zone", "time_zone"},  {"--phone", "phone"}};
  for (const auto& [flag, key] : flags) {
    if (cl.flag(flag)) hall[key] = cl.option(flag);
  }
  const std::string bytes = hall.dump(1) + "\n";
  auto parsed = parse_hall_config(bytes);
  if (!parsed) {
    return refuse("hall init: the hall would not be valid, nothing written:\n" + parsed.error().message +
                  "\n(--name and --address are required without a template; see hallctl hall --help)");
  }
  if (!TimeZone::load(parsed->time_zone)) {
    return refuse("hall init: time zone \"" + parsed->time_zone +
                  "\" is not in this machine's tzdata (try Asia/Shanghai)");
  }
  fs::create_directories(dir.path, ec);
  if (ec) return refuse(dir.path + ": cannot create the data folder: " + ec.message(), exit_failure);
  if (auto written = write_new(dir.hall_config(), bytes); !written)
    return refuse(written.error().message, exit_failure);
  if (!has_catalogue) {
    if (auto made = create_catalogue(dir); !made) return refuse(made.error().message, exit_code_for(made.error()));
  }
  std::cout << dir.path << ": created hall.json (" << parsed->name << ", " << parsed->time_zone << ", "
            << parsed->windows.size() << " window(s)) and " << (has_catalogue ? "kept" : "an empty")
            << " catalogue.db\nnext: hallctl catalogue import FILE --data " << dir.path << ", then hallkiosk --data "
            << dir.path << "\n";
  return exit_ok;
}

}  // namespace

int run_hall_command(const CommandLine& cl) {
  if (cl.flag("--help")) {
    std::cout << hall_help;
    return exit_ok;
  }
  if (cl.words.size() == 2 && cl.words[1] == "init") return init(cl);
  std::cerr << "hallctl: usage:\n" << hall_help;
  return exit_invalid;
}

}  // namespace hall::cli
