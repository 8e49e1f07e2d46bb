// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where a hall keeps its files: hall.json (the hall's configuration) and catalogue.db (the guide
// cache). The bundled demo hall is seeded from assets/demo the first time it is used.
#include <string>

#include "common/error.h"
#include "hall/hall_config.h"

namespace hall::app {

struct DataDir {
  std::string path;
  bool is_demo = false;
  std::string hall_config() const { return path + "/hall.json"; }
  std::string catalogue_db() const { return path + "/catalogue.db"; }
  std::string open_counts() const { return path + "/open_counts.json"; }  // this kiosk's alone, never synced
};

// `--data DIR` when given, else the demo hall's folder next to the build.
DataDir resolve_data_dir(const std::string& given);

// Creates the folder; for the demo hall also copies hall.json and imports the demo catalogue when
// no catalogue.db exists yet. Says what it did on stderr.
Result<void> prepare_data_dir(const DataDir& dir);

std::string demo_assets_dir();

// The command that makes `dir` a working hall: "hallctl hall init --data DIR --name ... --address ...".
std::string init_command(const DataDir& dir);
// The folder's hall.json; a refusal ends with what mends it (init for a missing file, the
// problems and init after moving it away for a broken one), so nobody is left at "cannot open".
Result<HallConfig> load_hall(const DataDir& dir);
// "DIR/catalogue.db: no guide catalogue in this hall's folder; create it with: hallctl hall init ..."
Error missing_catalogue(const DataDir& dir);

}  // namespace hall::app
