// SPDX-License-Identifier: Apache-2.0
// A morning at the hall, compressed into seconds: the 9:00 rush at the kiosk (guides of every
// group, some 绿色通道 priorities), clerks at every window calling, serving, marking no-shows and
// transferring, until the queue looks like mid-morning: people still waiting, windows busy, one
// paused. Everything goes through the hub over real HTTP (started here on a free port of
// 127.0.0.1), exactly as kiosks and counters do, so its events, figures and audit log are real.
#include "hallctl/demo_day.h"

#include <iostream>
#include <random>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_store.h"
#include "data_dir.h"
#include "hallctl/command_line.h"
#include "http/http_client.h"
#include "hub_host/hall_hub.h"

namespace hall::cli {
namespace {

using Json = nlohmann::ordered_json;

const char* const demo_help = R"(hallctl queue demo-day — fill today's queue with a realistic morning

Usage: hallctl queue demo-day [--data DIR] [--tickets N] [--seed N]

Starts the hall hub on a free port of 127.0.0.1 and, through it, issues N tickets (default 150) for
the hall's guides, then lets a demo clerk at every window call and serve until about a fifth are
still waiting. The demo clerks are D01, D02 ... (one per window), PIN 246810; they are added when
missing. Outside the hall's opening hours the hub issues nothing, and this says so.
)";

constexpr const char* demo_pin = "246810";

struct Demo {
  http::HttpClient client;
  std::string kiosk;
  std::mt19937 random;
  int issued = 0, served = 0, no_shows = 0, transfers = 0, recalls = 0;
};

Result<Json> call(Demo& d, const std::string& method, const std::string& path, const std::string& token,
                  const Json& body = nullptr, const std::string& key = {}) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.headers.emplace_back("Authorization", "Bearer " + token);
  if (!key.empty()) r.headers.emplace_back("Idempotency-Key", key);
  if (!body.is_null()) r.body = body.dump();
  auto answer = d.client.send(r);
  if (!answer) return std::unexpected(answer.error());
  if (answer->status == 204) return Json(nullptr);
  Json j = Json::parse(answer->body, nullptr, false);
  if (answer->status >= 400) {
    const std::string why = j.is_object() && j.contains("error") ? j["error"].value("message_en", "") : answer->body;
    return fail(answer->status == 409 ? ErrorCode::conflict : ErrorCode::invalid_input,
                method + " " + path + ": " + std::to_string(answer->status) + " " + why);
  }
  return j;
}

std::vector<std::string> guide_ids(const std::string& catalogue_db) {
  std::vector<std::string> ids;
  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(catalogue_db, clock);
  if (!store) return ids;
  if (auto all = store->current()) {
    for (const auto& g : *all) ids.push_back(g.id);
  }
  return ids;
}

}  // namespace

int run_demo_day(int argc, char** argv) {
  auto cl = parse_command_line(argc, argv, {"--data", "--tickets", "--seed"}, {"--help"});
  if (!cl) {
    std::cerr << "hallctl: " << cl.error().message << "\n\n" << demo_help;
    return exit_invalid;
  }
  if (cl->flag("--help")) {
    std::cout << demo_help;
    return exit_ok;
  }
  int tickets = 150;
  unsigned seed = 20261202;
  try {
    if (!cl->option("--tickets").empty()) tickets = std::stoi(cl->option("--tickets"));
    if (!cl->option("--seed").empty()) seed = static_cast<unsigned>(std::stoul(cl->option("--seed")));
  } catch (const std::exception&) {
    std::cerr << "hallctl: --tickets and --seed take numbers\n";
    return exit_invalid;
  }
  if (tickets < 1 || tickets > 20'000) {
    std::cerr << "hallctl: --tickets: 1 to 20000\n";
    return exit_invalid;
  }
  app::HubOptions options;
  options.data_dir = cl->option("--data");
  options.port = 0;
  auto hub = app::HallHub::start(options);
  if (!hub) return say_failure(hub.error());
  const app::DataDir dir = app::resolve_data_dir(options.data_dir);
  const HallConfig& hall = (*hub)->hub().hall();

  // A kiosk and a clerk per window, as the hall would have them.
  std::string kiosk;
  std::vector<std::pair<std::string, std::string>> clerks;  // (staff id, window)
  {
    auto lane = (*hub)->hub().lane();
    for (int n = 1; kiosk.empty() && n < 1000; ++n) {
      if (auto k = lane->devices.add("demo-kiosk-" + std::to_string(n), queue::DeviceRole::kiosk)) kiosk = k->token;
    }
    auto staff = lane->staff.list();
    if (!staff) return say_failure(staff.error().error);
    for (std::size_t i = 0; i < hall.windows.size(); ++i) {
      const std::string id = (i + 1 < 10 ? "D0" : "D") + std::to_string(i + 1);
      const bool known = std::any_of(staff->begin(), staff->end(), [&](const auto& m) { return m.id == id; });
      if (!known) {
        if (auto a = lane->staff.add(id, std::string("演示窗口") + std::to_string(i + 1), queue::StaffRole::clerk, demo_pin); !a) {
          return say_failure(a.error().error);
        }
      }
      clerks.emplace_back(id, hall.windows[i].id);
    }
  }
  auto client = http::HttpClient::to((*hub)->url(), std::chrono::seconds(30));
  if (!client) return say_failure(client.error());
  Demo d{std::move(*client), kiosk, std::mt19937(seed)};
  std::vector<std::string> sessions;
  for (const auto& [id, window] : clerks) {
    http::Request r;
    r.method = "POST";
    r.path = "/api/v1/sessions";
    r.body = Json{{"staff_id", id}, {"pin", demo_pin}, {"window", window}}.dump();
    auto a = d.client.send(r);
    if (!a || a->status != 201) {
      std::cerr << "hallctl: demo clerk " << id << " cannot sign in at " << window << ": "
                << (a ? a->body : a.error().message) << "\n";
      return exit_failure;
    }
    sessions.push_back(Json::parse(a->body)["session"]);
  }

  // The rush: everyone at once, for the hall's guides (a few ask at the 咨询 desk).
  const auto ids = guide_ids(dir.catalogue_db());
  std::uniform_real_distribution<double> chance(0, 1);
  for (int i = 0; i < tickets; ++i) {
    Json body = Json::object();
    if (!ids.empty() && chance(d.random) > 0.08) body["guide_id"] = ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(d.random)];
    if (!hall.priority_classes.empty() && chance(d.random) < 0.12) {
      body["priority"] = hall.priority_classes[std::uniform_int_distribution<std::size_t>(0, hall.priority_classes.size() - 1)(d.random)].id;
    }
    auto t = call(d, "POST", "/api/v1/tickets", kiosk, body, "demo-" + std::to_string(seed) + "-" + std::to_string(i));
    if (!t) {
      std::cerr << "hallctl: the hub issues nothing now: " << t.error().message << "\n";
      return t.error().code == ErrorCode::conflict ? exit_invalid : exit_failure;
    }
    ++d.issued;
  }

  // The morning's work, window by window in turn, until about a fifth still wait.
  const int leave_waiting = tickets / 5;
  int waiting = tickets;
  for (int idle_rounds = 0; waiting > leave_waiting && idle_rounds < 3;) {
    bool anyone = false;
    for (std::size_t w = 0; w < sessions.size() && waiting > leave_waiting; ++w) {
      const std::string& s = sessions[w];
      const std::string& window = clerks[w].second;
      auto c = call(d, "POST", "/api/v1/windows/" + window + "/call-next", s);
      if (!c || c->is_null()) continue;
      anyone = true;
      --waiting;
      const std::string path = "/api/v1/tickets/" + std::to_string((*c)["id"].get<long long>());
      const double roll = chance(d.random);
      if (roll < 0.06) {  // nobody came: called again, then marked
        if (call(d, "POST", path + "/recall", s)) ++d.recalls;
        if (call(d, "POST", path + "/no-show", s)) ++d.no_shows;
      } else if (roll < 0.09 && hall.queue_groups.size() > 1) {  // at the wrong window: sent on
        const auto& to = hall.queue_groups[std::uniform_int_distribution<std::size_t>(0, hall.queue_groups.size() - 1)(d.random)];
        if (call(d, "POST", path + "/transfer", s, Json{{"group", to.id}})) ++d.transfers, ++waiting;
      } else {
        call(d, "POST", path + "/start", s);
        if (call(d, "POST", path + "/finish", s)) ++d.served;
      }
    }
    idle_rounds = anyone ? 0 : idle_rounds + 1;
  }
  // Mid-morning: most windows serve someone now, and the last window is paused for a break.
  for (std::size_t w = 0; w + 1 < sessions.size(); ++w) {
    if (auto c = call(d, "POST", "/api/v1/windows/" + clerks[w].second + "/call-next", sessions[w]); c && !c->is_null()) {
      call(d, "POST", "/api/v1/tickets/" + std::to_string((*c)["id"].get<long long>()) + "/start", sessions[w]);
    }
  }
  if (!sessions.empty()) call(d, "POST", "/api/v1/windows/" + clerks.back().second + "/pause", sessions.back());
  for (const auto& s : sessions) call(d, "DELETE", "/api/v1/sessions/current", s);

  std::cout << "demo-day: " << d.issued << " tickets issued, " << d.served << " served, " << d.no_shows
            << " no-shows, " << d.transfers << " transfers, " << d.recalls << " recalls; about " << leave_waiting
            << " still waiting\n"
            << "demo clerks: D01..D" << (clerks.size() < 10 ? "0" : "") << clerks.size() << " (one per window), PIN "
            << demo_pin << "\n"
            << "figures: hallctl queue stats --data " << dir.path << "\n";
  (*hub)->stop();
  return exit_ok;
}

}  // namespace hall::cli
