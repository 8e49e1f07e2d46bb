// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall itself: its name, zone, opening hours, queue groups and windows
// ("hallkiosk.hall/1", documented in assets/demo/README.md).
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace hall {

struct OpeningHours {
  std::string days;         // "mon-fri", "sat", "mon-sun" ...
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
  std::vector<std::string> queue_groups;  // every group when comprehensive
  bool comprehensive = false;             // 综合窗口: serves all queue groups
  bool serves(const std::string& group) const;
};

// A class of visitors called before the others (绿色通道: 70岁以上老年人, 残疾人, 孕妇, 军人 ...).
struct PriorityClass {
  std::string id, name, name_en;
};

// The queue's tunable rules; every one has a default, so a hall.json without "queue_rules" works.
struct QueueRules {
  int fairness_after = 3;         // after this many priority calls in a row at a window, a normal ticket goes next
  int recall_limit = 2;           // recalls allowed after the first call; one more makes the ticket a no-show
  int reactivation_minutes = 30;  // a no-show may re-enter the queue this long after it was marked
  int reactivation_places = 3;    // ... this many places behind the head of its group
  int cutoff_minutes = 30;        // issuing stops when the estimated wait runs past closing minus this
};

// A topic's names: guides name their topics in Chinese; the hall gives each an English one.
struct TopicName {
  std::string name, name_en;
};

struct HallConfig {
  std::string name, name_en, address, address_en, phone;
  std::string time_zone = "Asia/Shanghai";
  std::vector<OpeningHours> opening_hours;
  std::string default_queue_group;
  std::vector<QueueGroup> queue_groups;
  std::vector<Window> windows;
  std::vector<TopicName> topics;  // English names for the topics the guides use
  // "常办事项": the guides this hall's visitors come for most, in the order to show them (常办 on
  // home, and first in every list). Empty: the kiosk ranks by how often each guide was opened.
  std::vector<std::string> common_services;
  std::vector<PriorityClass> priority_classes;
  QueueRules queue_rules;
  std::string public_base_url;  // where visitors' phones reach the hub (/t/<token>); empty: the hub's own address
  // The central store's public address: a notice's code on the kiosk leads to its page there
  // (/n/<id>), where a decision draft takes opinions; empty: to the hub's read-only page.
  std::string notice_url;

  const QueueGroup* group(const std::string& id) const;
  const Window* window(const std::string& id) const;
  const PriorityClass* priority_class(const std::string& id) const;
  // Printing: the receipt roll's width (58 or 80 mm) and the CUPS queue ("" = the default destination).
  int slip_width_mm = 80;
  std::string printer;
  // How many days after a changed guide's change takes effect the kiosk marks it (本事项自 3月1日
  // 起调整 and 调整 on list rows); 0: never.
  int changed_mark_days = 90;
};

// Every problem, one per line, as "hall: $.<path>: <what was expected>".
Result<HallConfig> parse_hall_config(std::string_view bytes);
Result<HallConfig> load_hall_config(const std::string& path);

}  // namespace hall
