#pragma once
// The hall itself: its name, zone, opening hours, queue groups and windows
// ("hallkiosk.hall/1", documented in assets/demo/README.md).
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace hall {

struct OpeningHours {
  std::string days;  // "mon-fri", "sat", "mon-sun" ...
  std::string open, close;  // "09:00"
};

struct QueueGroup {
  std::string id, letter, name, name_en;
  std::vector<std::string> topics;
};

struct Window {
  std::string id;
  int number = 0;
  std::string name, name_en;
  std::vector<std::string> queue_groups;
};

struct HallConfig {
  std::string name, name_en, address, address_en, phone;
  std::string time_zone = "Asia/Shanghai";
  std::vector<OpeningHours> opening_hours;
  std::string default_queue_group;
  std::vector<QueueGroup> queue_groups;
  std::vector<Window> windows;
  // Printing: the receipt roll's width (58 or 80 mm) and the CUPS queue ("" = the default destination).
  int slip_width_mm = 80;
  std::string printer;
};

// Every problem, one per line, as "hall: $.<path>: <what was expected>".
Result<HallConfig> parse_hall_config(std::string_view bytes);
Result<HallConfig> load_hall_config(const std::string& path);

}  // namespace hall
