// SPDX-License-Identifier: Apache-2.0
#include "hallctl/queue_commands.h"

#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"
#include "common/time_zone.h"
#include "data_dir.h"
#include "hall/hall_config.h"
#include "hallctl/command_line.h"
#include "hallctl/demo_day.h"
#include "queue/audit_log.h"
#include "queue/device_registry.h"
#include "queue/queue_service.h"
#include "queue/queue_stats.h"
#include "queue/staff_registry.h"

namespace hall::cli {

const char* const queue_help = R"(hallctl queue, device, staff, audit — the hall's queue (queue.db beside hall.json)

  hallctl queue stats [--date YYYY-MM-DD]     a day's figures per group and per window (default today)
  hallctl queue demo-day [--tickets N]        a realistic morning through the real hub (demo clerks
                                              D01.. PIN 246810; hallctl queue demo-day --help)
  hallctl device add --id K1 --role kiosk|board   prints the new device token once, alone on a line
  hallctl device list | revoke --id K1
  hallctl staff add --id S01 --name 王芳 --role clerk|manager --pin-stdin   (PIN: 4-12 digits)
  hallctl staff list | disable --id S01 | reset-pin --id S01 --pin-stdin
  hallctl audit                               every sign-in, refusal and counter action

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
Exit codes: 0 success, 2 invalid input or usage, 1 any other failure.
)";

namespace {

using Json = nlohmann::ordered_json;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

int report(const queue::QueueError& e) {
  return report(e.error);
}

int usage(const std::string& what) {
  std::cerr << "hallctl: " << what << "\n\n" << queue_help;
  return exit_invalid;
}

// The hall's configuration, zone and queue.db, opened for one command.
struct QueueHall {
  HallConfig hall;
  TimeZone zone = TimeZone::fixed("UTC", 0);
  SystemClock clock;
  queue::SodiumRandom random;
  std::unique_ptr<queue::QueueService> queue;
};

Result<std::unique_ptr<QueueHall>> open_hall(const CommandLine& cl) {
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  if (auto r = app::prepare_data_dir(dir); !r) return std::unexpected(r.error());
  auto out = std::make_unique<QueueHall>();
  auto hall = app::load_hall(dir);
  if (!hall) return std::unexpected(hall.error());
  out->hall = std::move(*hall);
  auto zone = TimeZone::load(out->hall.time_zone);
  if (!zone) return std::unexpected(zone.error());
  out->zone = std::move(*zone);
  auto q = queue::QueueService::open(dir.path + "/queue.db", out->hall, out->zone, out->clock, out->random);
  if (!q) return std::unexpected(q.error().error);
  out->queue = std::make_unique<queue::QueueService>(std::move(*q));
  return out;
}

Result<std::string> read_pin() {
  std::string pin;
  if (!std::getline(std::cin, pin)) return fail(ErrorCode::invalid_input, "--pin-stdin: no PIN on stdin");
  while (!pin.empty() && (pin.back() == '\r' || pin.back() == '\n')) pin.pop_back();
  return pin;
}

std::string optional_time(const std::optional<Instant>& t) {
  return t ? format_rfc3339_utc(*t) : "";
}

std::string figure(const std::optional<double>& v) {
  if (!v) return "-";
  return std::to_string(static_cast<long>(*v + 0.5));
}

int stats(const CommandLine& cl, QueueHall& h) {
  std::string date = cl.option("--date");
  if (date.empty()) {
    auto today = h.queue->today();
    if (!today) return report(today.error());
    date = *today;
  }
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return usage("--date: expected YYYY-MM-DD");
  auto s = queue::day_stats(h.queue->database(), h.hall, h.zone, date);
  if (!s) return report(s.error());
  if (cl.flag("--json")) {
    std::cout << queue::to_json(*s) << "\n";
    return exit_ok;
  }
  std::cout << "date " << s->date << ", open " << s->open_s / 60 << " min\n";
  std::cout << "group  issued served no_show wait_mean_s wait_p90_s service_mean_s\n";
  for (const auto& g : s->groups) {
    const auto& f = g.figures;
    std::cout << g.group << "  " << f.issued << " " << f.served << " " << f.no_shows << " " << figure(f.wait_mean_s)
              << " " << figure(f.wait_p90_s) << " " << figure(f.service_mean_s) << "\n";
  }
  std::cout << "window served no_show service_mean_s busy_s busy_share\n";
  for (const auto& w : s->windows) {
    const auto& f = w.figures;
    std::cout << w.window << "  " << f.served << " " << f.no_shows << " " << figure(f.service_mean_s) << " " << w.busy_s
              << " " << (w.busy_share ? std::to_string(*w.busy_share) : "-") << "\n";
  }
  return exit_ok;
}

int device(const CommandLine& cl, QueueHall& h, const std::string& verb) {
  queue::DeviceRegistry devices(h.queue->database(), h.clock, h.random);
  if (verb == "add") {
    const auto role = queue::device_role_of(cl.option("--role"));
    if (cl.option("--id").empty() || !role) return usage("device add needs --id ID --role kiosk|board");
    auto added = devices.add(cl.option("--id"), *role);
    if (!added) return report(added.error());
    if (cl.flag("--json")) {
      std::cout << Json{{"id", added->device.id}, {"role", to_string(*role)}, {"token", added->token}}.dump() << "\n";
    } else {
      std::cout << added->token << "\n";
    }
    return exit_ok;
  }
  if (verb == "revoke") {
    if (cl.option("--id").empty()) return usage("device revoke needs --id ID");
    if (auto r = devices.revoke(cl.option("--id")); !r) return report(r.error());
    return exit_ok;
  }
  if (verb != "list") return usage("unknown device verb \"" + verb + "\"");
  auto listed = devices.list();
  if (!listed) return report(listed.error());
  Json out = Json::array();
  for (const auto& d : *listed) {
    out.push_back({{"id", d.id},
                   {"role", to_string(d.role)},
                   {"created_at", format_rfc3339_utc(d.created_at)},
                   {"revoked_at", d.revoked_at ? Json(format_rfc3339_utc(*d.revoked_at)) : Json(nullptr)}});
    if (!cl.flag("--json")) {
      std::cout << d.id << "  " << to_string(d.role) << (d.revoked_at ? "  revoked " : "  ")
                << optional_time(d.revoked_at) << "\n";
    }
  }
  if (cl.flag("--json")) std::cout << out.dump(2) << "\n";
  return exit_ok;
}

int staff(const CommandLine& cl, QueueHall& h, const std::string& verb) {
  queue::StaffRegistry registry(h.queue->database(), h.hall, h.clock, h.random);
  const std::string id = cl.option("--id");
  if (verb == "add" || verb == "reset-pin") {
    const auto role = queue::staff_role_of(cl.option("--role", "clerk"));
    if (id.empty() || !cl.flag("--pin-stdin") || (verb == "add" && (cl.option("--name").empty() || !role))) {
      return usage("staff " + verb + " needs --id ID" + (verb == "add" ? " --name NAME --role clerk|manager" : "") +
                   " --pin-stdin");
    }
    auto pin = read_pin();
    if (!pin) return report(pin.error());
    auto r = verb == "add" ? registry.add(id, cl.option("--name"), *role, *pin) : registry.reset_pin(id, *pin);
    if (!r) return report(r.error());
    return exit_ok;
  }
  if (verb == "disable") {
    if (id.empty()) return usage("staff disable needs --id ID");
    if (auto r = registry.disable(id); !r) return report(r.error());
    return exit_ok;
  }
  if (verb != "list") return usage("unknown staff verb \"" + verb + "\"");
  auto listed = registry.list();
  if (!listed) return report(listed.error());
  Json out = Json::array();
  for (const auto& m : *listed) {
    out.push_back({{"id", m.id},
                   {"name", m.name},
                   {"role", to_string(m.role)},
                   {"disabled", m.disabled},
                   {"locked_until", m.locked_until ? Json(format_rfc3339_utc(*m.locked_until)) : Json(nullptr)}});
    if (!cl.flag("--json")) {
      std::cout << m.id << "  " << m.name << "  " << to_string(m.role) << (m.disabled ? "  disabled" : "") << "\n";
    }
  }
  if (cl.flag("--json")) std::cout << out.dump(2) << "\n";
  return exit_ok;
}

int audit_log(const CommandLine& cl, QueueHall& h) {
  auto entries = queue::audit_entries(h.queue->database(), 0, 1'000'000);
  if (!entries) return report(entries.error());
  Json out = Json::array();
  for (const auto& e : *entries) {
    out.push_back({{"id", e.id},
                   {"at", format_rfc3339_utc(e.at)},
                   {"actor", e.actor},
                   {"window", e.window},
                   {"action", e.action},
                   {"outcome", e.outcome},
                   {"detail", e.detail}});
    if (!cl.flag("--json")) {
      std::cout << h.zone.format_local(e.at) << "  " << e.actor << "  " << (e.window.empty() ? "-" : e.window) << "  "
                << e.action << "  " << e.outcome << "  " << e.detail << "\n";
    }
  }
  if (cl.flag("--json")) std::cout << out.dump(2) << "\n";
  return exit_ok;
}

}  // namespace

bool is_queue_area(const char* word) {
  const std::string_view w(word);
  return w == "queue" || w == "device" || w == "staff" || w == "audit";
}

int run_queue_command(int argc, char** argv) {
  if (argc > 2 && std::string_view(argv[1]) == "queue" && std::string_view(argv[2]) == "demo-day") {
    return run_demo_day(argc, argv);
  }
  auto cl = parse_command_line(argc, argv, {"--data", "--date", "--id", "--role", "--name"},
                               {"--json", "--help", "--pin-stdin"});
  if (!cl) return usage(cl.error().message);
  if (cl->flag("--help")) {
    std::cout << queue_help;
    return exit_ok;
  }
  const auto& words = cl->words;
  const std::string area = words.at(0);
  const bool fits = area == "audit" ? words.size() == 1 : words.size() == 2;
  if (!fits) return usage("hallctl " + area + ": expected " + (area == "audit" ? "no verb" : "one verb"));
  if (area == "queue" && words[1] != "stats") return usage("unknown queue verb \"" + words[1] + "\"");
  auto h = open_hall(*cl);
  if (!h) return report(h.error());
  if (area == "queue") return stats(*cl, **h);
  if (area == "device") return device(*cl, **h, words[1]);
  if (area == "staff") return staff(*cl, **h, words[1]);
  return audit_log(*cl, **h);
}

}  // namespace hall::cli
