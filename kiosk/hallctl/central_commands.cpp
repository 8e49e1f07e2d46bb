// SPDX-License-Identifier: Apache-2.0
#include "hallctl/central_commands.h"

#include <signal.h>

#include <cerrno>
#include <ctime>
#include <iostream>
#include <limits>
#include <mutex>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "central/central_api.h"
#include "central/central_store.h"
#include "central/signing.h"
#include "common/json_guard.h"
#include "common/rfc3339.h"
#include "hallctl/central_notice_commands.h"
#include "hallctl/central_remote.h"
#include "hallctl/command_line.h"
#include "http/http_fetcher.h"
#include "http/http_server.h"
#include "http/static_folder.h"

namespace hall::cli {

const char* const central_help = R"(hallctl central — the central store (中心库): drafts, review, publish, kiosks

Keys:
  hallctl keygen --out FILE [--id ADMIN]
        a new Ed25519 key pair: FILE (secret, mode 0600) and FILE.pub (public)

On the central machine (--data DIR, the store's folder):
  hallctl central init --data DIR --publisher-key FILE
        create the store; FILE's key signs every manifest (key set 1, publish/keys.json); a
        timestamp key (signing/timestamp.key) is made to sign timestamp.json and nothing else
  hallctl central add-admin --data DIR --id ID --name NAME --public-key FILE.pub --roles ROLES
        ROLES: a comma-separated set of author, reviewer, publisher
  hallctl central add-kiosk --data DIR --id KIOSK --public-key FILE.pub [--name NAME]
        enrol a kiosk: the public half of the key it made (hallctl keygen --out FILE --id KIOSK);
        only enrolled kiosks' signed heartbeats are shown, the others are refused and counted
  hallctl central rotate-key --data DIR [--new-key FILE]
        a new publisher key set signed by the current key (a new key is made when none is given)
  hallctl central serve --data DIR [--port N] [--bind ADDR]
        serve the API and the published folder (default 127.0.0.1:8480); SIGTERM stops it;
        renews timestamp.json (valid 1 day) at start and every 6 hours with the timestamp key
  hallctl central renew-timestamp --data DIR
        sign timestamp.json again now (for a timer when the store is not served by hallctl)
  hallctl central workdays import FILE --data DIR
        the hall's 工作日 calendar (hallkiosk.workdays/1, as `hallctl workdays import` takes) for
        the rule that an approved change is published within 1 working day; without one the
        store counts Monday to Friday

From an administrator's machine (--url URL of the store, --key FILE the admin's secret key):
  hallctl central submit FILE          every guide of FILE becomes a draft with its diff (author)
  hallctl central drafts               every draft: state, diff, review; approved drafts whose
                                       publication is late or due today (1 working day) first
  hallctl central review DRAFT (--approve | --reject REASON) --note TEXT
        a different administrator reviews (先审查、后公开); NOTE is the confidentiality-check record
  hallctl central publish [--effective-from TIME] [--draft ID[,ID...]] [--notice-draft ID[,ID...]]
        publish approved drafts (all of them, or the ones named) as the next catalogue version
        a changed guide carries a note of what changed (README, "Changed guides"); a draft
        published more than 1 working day after its approval is warned about and audited
  hallctl central status               every kiosk: version, last sync, errors, printer; flags behind/silent
  hallctl central audit                the audit log, newest first, every page; unauthenticated
                                       refusals counted per minute, source and reason

Options:
  --admin ID   the administrator (default: the id written in the key file)
  --json       machine-readable output on stdout
Exit codes: 0 success, 2 invalid input, usage or a refused rule, 1 any other failure.
)";

namespace {

using Json = nlohmann::ordered_json;
using central::CentralStore;

int report(const Error& e) { return say_failure(e); }
int usage(const std::string& message) { return central_usage(message); }

std::optional<std::string> need(const CommandLine& cl, const std::string& option) {
  if (!cl.flag(option) || cl.option(option).empty()) return std::nullopt;
  return cl.option(option);
}

// ---- local verbs ------------------------------------------------------------------------------

int keygen(const CommandLine& cl) {
  const auto out = need(cl, "--out");
  if (!out) return usage("keygen needs --out FILE");
  auto key = central::generate_key_pair();
  key.id = cl.option("--id");
  if (auto r = central::write_key_files(*out, key); !r) return report(r.error());
  std::cout << "wrote " << *out << " (secret, mode 0600) and " << *out << ".pub; key id "
            << key.public_key.key_id() << "\n";
  return exit_ok;
}

int init(const CommandLine& cl) {
  const auto data = need(cl, "--data");
  const auto key_file = need(cl, "--publisher-key");
  if (!data || !key_file) return usage("central init needs --data DIR and --publisher-key FILE");
  auto key = central::read_secret_key_file(*key_file);
  if (!key) return report(key.error());
  SystemClock clock;
  if (auto r = CentralStore::init(*data, *key, clock); !r) return report(r.error());
  std::cout << "central store created in " << *data << "; publisher key " << key->public_key.key_id()
            << "\nkiosks pin " << *data << "/publish/keys/1.json as their trusted_keys.json\n";
  return exit_ok;
}

Result<CentralStore> open_local(const CommandLine& cl, const Clock& clock) {
  const auto data = need(cl, "--data");
  if (!data) return fail(ErrorCode::invalid_input, "this verb needs --data DIR (the central store's folder)");
  return CentralStore::open(*data, clock);
}

int add_admin(const CommandLine& cl) {
  const auto id = need(cl, "--id");
  const auto name = need(cl, "--name");
  const auto key_file = need(cl, "--public-key");
  const auto roles_text = need(cl, "--roles");
  if (!id || !name || !key_file || !roles_text) {
    return usage("central add-admin needs --data, --id, --name, --public-key and --roles");
  }
  central::Admin admin{*id, *name, {}, {}};
  std::stringstream roles(*roles_text);
  for (std::string r; std::getline(roles, r, ',');) {
    const auto role = central::role_from(r);
    if (!role) return usage("unknown role \"" + r + "\" (author, reviewer, publisher)");
    admin.roles.push_back(*role);
  }
  auto key = central::read_public_key_file(*key_file);
  if (!key) return report(key.error());
  admin.key = *key;
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  if (auto r = store->add_admin(admin, "operator"); !r) return report(r.error());
  std::cout << "administrator " << admin.id << " added (" << *roles_text << "), key " << key->key_id() << "\n";
  return exit_ok;
}

int add_kiosk(const CommandLine& cl) {
  const auto id = need(cl, "--id");
  const auto key_file = need(cl, "--public-key");
  if (!id || !key_file) return usage("central add-kiosk needs --data, --id and --public-key");
  auto key = central::read_public_key_file(*key_file);
  if (!key) return report(key.error());
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  if (auto r = store->enrol_kiosk({*id, cl.option("--name", *id), *key}, "operator"); !r) return report(r.error());
  std::cout << "kiosk " << *id << " enrolled, key " << key->key_id() << "\n";
  return exit_ok;
}

int rotate_key(const CommandLine& cl) {
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  central::KeyPair next;
  if (const auto file = need(cl, "--new-key")) {
    auto k = central::read_secret_key_file(*file);
    if (!k) return report(k.error());
    next = *k;
  } else {
    next = central::generate_key_pair();
  }
  auto v = store->rotate_key(next, "operator");
  if (!v) return report(v.error());
  std::cout << "publisher key set " << *v << ": key " << next.public_key.key_id() << ", signed by the previous key\n";
  return exit_ok;
}

int renew_timestamp(const CommandLine& cl) {
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  auto v = store->renew_timestamp("operator");
  if (!v) return report(v.error());
  std::cout << "timestamp.json version " << *v << " signed by the timestamp key\n";
  return exit_ok;
}

int workdays(const CommandLine& cl) {
  if (cl.words.size() != 4 || cl.words[2] != "import") return usage("expected central workdays import FILE --data DIR");
  auto bytes = central::read_whole_file(cl.words[3]);
  if (!bytes) return report(bytes.error());
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  auto years = store->import_workdays(*bytes, "operator");
  if (!years) return report(years.error());
  std::cout << "working-day calendar imported:";
  for (const int y : *years) std::cout << " " << y;
  std::cout << "\n";
  return exit_ok;
}

int serve(const CommandLine& cl) {
  SystemClock clock;
  auto store = open_local(cl, clock);
  if (!store) return report(store.error());
  if (auto r = store->write_published(); !r) return report(r.error());
  int port = 8480;
  if (cl.flag("--port")) {
    try {
      port = std::stoi(cl.option("--port"));
    } catch (const std::exception&) {
      return usage("--port: expected a number");
    }
    if (port < 0 || port > 65535) return usage("--port: expected 0-65535");
  }
  // SIGTERM and SIGINT are taken by sigwait below; blocked before the server's threads start so
  // none of them is interrupted by one.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  central::CentralApi api(*store);
  // CentralApi and its store are single-threaded; the server runs handlers at once, so they take
  // turns here. The published folder needs no lock.
  std::mutex api_mutex;
  http::Router routes;
  routes.add("*", "/api/*", [&](const http::Request& r) {
    const std::lock_guard lock(api_mutex);
    return api.handle(r);
  });
  // A notice's public page and its comment form (the QR code on the kiosk leads here). Anyone can
  // post to it, so its bound is checked on the request's head, before a byte of body is read.
  routes.add(
      "*", "/n/*",
      [&](const http::Request& r) {
        const std::lock_guard lock(api_mutex);
        return api.handle(r);
      },
      {.max_body_bytes = central::max_comment_form_bytes});
  routes.get("/*", http::static_folder(store->publish_dir()));
  http::ServerOptions options;
  options.host = cl.option("--bind", "127.0.0.1");
  options.port = port;
  options.max_body_bytes = 80u << 20;            // a 64 MiB catalogue file and its envelope
  options.body_timeout = std::chrono::minutes(10);  // ... over a slow link
  http::HttpServer server(std::move(options), std::move(routes));
  auto bound = server.start();
  if (!bound) return report(bound.error());
  std::cout << server.url() << "/\n" << std::flush;
  std::cerr << "serving " << store->publish_dir() << " and the API at " << server.url()
            << "/api/; SIGTERM or Ctrl-C stops\n";
  // The timestamp role's renewal: the publisher key is never read here, only the timestamp key.
  const auto renew = [&] {
    const std::lock_guard lock(api_mutex);
    auto v = store->renew_timestamp("timestamp");
    if (!v && v.error().code != ErrorCode::not_found) std::cerr << "renewing timestamp.json: " << v.error().message << "\n";
  };
  renew();
  const auto every = std::chrono::duration_cast<std::chrono::seconds>(store->config().timestamp_renew_every);
  for (;;) {
    const timespec wait{static_cast<time_t>(every.count()), 0};
    if (sigtimedwait(&stop_signals, nullptr, &wait) >= 0) break;  // SIGTERM or SIGINT
    if (errno == EAGAIN) renew();
  }
  server.stop();
  std::cerr << "stopped\n";
  return exit_ok;
}

// ---- remote verbs -----------------------------------------------------------------------------

// Every page of the audit log (GET /api/audit?before=&limit=), newest first, as one answer.
Result<Json> audit_all(const Remote& remote) {
  Json all = Json::array();
  std::string path = "/api/audit";
  for (std::int64_t last = std::numeric_limits<std::int64_t>::max();;) {
    auto page = call(remote, "GET", path, "");
    if (!page) return page;
    for (auto& e : (*page)["audit"]) all.push_back(std::move(e));
    const Json& next = (*page)["next_before"];
    // Follow the cursor while it moves down (a store that pages no further ends the walk).
    if (!next.is_number_integer() || next.get<std::int64_t>() >= last) {
      (*page)["audit"] = std::move(all);
      (*page).erase("next_before");
      (*page).erase("next");
      return page;
    }
    last = next.get<std::int64_t>();
    path = "/api/audit/before/" + std::to_string(last);
  }
}

// "publish by 2026-11-30 (approved 2026-11-27): LATE by 2 working day(s)".
std::string publication_line(const Json& p) {
  std::string line =
      "publish by " + p["due_on"].get<std::string>() + " (approved " + p["approved_on"].get<std::string>() + ")";
  if (const int late = p["working_days_late"].get<int>(); late > 0) {
    line += ": LATE by " + std::to_string(late) + " working day(s)";
  } else if (p["due_today"].get<bool>()) {
    line += ": DUE TODAY";
  }
  if (p["weekdays_only"].get<bool>()) line += " [no calendar: Monday–Friday counted]";
  return line;
}

void print_draft(const Json& d) {
  std::cout << "#" << d["id"].get<std::int64_t>() << "  " << d["guide_id"].get<std::string>() << " v"
            << d["version"].get<int>() << "  " << d["state"].get<std::string>() << "  by "
            << d["author"].get<std::string>() << "  " << d["submitted_at"].get<std::string>() << "\n";
  for (const auto& c : d["changes"]) {
    std::cout << "    " << c["path"].get<std::string>() << ": " << c["old"].get<std::string>() << " → "
              << c["new"].get<std::string>() << "\n";
  }
  if (d.contains("publish_by")) std::cout << "    " << publication_line(d["publish_by"]) << "\n";
  if (d.contains("review")) {
    const auto& r = d["review"];
    std::cout << "    reviewed by " << r["reviewer"].get<std::string>() << " at " << r["reviewed_at"].get<std::string>()
              << ": " << r["conclusion"].get<std::string>();
    if (!r["reason"].get<std::string>().empty()) std::cout << " — " << r["reason"].get<std::string>();
    std::cout << "\n    保密审查: " << r["confidentiality_note"].get<std::string>() << "\n";
  }
}

int remote_verb(const CommandLine& cl, const std::string& verb) {
  auto remote = remote_of(cl);
  if (!remote) return report(remote.error());
  const bool as_json = cl.flag("--json");
  Result<Json> answer = fail(ErrorCode::invalid_input, "");
  if (verb == "submit") {
    if (cl.words.size() != 3) return usage("central submit needs one FILE");
    auto bytes = central::read_whole_file(cl.words[2]);
    if (!bytes) return report(bytes.error());
    answer = call(*remote, "POST", "/api/drafts", *bytes);
  } else if (verb == "review") {
    if (cl.words.size() != 3) return usage("central review needs one DRAFT id");
    if (cl.flag("--approve") == cl.flag("--reject")) return usage("central review needs --approve or --reject REASON");
    if (!need(cl, "--note")) return usage("central review needs --note TEXT (the confidentiality-check record)");
    const Json body = {{"conclusion", cl.flag("--approve") ? "approve" : "reject"},
                       {"reason", cl.option("--reject")},
                       {"note", cl.option("--note")}};
    answer = call(*remote, "POST", "/api/drafts/" + cl.words[2] + "/review", body.dump());
  } else if (verb == "publish") {
    Json body = Json::object();
    if (const auto t = need(cl, "--effective-from")) {
      if (!parse_rfc3339(*t)) return usage("--effective-from: expected an RFC 3339 time with an offset");
      body["effective_from"] = *t;
    }
    for (const auto& [option, key] : {std::pair{"--draft", "drafts"}, {"--notice-draft", "notice_drafts"}}) {
      const auto d = need(cl, option);
      if (!d) continue;
      body[key] = Json::array();
      std::stringstream ids(*d);
      for (std::string id; std::getline(ids, id, ',');) {
        try {
          body[key].push_back(std::stoll(id));
        } catch (const std::exception&) {
          return usage(std::string(option) + ": expected draft ids, e.g. 3,4");
        }
      }
    }
    answer = call(*remote, "POST", "/api/publish", body.dump());
  } else if (verb == "drafts") {
    answer = call(*remote, "GET", "/api/drafts", "");
  } else if (verb == "status") {
    answer = call(*remote, "GET", "/api/kiosks", "");
  } else {
    answer = audit_all(*remote);
  }
  if (!answer) return report(answer.error());
  if (as_json) {
    std::cout << answer->dump(2) << "\n";
    return exit_ok;
  }
  const Json& a = *answer;
  if (verb == "submit" || verb == "drafts") {
    // Only the drafts list carries it: a const operator[] on a missing key is undefined behaviour
    // (an assertion in a debug build, as the ASan run showed on a submit's answer).
    const Json& due = a.contains("publication_due") ? a["publication_due"] : Json::array();
    if (due.is_array() && !due.empty()) {
      std::cout << "approved, not yet published (1 working day from approval):\n";
      for (const auto& p : due) {
        std::cout << "  #" << p["draft"].get<std::int64_t>() << "  " << p["guide"].get<std::string>() << "  "
                  << publication_line(p) << "\n";
      }
    }
    for (const auto& d : a["drafts"]) print_draft(d);
    if (verb == "drafts" && a["drafts"].empty()) std::cout << "no drafts\n";
  } else if (verb == "review") {
    print_draft(a["draft"]);
  } else if (verb == "publish") {
    std::cout << "published catalogue version " << a["catalogue_version"].get<std::int64_t>() << ":";
    for (const auto& g : a["guides"]) std::cout << " " << g.get<std::string>();
    if (a.contains("notices")) {
      for (const auto& n : a["notices"]) std::cout << " notice " << n.get<std::string>();
    }
    if (a.value("workdays_changed", false)) std::cout << " working-day calendar";
    std::cout << "\n";
    if (a.contains("late")) {
      for (const auto& l : a["late"]) {
        std::cerr << "warning: " << l["guide"].get<std::string>() << " (draft #" << l["draft"].get<std::int64_t>()
                  << ") was approved " << l["approved_on"].get<std::string>() << " and due "
                  << l["due_on"].get<std::string>() << ": published " << l["working_days_late"].get<int>()
                  << " working day(s) late"
                  << (l["weekdays_only"].get<bool>() ? " (no calendar: Monday–Friday counted)" : "") << "\n";
      }
    }
  } else if (verb == "status") {
    const auto latest = a["latest_catalogue_version"].get<std::int64_t>();
    std::cout << "latest published catalogue version: " << latest << "\n";
    if (a["kiosks"].empty()) std::cout << "no kiosk has reported yet\n";
    for (const auto& k : a["kiosks"]) {
      std::cout << k["kiosk_id"].get<std::string>() << "  v" << k["catalogue_version"].get<std::int64_t>()
                << (k["behind"].get<bool>() ? "  BEHIND" : "") << (k["silent"].get<bool>() ? "  SILENT" : "")
                << "  last seen " << k["last_seen"].get<std::string>() << "  last good sync "
                << (k["last_good_sync"].get<std::string>().empty() ? "never" : k["last_good_sync"].get<std::string>())
                << "  printer " << k["printer_state"].get<std::string>();
      if (!k["last_error"].get<std::string>().empty()) std::cout << "  error: " << k["last_error"].get<std::string>();
      std::cout << "\n";
    }
    if (const auto& refused = a["refused_heartbeats"]; refused.is_object() && !refused.empty()) {
      std::cout << "refused heartbeats (never shown as kiosks):";
      for (const auto& [reason, count] : refused.items())
        std::cout << " " << reason << " " << count.get<std::int64_t>();
      std::cout << "\n";
    }
  } else {
    for (const auto& r : a["unauthenticated_refusals"]) {
      std::cout << r["minute"].get<std::string>() << "  " << r["source"].get<std::string>() << "  refused x"
                << r["count"].get<std::int64_t>() << "  " << r["reason"].get<std::string>() << "  (unauthenticated)\n";
    }
    for (const auto& e : a["audit"]) {
      std::cout << e["at"].get<std::string>() << "  " << e["actor"].get<std::string>() << "  "
                << e["action"].get<std::string>() << "  " << e["target"].get<std::string>() << "  "
                << e["outcome"].get<std::string>();
      if (!e["detail"].get<std::string>().empty()) std::cout << "  " << e["detail"].get<std::string>();
      std::cout << "\n";
    }
  }
  return exit_ok;
}

}  // namespace

int run_central_command(int argc, char** argv) {
  auto cl = parse_command_line(argc, argv,
                               {"--out", "--id", "--data", "--publisher-key", "--name", "--public-key", "--roles",
                                "--new-key", "--port", "--bind", "--key", "--url", "--admin", "--reject", "--note",
                                "--effective-from", "--draft", "--notice-draft", "--mask", "--keep", "--date"},
                               {"--json", "--help", "--approve", "--mask-all", "--csv"});
  if (!cl) return usage(cl.error().message);
  if (cl->words.empty()) return usage("expected keygen or central");
  if (cl->words[0] == "keygen") {
    if (cl->flag("--help")) {
      std::cout << central_help << central_notice_help;
      return exit_ok;
    }
    return keygen(*cl);
  }
  if (cl->words.size() < 2 || cl->flag("--help")) {
    std::cout << central_help << central_notice_help;
    return cl->flag("--help") ? exit_ok : exit_invalid;
  }
  const std::string& verb = cl->words[1];
  if (verb == "init") return init(*cl);
  if (verb == "add-admin") return add_admin(*cl);
  if (verb == "add-kiosk") return add_kiosk(*cl);
  if (verb == "rotate-key") return rotate_key(*cl);
  if (verb == "serve") return serve(*cl);
  if (verb == "renew-timestamp") return renew_timestamp(*cl);
  if (verb == "workdays") return workdays(*cl);
  if (is_central_notice_verb(verb)) return run_central_notice_verb(*cl, verb);
  for (const char* remote : {"submit", "review", "publish", "drafts", "status", "audit"}) {
    if (verb == remote) return remote_verb(*cl, verb);
  }
  return usage("unknown verb \"central " + verb + "\"");
}

}  // namespace hall::cli
