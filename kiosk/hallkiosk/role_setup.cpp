// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/role_setup.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "data_dir.h"

namespace hall::kiosk {

std::string load_ui_strings(const std::string& language) {
  const std::string assets = std::filesystem::path(app::demo_assets_dir()).parent_path().string();
  const std::string path = assets + "/i18n/" + language + ".json";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "hallkiosk: " << path << ": cannot read the UI strings; the screens will show their keys\n";
    return "{}";
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TimeZone hall_time_zone(const std::string& name) {
  if (auto zone = TimeZone::load(name)) return std::move(*zone);
  std::cerr << "hallkiosk: time zone " << name << " not found in tzdata; using UTC+8\n";
  return TimeZone::fixed(name, 8 * 3600);
}

}  // namespace hall::kiosk
