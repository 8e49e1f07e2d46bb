// SPDX-License-Identifier: Apache-2.0
#include "hallctl/sync_commands.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <random>
#include <thread>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_store.h"
#include "central/central_api.h"
#include "central/signing.h"
#include "common/rfc3339.h"
#include "data_dir.h"
#include "hallctl/command_line.h"
#include "http/http_fetcher.h"
#include "search/pinyin.h"
#include "sync/directory_fetcher.h"
#include "sync/sync_state.h"
#include "sync/syncer.h"

namespace hall::cli {

const char* const sync_help = R"(hallctl sync — follow the central store's signed guide catalogue

  hallctl sync --once --url URL     poll the published directory once and apply what verifies
                                    (URL: http://host:port/path, or a local folder / file:// URL)
  hallctl sync --watch --url URL    poll for ever (every --interval seconds, default 300, with ±20%
                                    jitter) until SIGTERM or SIGINT; with --heartbeat CENTRAL_URL
                                    also report to the central store after each poll, signed with
                                    --kiosk-key FILE (hallctl keygen --out FILE --id KIOSK, its .pub
                                    enrolled with hallctl central add-kiosk); --kiosk-id ID, default
                                    the key's id, else the host name
  hallctl sync --status             trusted version, last good sync, data age, last error, stale
  hallctl sync --trust FILE         pin the publisher's initial key set (trusted_keys.json)

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
Exit codes: 0 applied or nothing new, 1 refused or unreachable (the last good catalogue stays), 2 usage.
)";

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::not_found, path + ": cannot be read");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return fail(ErrorCode::io, path + ": read failed");
  return bytes;
}

// Writes beside, then renames: the folder holds the old file or the new one, never half.
Result<void> write_file_replacing(const std::string& path, const std::string& bytes) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) return fail(ErrorCode::io, temp + ": cannot be written");
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return fail(ErrorCode::io, path + ": " + ec.message());
  return {};
}

std::string when(const std::optional<Instant>& t) {
  return t ? format_rfc3339_utc(*t) : "never";
}

std::string age_text(std::chrono::seconds age) {
  const auto s = age.count();
  if (s < 120) return std::to_string(s) + " s";
  if (s < 2 * 3600) return std::to_string(s / 60) + " min";
  if (s < 2 * 86400) return std::to_string(s / 3600) + " h";
  return std::to_string(s / 86400) + " days";
}

Json time_json(const std::optional<Instant>& t) {
  return t ? Json(format_rfc3339_utc(*t)) : Json(nullptr);
}

struct Hall {
  app::DataDir dir;
  std::unique_ptr<catalogue::CatalogueStore> store;
};

Result<Hall> open_hall(const CommandLine& cl, const Clock& clock) {
  Hall h{app::resolve_data_dir(cl.option("--data")), nullptr};
  if (auto r = app::prepare_data_dir(h.dir); !r) return std::unexpected(r.error());
  auto store = catalogue::CatalogueStore::open(h.dir.catalogue_db(), clock);
  if (!store) return std::unexpected(store.error());
  h.store = std::make_unique<catalogue::CatalogueStore>(std::move(*store));
  return h;
}

int trust(const CommandLine& cl) {
  const std::string file = cl.option("--trust");
  auto bytes = read_file(file);
  if (!bytes) return report(bytes.error());
  SystemClock clock;
  auto hall = open_hall(cl, clock);
  if (!hall) return report(hall.error());
  auto version = sync::pin_trusted_keys(hall->store->database(), *bytes, file);
  if (!version) return report(version.error());
  const std::string kept = hall->dir.path + "/trusted_keys.json";
  if (fs::absolute(file) != fs::absolute(kept)) {
    if (auto r = write_file_replacing(kept, *bytes); !r) return report(r.error());
  }
  if (cl.flag("--json")) {
    std::cout << Json{{"pinned_keys_version", *version}, {"file", kept}}.dump(2) << "\n";
  } else {
    std::cout << "pinned publisher key set " << *version << " from " << file << " (kept as " << kept << ")\n";
  }
  return exit_ok;
}

// A hall set up by copying trusted_keys.json into its folder pins it on the first sync.
Result<void> pin_from_folder(Hall& hall) {
  auto state = sync::load_sync_state(hall.store->database());
  if (!state) return std::unexpected(state.error());
  const std::string kept = hall.dir.path + "/trusted_keys.json";
  if (state->keys_version != 0 || !fs::exists(kept)) return {};
  auto bytes = read_file(kept);
  if (!bytes) return std::unexpected(bytes.error());
  auto pinned = sync::pin_trusted_keys(hall.store->database(), *bytes, kept);
  if (!pinned) return std::unexpected(pinned.error());
  std::cerr << "pinned publisher key set " << *pinned << " from " << kept << "\n";
  return {};
}

std::unique_ptr<sync::Fetcher> fetcher_for(const std::string& url) {
  if (sync::is_local_url(url) || fs::is_directory(url)) return std::make_unique<sync::DirectoryFetcher>();
  return std::make_unique<http::HttpFetcher>();
}

// A hall ready to poll `url`: its store, the key set pinned from its folder if need be, a fetcher.
struct SyncSession {
  Hall hall;
  std::unique_ptr<sync::Fetcher> fetcher;
  std::unique_ptr<sync::Syncer> syncer;
};

Result<SyncSession> open_sync_session(const CommandLine& cl, const std::string& url, const Clock& clock) {
  // Applying guides builds their search terms from the installed pinyin-database.
  if (auto ready = search::pinyin_ready(); !ready) return std::unexpected(ready.error());
  auto hall = open_hall(cl, clock);
  if (!hall) return std::unexpected(hall.error());
  if (auto r = pin_from_folder(*hall); !r) return std::unexpected(r.error());
  SyncSession session{std::move(*hall), fetcher_for(url), nullptr};
  session.syncer = std::make_unique<sync::Syncer>(*session.hall.store, *session.fetcher, clock, sync::SyncOptions{url});
  return session;
}

int once(const CommandLine& cl) {
  const std::string url = cl.option("--url");
  if (url.empty()) {
    std::cerr << "hallctl sync --once needs --url URL\n";
    return exit_invalid;
  }
  SystemClock clock;
  auto session = open_sync_session(cl, url, clock);
  if (!session) return report(session.error());
  const auto result = session->syncer->sync_once();
  if (!result) {
    const auto& e = result.error();
    if (cl.flag("--json")) {
      std::cout << Json{{"ok", false}, {"reason", sync::to_string(e.reason)}, {"message", e.error.message}}.dump(2)
                << "\n";
    }
    std::cerr << "sync refused (" << sync::to_string(e.reason) << "): " << e.error.message
              << "\nthe last good catalogue stays in use\n";
    return e.reason == sync::Refusal::no_trusted_keys ? exit_invalid : exit_failure;
  }
  const auto& r = *result;
  if (cl.flag("--json")) {
    std::cout << Json{{"ok", true},
                      {"outcome", sync::to_string(r.outcome)},
                      {"catalogue_version", r.catalogue_version},
                      {"requests", r.requests},
                      {"bytes_fetched", r.bytes_fetched},
                      {"bins_fetched", r.bins_fetched},
                      {"objects_fetched", r.objects_fetched},
                      {"guides_inserted", r.guides_inserted},
                      {"guides_removed", r.guides_removed},
                      {"key_rotations", r.key_rotations}}
                     .dump(2)
              << "\n";
  } else if (r.outcome == sync::SyncOutcome::applied) {
    std::cout << "applied catalogue version " << r.catalogue_version << ": " << r.bins_fetched << " bin(s), "
              << r.objects_fetched << " object(s), "
              << r.bytes_fetched << " bytes fetched; " << r.guides_inserted << " guide version(s) added, "
              << r.guides_removed << " removed" << (r.key_rotations ? "; publisher key rotated" : "") << "\n";
  } else {
    std::cout << "catalogue version " << r.catalogue_version << " is current (" << sync::to_string(r.outcome) << ", "
              << r.bytes_fetched << " bytes fetched)\n";
  }
  return exit_ok;
}

std::atomic<bool> stop_watching{false};

extern "C" void on_stop_signal(int) { stop_watching = true; }

// The kiosk's printer as the kiosk on this data folder last wrote it (DIR/printer-state: "ok",
// "none", "stopped", "media-empty" ...); "unknown" when no kiosk wrote it in the last 3 minutes.
std::string printer_state(const CommandLine& cl) {
  const std::string path = app::resolve_data_dir(cl.option("--data")).path + "/printer-state";
  std::error_code ec;
  const auto when = std::filesystem::last_write_time(path, ec);
  if (ec || std::filesystem::file_time_type::clock::now() - when > std::chrono::minutes(3)) return "unknown";
  std::ifstream in(path);
  std::string word;
  std::getline(in, word);
  return word.empty() || word.size() > 40 ? "unknown" : word;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "kiosk";
  return name;
}

// The hub's poll loop: one sync, a heartbeat, then sleep until the next jittered poll. A refused
// sync is logged and tried again at the next poll; the last good catalogue stays in use.
int watch(const CommandLine& cl) {
  const std::string url = cl.option("--url");
  if (url.empty()) {
    std::cerr << "hallctl sync --watch needs --url URL\n";
    return exit_invalid;
  }
  int interval = 300;
  try {
    interval = std::stoi(cl.option("--interval", "300"));
  } catch (const std::exception&) {
    interval = 0;
  }
  if (interval < 1) {
    std::cerr << "hallctl sync: --interval takes a whole number of seconds, 1 or more\n";
    return exit_invalid;
  }
  SystemClock clock;
  auto session = open_sync_session(cl, url, clock);
  if (!session) return report(session.error());
  sync::Syncer& syncer = *session->syncer;
  std::string heartbeat = cl.option("--heartbeat");
  while (heartbeat.ends_with('/')) heartbeat.pop_back();
  // Heartbeats are signed with the kiosk's own key (hallctl keygen --id KIOSK; the central store's
  // operator enrols its .pub with hallctl central add-kiosk); its id names the kiosk.
  std::optional<central::KeyPair> kiosk_key;
  if (const std::string file = cl.option("--kiosk-key"); !file.empty()) {
    auto k = central::read_secret_key_file(file);
    if (!k) return report(k.error());
    kiosk_key = std::move(*k);
  }
  const std::string kiosk_id =
      cl.option("--kiosk-id", kiosk_key && !kiosk_key->id.empty() ? kiosk_key->id : host_name());
  sync::Syncer::SignBody sign;
  if (kiosk_key) {
    sign = [&](const std::string& body) { return central::sign_heartbeat(*kiosk_key, kiosk_id, body, clock.now()); };
  } else if (!heartbeat.empty()) {
    std::cerr << "hallctl sync: --heartbeat without --kiosk-key: the central store refuses unsigned heartbeats\n";
  }
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  std::mt19937_64 rng(std::random_device{}());
  const sync::PollPolicy policy{std::chrono::seconds{interval}, std::chrono::seconds{interval / 5}};
  while (!stop_watching) {
    const auto result = syncer.sync_once();
    if (result) {
      std::cout << format_rfc3339_utc(clock.now()) << " catalogue version " << result->catalogue_version << " ("
                << sync::to_string(result->outcome) << ", " << result->bytes_fetched << " bytes)" << std::endl;
    } else {
      std::cerr << format_rfc3339_utc(clock.now()) << " sync refused (" << sync::to_string(result.error().reason)
                << "): " << result.error().error.message << std::endl;
    }
    if (!heartbeat.empty()) {
      if (auto r = syncer.send_heartbeat(heartbeat + "/api/heartbeat", kiosk_id, printer_state(cl), sign); !r) {
        std::cerr << "heartbeat to " << heartbeat << " failed: " << r.error().message << std::endl;
      }
    }
    const Instant next = sync::next_poll(clock.now(), rng, policy);
    while (!stop_watching && clock.now() < next) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::cout << "stopped\n";
  return exit_ok;
}

int status(const CommandLine& cl) {
  SystemClock clock;
  auto hall = open_hall(cl, clock);
  if (!hall) return report(hall.error());
  auto state = sync::load_sync_state(hall->store->database());
  if (!state) return report(state.error());
  const auto s = sync::sync_status(*state, clock.now());
  if (cl.flag("--json")) {
    std::cout << Json{{"catalogue_version", s.catalogue_version},
                      {"keys_version", s.keys_version},
                      {"last_good_sync", time_json(s.last_good_sync)},
                      {"data_age_seconds", s.data_age ? Json(s.data_age->count()) : Json(nullptr)},
                      {"issued_at", time_json(s.issued_at)},
                      {"expires_at", time_json(s.expires_at)},
                      {"stale", s.stale},
                      {"last_error", s.last_error},
                      {"last_error_reason", s.last_error_reason}}
                     .dump(2)
              << "\n";
    return exit_ok;
  }
  std::cout << "trusted catalogue version: " << s.catalogue_version
            << (s.keys_version ? "" : "  (no publisher key set pinned: hallctl sync --trust FILE)") << "\n"
            << "publisher key set:         " << s.keys_version << "\n"
            << "last good sync:            " << when(s.last_good_sync) << "\n"
            << "data age:                  " << (s.data_age ? age_text(*s.data_age) : "-") << "\n"
            << "manifest expires:          " << when(s.expires_at) << "\n"
            << "state:                     "
            << (s.stale ? "STALE: could not be confirmed current since " + when(s.last_good_sync) : "current") << "\n"
            << "last error:                "
            << (s.last_error.empty() ? "-" : "(" + s.last_error_reason + ") " + s.last_error) << "\n";
  return exit_ok;
}

}  // namespace

int run_sync_command(int argc, char** argv) {
  auto cl = parse_command_line(argc, argv,
                               {"--data", "--url", "--trust", "--interval", "--heartbeat", "--kiosk-id", "--kiosk-key"},
                               {"--once", "--watch", "--status", "--json", "--help"});
  if (!cl) {
    std::cerr << "hallctl: " << cl.error().message << "\n";
    return exit_invalid;
  }
  if (cl->flag("--help")) {
    std::cout << sync_help;
    return exit_ok;
  }
  const int modes = (cl->flag("--once") ? 1 : 0) + (cl->flag("--watch") ? 1 : 0) + (cl->flag("--status") ? 1 : 0) +
                    (cl->flag("--trust") ? 1 : 0);
  if (modes != 1 || cl->words.size() != 1) {
    std::cerr << "hallctl sync: give exactly one of --once, --watch, --status, --trust FILE\n\n" << sync_help;
    return exit_invalid;
  }
  if (cl->flag("--trust")) return trust(*cl);
  if (cl->flag("--once")) return once(*cl);
  if (cl->flag("--watch")) return watch(*cl);
  return status(*cl);
}

}  // namespace hall::cli
