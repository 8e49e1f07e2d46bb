// SPDX-License-Identifier: Apache-2.0
#include "hall/hall_config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "catalogue/catalogue_file.h"
#include "catalogue/json_reader.h"

namespace hall {
namespace {

using catalogue::Json;
using catalogue::JsonReader;
using catalogue::Need;
using catalogue::Problems;

bool is_clock_time(const std::string& t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) && t.substr(0, 2) < "24" && t.substr(3, 2) < "60";
}

void read_groups_and_windows(JsonReader& r, HallConfig& hall) {
  r.objects("queue_groups", Need::required, 1, [&](JsonReader& g) {
    QueueGroup group;
    group.id = g.text("id", Need::required, 16);
    group.letter = g.text("letter", Need::required, 2);
    group.name = g.text("name", Need::required, 100);
    group.name_en = g.text("name_en", Need::optional, 100);
    group.topics = g.texts("topics", Need::optional);
    hall.queue_groups.push_back(std::move(group));
  });
  std::set<std::string> group_ids;
  for (const auto& g : hall.queue_groups) {
    if (!group_ids.insert(g.id).second) r.problem("queue_groups", "duplicate queue group id \"" + g.id + "\"");
  }
  if (!hall.default_queue_group.empty() && !group_ids.contains(hall.default_queue_group)) {
    r.problem("default_queue_group", "\"" + hall.default_queue_group + "\" is not one of the queue_groups");
  }
  r.objects("windows", Need::required, 1, [&](JsonReader& w) {
    Window window;
    window.id = w.text("id", Need::required, 16);
    window.number = w.integer("number", Need::required, 1, 999).value_or(0);
    window.name = w.text("name", Need::required, 100);
    window.name_en = w.text("name_en", Need::optional, 100);
    window.comprehensive = w.boolean("comprehensive", Need::optional).value_or(false);
    window.queue_groups =
        w.texts("queue_groups", window.comprehensive ? Need::optional : Need::required, window.comprehensive ? 0 : 1);
    for (std::size_t i = 0; i < window.queue_groups.size(); ++i) {
      if (!group_ids.contains(window.queue_groups[i])) {
        w.problem("queue_groups[" + std::to_string(i) + "]", "\"" + window.queue_groups[i] + "\" is not a queue group");
      }
    }
    hall.windows.push_back(std::move(window));
  });
  std::set<std::string> window_ids;
  for (const auto& w : hall.windows) {
    if (!window_ids.insert(w.id).second) r.problem("windows", "duplicate window id \"" + w.id + "\"");
  }
}

void read_queue_rules(JsonReader& r, HallConfig& hall) {
  r.objects("priority_classes", Need::optional, 0, [&](JsonReader& p) {
    PriorityClass c{p.text("id", Need::required, 32), p.text("name", Need::required, 100),
                    p.text("name_en", Need::optional, 100)};
    if (hall.priority_class(c.id)) p.problem("id", "duplicate priority class \"" + c.id + "\"");
    hall.priority_classes.push_back(std::move(c));
  });
  if (auto q = r.object("queue_rules", Need::optional)) {
    QueueRules& rules = hall.queue_rules;
    rules.fairness_after = q->integer("fairness_after", Need::optional, 1, 100).value_or(rules.fairness_after);
    rules.recall_limit = q->integer("recall_limit", Need::optional, 0, 10).value_or(rules.recall_limit);
    rules.reactivation_minutes =
        q->integer("reactivation_minutes", Need::optional, 0, 24 * 60).value_or(rules.reactivation_minutes);
    rules.reactivation_places =
        q->integer("reactivation_places", Need::optional, 0, 1000).value_or(rules.reactivation_places);
    rules.cutoff_minutes = q->integer("cutoff_minutes", Need::optional, 0, 12 * 60).value_or(rules.cutoff_minutes);
  }
  for (auto [key, field] : {std::pair{"public_base_url", &hall.public_base_url}, {"notice_url", &hall.notice_url}}) {
    *field = r.text(key, Need::optional, 200);
    while (field->ends_with('/')) field->pop_back();
    if (!field->empty() && !field->starts_with("http://") && !field->starts_with("https://")) {
      r.problem(key, "expected an http:// or https:// address, got \"" + *field + "\"");
    }
  }
}

void read_printing(JsonReader& r, HallConfig& hall) {
  if (auto days = r.integer("changed_mark_days", Need::optional, 0, 366)) hall.changed_mark_days = *days;
  if (auto width = r.integer("slip_width_mm", Need::optional, 58, 80)) {
    if (*width != 58 && *width != 80) r.problem("slip_width_mm", "expected 58 or 80, got " + std::to_string(*width));
    hall.slip_width_mm = *width;
  }
  hall.printer = r.text("printer", Need::optional, 127);
}

}  // namespace

bool Window::serves(const std::string& group) const {
  return comprehensive || std::find(queue_groups.begin(), queue_groups.end(), group) != queue_groups.end();
}

const QueueGroup* HallConfig::group(const std::string& id) const {
  for (const auto& g : queue_groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

const Window* HallConfig::window(const std::string& id) const {
  for (const auto& w : windows) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

const PriorityClass* HallConfig::priority_class(const std::string& id) const {
  for (const auto& c : priority_classes) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

Result<HallConfig> parse_hall_config(std::string_view bytes) {
  if (catalogue::nesting_exceeds(bytes, catalogue::max_nesting)) {
    return fail(ErrorCode::invalid_input, "hall: nested too deeply");
  }
  Json root;
  try {
    root = Json::parse(bytes);
  } catch (const Json::exception& e) {
    return fail(ErrorCode::invalid_input, std::string("hall: ") + e.what());
  }
  Problems problems;
  if (!root.is_object()) {
    return fail(ErrorCode::invalid_input, "hall: $: expected an object");
  }
  JsonReader r(root, "$", "hall", problems);
  if (r.text("format", Need::required, 64) != "hallkiosk.hall/1" && problems.empty()) {
    r.problem("format", "expected \"hallkiosk.hall/1\"");
  }
  HallConfig hall;
  hall.name = r.text("name", Need::required, 200);
  hall.name_en = r.text("name_en", Need::optional, 200);
  hall.address = r.text("address", Need::required, 500);
  hall.address_en = r.text("address_en", Need::optional, 500);
  hall.phone = r.text("phone", Need::optional, 64);
  if (auto tz = r.text("time_zone", Need::optional, 64); !tz.empty()) hall.time_zone = tz;
  r.objects("opening_hours", Need::optional, 0, [&](JsonReader& o) {
    OpeningHours h{o.text("days", Need::required, 32), o.text("open", Need::required, 5),
                   o.text("close", Need::required, 5)};
    if (!h.open.empty() && !is_clock_time(h.open)) o.problem("open", "expected HH:MM, got \"" + h.open + "\"");
    // "24:00" closes at the end of the day, so a hall open round the clock says 00:00–24:00.
    if (!h.close.empty() && !is_clock_time(h.close) && h.close != "24:00") {
      o.problem("close", "expected HH:MM (or 24:00), got \"" + h.close + "\"");
    }
    hall.opening_hours.push_back(std::move(h));
  });
  hall.default_queue_group = r.text("default_queue_group", Need::required, 16);
  read_groups_and_windows(r, hall);
  r.objects("topics", Need::optional, 0, [&](JsonReader& t) {
    hall.topics.push_back({t.text("name", Need::required, 100), t.text("name_en", Need::required, 100)});
  });
  hall.common_services = r.texts("常办事项", Need::optional);
  std::set<std::string> common;
  for (const auto& id : hall.common_services) {
    if (!common.insert(id).second) r.problem("常办事项", "guide \"" + id + "\" is listed twice");
  }
  read_queue_rules(r, hall);
  read_printing(r, hall);
  if (!problems.empty()) {
    std::string message;
    for (const auto& m : problems.messages()) message += (message.empty() ? "" : "\n") + m;
    return fail(ErrorCode::invalid_input, message);
  }
  return hall;
}

Result<HallConfig> load_hall_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::not_found, path + ": cannot be opened for reading");
  std::ostringstream content;
  content << in.rdbuf();
  auto parsed = parse_hall_config(content.str());
  if (!parsed) return fail(parsed.error().code, path + ":\n" + parsed.error().message);
  return parsed;
}

}  // namespace hall
