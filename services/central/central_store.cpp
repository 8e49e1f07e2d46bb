// SPDX-License-Identifier: Apache-2.0
#include "central/central_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_file.h"
#include "catalogue/guide_parser.h"
#include "central/central_schema.h"
#include "common/rfc3339.h"
#include "common/sha256.h"

namespace hall::central {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char* manifest_format = "hallkiosk.manifest/1";
constexpr const char* keys_format = "hallkiosk.keys/1";
constexpr std::int64_t replay_window_seconds = 600;

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }
Instant instant_of(std::int64_t s) { return Instant(std::chrono::seconds(s)); }

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (const Role r : roles) {
    if (!out.empty()) out += ',';
    out += to_string(r);
  }
  return out;
}

std::vector<Role> roles_from(const std::string& text) {
  std::vector<Role> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    if (auto r = role_from(std::string_view(text).substr(start, comma - start))) out.push_back(*r);
    start = comma + 1;
  }
  return out;
}

std::optional<DraftState> state_from(const std::string& s) {
  for (const auto st : {DraftState::pending, DraftState::approved, DraftState::rejected, DraftState::published}) {
    if (s == to_string(st)) return st;
  }
  return std::nullopt;
}

std::string diff_text(const std::vector<Change>& changes) {
  Json out = Json::array();
  for (const auto& c : changes) out.push_back({c.path, c.old_value, c.new_value});
  return out.dump();
}

std::vector<Change> diff_from(const std::string& text) {
  std::vector<Change> out;
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (c.is_array() && c.size() == 3) out.push_back({c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<std::string>()});
  }
  return out;
}

// The publisher key signs content; the timestamp key, named apart, only freshness (PROTOCOL.md).
std::string key_set_payload(std::int64_t version, const PublicKey& key, const PublicKey& timestamp) {
  return Json{{"version", version},
              {"threshold", 1},
              {"keys", Json::array({{{"key_id", key.key_id()}, {"public", key.hex}}})},
              {"timestamp_keys", Json::array({{{"key_id", timestamp.key_id()}, {"public", timestamp.hex}}})}}
      .dump();
}

Result<void> sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail(ErrorCode::io, dir + ": cannot be opened to flush it");
  const int rc = ::syncfs(fd);  // every object written since the last sync, in one call
  ::close(fd);
  if (rc != 0) return fail(ErrorCode::io, dir + ": flushing to disk failed");
  return {};
}

Result<void> write_key_set(const std::string& publish_dir, std::int64_t version, const std::string& envelope) {
  if (auto r = write_file_atomically(publish_dir + "/keys/" + std::to_string(version) + ".json", envelope); !r) {
    return r;
  }
  return write_file_atomically(publish_dir + "/keys.json", envelope);
}

}  // namespace

const char* to_string(Role r) {
  switch (r) {
    case Role::author: return "author";
    case Role::reviewer: return "reviewer";
    case Role::publisher: return "publisher";
  }
  return "?";
}

std::optional<Role> role_from(std::string_view name) {
  for (const auto r : {Role::author, Role::reviewer, Role::publisher}) {
    if (name == to_string(r)) return r;
  }
  return std::nullopt;
}

bool Admin::has(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

const char* to_string(DraftState s) {
  switch (s) {
    case DraftState::pending: return "pending";
    case DraftState::approved: return "approved";
    case DraftState::rejected: return "rejected";
    case DraftState::published: return "published";
  }
  return "?";
}

// ---- opening ---------------------------------------------------------------------------------

Result<void> CentralStore::init(const std::string& data_dir, const KeyPair& publisher_key, const Clock& clock) {
  std::error_code ec;
  if (fs::exists(data_dir + "/central.db", ec)) {
    return fail(ErrorCode::conflict, data_dir + ": already holds a central store (central.db)");
  }
  for (const auto* sub : {"/signing", "/publish/objects", "/publish/keys"}) {
    fs::create_directories(data_dir + sub, ec);
    if (ec) return fail(ErrorCode::io, data_dir + sub + ": " + ec.message());
  }
  if (auto r = write_key_files(data_dir + "/signing/1.key", publisher_key); !r) return r;
  const KeyPair timestamp = generate_key_pair();
  if (auto r = write_key_files(data_dir + "/signing/timestamp.key", timestamp); !r) return r;
  auto store = open(data_dir, clock);
  if (!store) return std::unexpected(store.error());
  // Key set 1 signs itself: a kiosk pins it on first install (trusted_keys.json).
  const std::string envelope = make_envelope(
      keys_format, key_set_payload(1, publisher_key.public_key, timestamp.public_key), {publisher_key});
  auto tx = storage::Transaction::begin(*store->db_);
  if (!tx) return std::unexpected(tx.error());
  for (const auto& [k, v] : std::map<std::string, std::string>{
           {"catalogue_version", "0"}, {"keys_version", "1"}, {"keys", envelope}}) {
    if (auto r = store->set_state(k, v); !r) return r;
  }
  if (auto r = store->audit("operator", "init", data_dir, "ok", "publisher key " + publisher_key.public_key.key_id());
      !r) {
    return r;
  }
  if (auto r = tx->commit(); !r) return r;
  return write_key_set(store->publish_dir(), 1, envelope);
}

Result<CentralStore> CentralStore::open(const std::string& data_dir, const Clock& clock, CentralConfig config) {
  auto db = storage::Database::open(data_dir + "/central.db");
  if (!db) return std::unexpected(db.error());
  auto owned = std::make_unique<storage::Database>(std::move(*db));
  if (auto r = migrate_central(*owned, schema_version); !r) return std::unexpected(r.error());
  return CentralStore(data_dir, std::move(owned), clock, config);
}

// ---- state -----------------------------------------------------------------------------------

Result<std::string> CentralStore::state(const std::string& key) {
  auto st = db_->prepare("SELECT value FROM state WHERE key = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, key);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, db_->path() + ": no " + key + " recorded (was `central init` run?)");
  return st->text(0);
}

Result<void> CentralStore::set_state(const std::string& key, const std::string& value) {
  auto st = db_->prepare("INSERT INTO state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, key).bind(2, value).run();
}

Result<std::int64_t> CentralStore::catalogue_version() {
  auto v = state("catalogue_version");
  if (!v) return std::unexpected(v.error());
  return std::stoll(*v);
}

Result<std::int64_t> CentralStore::keys_version() {
  auto v = state("keys_version");
  if (!v) return std::unexpected(v.error());
  return std::stoll(*v);
}

Result<KeyPair> CentralStore::signing_key(std::int64_t version) {
  return read_secret_key_file(dir_ + "/signing/" + std::to_string(version) + ".key");
}

Result<void> CentralStore::audit(const std::string& actor, const std::string& action, const std::string& target,
                                 const std::string& outcome, const std::string& detail) {
  auto st = db_->prepare("INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, seconds_of(clock_->now())).bind(2, actor).bind(3, action).bind(4, target).bind(5, outcome)
      .bind(6, detail)
      .run();
}

Result<std::vector<AuditEntry>> CentralStore::audit_log(int limit) {
  auto st = db_->prepare("SELECT seq, at, actor, action, target, outcome, detail FROM audit ORDER BY seq DESC LIMIT ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, limit);
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.push_back({st->integer(0), instant_of(st->integer(1)), st->text(2), st->text(3), st->text(4), st->text(5),
                   st->text(6)});
  }
}

Result<std::vector<AuditEntry>> CentralStore::audit_page(std::int64_t before, int limit) {
  auto st = db_->prepare(
      "SELECT seq, at, actor, action, target, outcome, detail FROM audit WHERE ?1 = 0 OR seq < ?1 "
      "ORDER BY seq DESC LIMIT ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, before).bind(2, limit);
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.push_back(
        {st->integer(0), instant_of(st->integer(1)), st->text(2), st->text(3), st->text(4), st->text(5), st->text(6)});
  }
}

Result<void> CentralStore::count_refusal(const std::string& source, const std::string& reason) {
  const std::int64_t now = seconds_of(clock_->now());
  auto st = db_->prepare(
      "INSERT INTO refusal_counts (minute, source, reason, count) VALUES (?1, ?2, ?3, 1) "
      "ON CONFLICT (minute, source, reason) DO UPDATE SET count = count + 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, now - now % 60).bind(2, source.substr(0, 64)).bind(3, reason);
  return st->run();
}

Result<std::vector<RefusalCount>> CentralStore::refusal_counts(int limit) {
  auto st = db_->prepare(
      "SELECT minute, source, reason, count FROM refusal_counts ORDER BY minute DESC, source, reason LIMIT ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, limit);
  std::vector<RefusalCount> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.push_back({instant_of(st->integer(0)), st->text(1), st->text(2), st->integer(3)});
  }
}

Result<bool> CentralStore::remember_request(const std::string& signature) {
  const auto now = seconds_of(clock_->now());
  auto purge = db_->prepare("DELETE FROM seen_requests WHERE at < ?1");
  if (!purge) return std::unexpected(purge.error());
  if (auto r = purge->bind(1, now - replay_window_seconds).run(); !r) return std::unexpected(r.error());
  auto st = db_->prepare("INSERT OR IGNORE INTO seen_requests (signature, at) VALUES (?1, ?2)");
  if (!st) return std::unexpected(st.error());
  if (auto r = st->bind(1, signature).bind(2, now).run(); !r) return std::unexpected(r.error());
  return db_->changes() == 1;
}

// ---- administrators --------------------------------------------------------------------------

Result<void> CentralStore::add_admin(const Admin& a, const std::string& actor) {
  const auto refuse = [&](const std::string& why) -> Result<void> {
    (void)audit(actor, "add-admin", a.id, "refused", why);
    return fail(ErrorCode::invalid_input, why);
  };
  if (!valid_id(a.id)) return refuse("admin id \"" + a.id + "\": expected 1-64 of [A-Za-z0-9._-]");
  if (a.name.empty()) return refuse("admin " + a.id + ": a name is required");
  if (a.roles.empty()) return refuse("admin " + a.id + ": at least one role (author, reviewer, publisher) is required");
  if (from_hex(a.key.hex).value_or("").size() != 32) return refuse("admin " + a.id + ": not an Ed25519 public key");
  const auto inserted = [&]() -> Result<void> {
    auto tx = storage::Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto st = db_->prepare("INSERT INTO admins (id, name, public_key, roles, added_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) return std::unexpected(st.error());
    st->bind(1, a.id).bind(2, a.name).bind(3, a.key.hex).bind(4, roles_text(a.roles));
    st->bind(5, seconds_of(clock_->now()));
    if (auto r = st->run(); !r) return fail(ErrorCode::conflict, "admin " + a.id + ": the id or the key is already registered");
    if (auto r = audit(actor, "add-admin", a.id, "ok", a.name + " (" + roles_text(a.roles) + ")"); !r) return r;
    return tx->commit();
  }();
  if (!inserted) (void)audit(actor, "add-admin", a.id, "refused", inserted.error().message);
  return inserted;
}

Result<Admin> CentralStore::admin(const std::string& id) {
  auto st = db_->prepare("SELECT id, name, public_key, roles FROM admins WHERE id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, "unknown administrator \"" + id + "\"");
  return Admin{st->text(0), st->text(1), PublicKey{st->text(2)}, roles_from(st->text(3))};
}

Result<std::vector<Admin>> CentralStore::admins() {
  auto st = db_->prepare("SELECT id, name, public_key, roles FROM admins ORDER BY id");
  if (!st) return std::unexpected(st.error());
  std::vector<Admin> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.push_back({st->text(0), st->text(1), PublicKey{st->text(2)}, roles_from(st->text(3))});
  }
}

Result<void> CentralStore::require_role(const std::string& admin_id, Role role) {
  auto a = admin(admin_id);
  if (!a) return std::unexpected(a.error());
  if (!a->has(role)) {
    return fail(ErrorCode::conflict, "administrator " + admin_id + " does not hold the " + to_string(role) + " role");
  }
  return {};
}

// ---- drafts and reviews ----------------------------------------------------------------------

Result<std::vector<Draft>> CentralStore::query_drafts(std::string_view where, std::int64_t id) {
  auto st = db_->prepare(
      "SELECT d.id, d.guide_id, d.version, d.author, d.submitted_at, d.state, d.diff, d.body, r.reviewer, "
      "r.reviewed_at, r.reason, r.confidentiality_note, d.published_in "
      "FROM drafts d LEFT JOIN reviews r ON r.draft_id = d.id " +
      std::string(where) + " ORDER BY d.id DESC");
  if (!st) return std::unexpected(st.error());
  if (id != 0) st->bind(1, id);
  std::vector<Draft> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    Draft d;
    d.id = st->integer(0);
    d.guide_id = st->text(1);
    d.version = static_cast<int>(st->integer(2));
    d.author = st->text(3);
    d.submitted_at = instant_of(st->integer(4));
    d.state = state_from(st->text(5)).value_or(DraftState::pending);
    d.changes = diff_from(st->text(6));
    d.body = st->text(7);
    if (!st->is_null(8)) {
      d.reviewer = st->text(8);
      d.reviewed_at = instant_of(st->integer(9));
      d.reason = st->text(10);
      d.confidentiality_note = st->text(11);
    }
    d.published_in = st->optional_integer(12);
    out.push_back(std::move(d));
  }
}

Result<std::vector<Draft>> CentralStore::drafts() { return query_drafts("", 0); }

Result<Draft> CentralStore::draft(std::int64_t id) {
  auto found = query_drafts("WHERE d.id = ?1", id);
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return fail(ErrorCode::not_found, "no draft " + std::to_string(id));
  return std::move(found->front());
}

Result<std::optional<int>> CentralStore::published_version(const std::string& guide_id) {
  auto st = db_->prepare("SELECT max(version) FROM published WHERE guide_id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, guide_id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  const auto v = st->optional_integer(0);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

Result<std::string> CentralStore::published_body(const std::string& guide_id, int version) {
  auto st = db_->prepare("SELECT body FROM published WHERE guide_id = ?1 AND version = ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, guide_id).bind(2, version);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, "guide " + guide_id + " v" + std::to_string(version) + " not published");
  return st->text(0);
}

Result<std::vector<Draft>> CentralStore::submit(const std::string& author, std::string_view file_bytes) {
  auto r = submit_locked(author, file_bytes);
  if (!r) (void)audit(author, "submit", "file of " + std::to_string(file_bytes.size()) + " bytes", "refused", r.error().message);
  return r;
}

Result<std::vector<Draft>> CentralStore::submit_locked(const std::string& author, std::string_view file_bytes) {
  if (auto r = require_role(author, Role::author); !r) return std::unexpected(r.error());
  auto file = catalogue::parse_catalogue(file_bytes);
  if (!file) return std::unexpected(file.error());
  if (file->guides.empty()) return fail(ErrorCode::invalid_input, "the file holds no guide");
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto insert = db_->prepare(
      "INSERT INTO drafts (guide_id, version, author, submitted_at, state, diff, body) "
      "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)");
  if (!insert) return std::unexpected(insert.error());
  std::vector<Draft> out;
  for (const auto& g : file->guides) {
    auto published = published_version(g.id);
    if (!published) return std::unexpected(published.error());
    Json before;  // null: a new guide
    if (*published) {
      if (g.version <= **published) {
        return fail(ErrorCode::conflict, "guide " + g.id + ": version " + std::to_string(g.version) +
                                             " is not above the published version " + std::to_string(**published));
      }
      auto body = published_body(g.id, **published);
      if (!body) return std::unexpected(body.error());
      before = Json::parse(*body);
    }
    Draft d;
    d.guide_id = g.id;
    d.version = g.version;
    d.author = author;
    d.submitted_at = clock_->now();
    d.changes = diff_json(before, Json::parse(g.source_json));
    d.body = g.source_json;
    insert->reset();
    insert->bind(1, d.guide_id).bind(2, d.version).bind(3, author).bind(4, seconds_of(d.submitted_at));
    insert->bind(5, diff_text(d.changes)).bind(6, d.body);
    if (auto r = insert->run(); !r) return std::unexpected(r.error());
    auto id = db_->prepare("SELECT last_insert_rowid()");
    if (!id) return std::unexpected(id.error());
    if (auto row = id->step(); !row) return std::unexpected(row.error());
    d.id = id->integer(0);
    const std::string summary = d.guide_id + " v" + std::to_string(d.version) + ", " +
                                std::to_string(d.changes.size()) + " change(s)" +
                                (*published ? " against v" + std::to_string(**published) : ", new guide");
    if (auto r = audit(author, "submit", "draft " + std::to_string(d.id), "ok", summary); !r) {
      return std::unexpected(r.error());
    }
    out.push_back(std::move(d));
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return out;
}

Result<Draft> CentralStore::review(const std::string& reviewer, std::int64_t draft_id, const ReviewDecision& decision) {
  auto r = review_locked(reviewer, draft_id, decision);
  if (!r) (void)audit(reviewer, "review", "draft " + std::to_string(draft_id), "refused", r.error().message);
  return r;
}

Result<Draft> CentralStore::review_locked(const std::string& reviewer, std::int64_t draft_id,
                                          const ReviewDecision& decision) {
  if (auto r = require_role(reviewer, Role::reviewer); !r) return std::unexpected(r.error());
  if (decision.note.empty()) {
    return fail(ErrorCode::invalid_input, "a review records its confidentiality check (保密审查记录): the note is empty");
  }
  if (!decision.approve && decision.reason.empty()) {
    return fail(ErrorCode::invalid_input, "a rejection goes back to the author with its reason: the reason is empty");
  }
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto d = draft(draft_id);
  if (!d) return std::unexpected(d.error());
  if (d->author == reviewer) {
    return fail(ErrorCode::conflict, "draft " + std::to_string(draft_id) + ": " + reviewer +
                                         " wrote it and may not review it (先审查、后公开: another administrator reviews)");
  }
  if (!d->reviewer.empty() || d->state != DraftState::pending) {
    return fail(ErrorCode::conflict, "draft " + std::to_string(draft_id) + " was already reviewed" +
                                         (d->reviewer.empty() ? "" : " by " + d->reviewer) + " (一事一审: one review per change)");
  }
  const auto now = clock_->now();
  auto ins = db_->prepare(
      "INSERT INTO reviews (draft_id, reviewer, reviewed_at, conclusion, reason, confidentiality_note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!ins) return std::unexpected(ins.error());
  ins->bind(1, draft_id).bind(2, reviewer).bind(3, seconds_of(now)).bind(4, decision.approve ? "approve" : "reject");
  ins->bind(5, decision.reason).bind(6, decision.note);
  if (auto r = ins->run(); !r) return std::unexpected(r.error());
  auto upd = db_->prepare("UPDATE drafts SET state = ?2 WHERE id = ?1");
  if (!upd) return std::unexpected(upd.error());
  upd->bind(1, draft_id).bind(2, decision.approve ? "approved" : "rejected");
  if (auto r = upd->run(); !r) return std::unexpected(r.error());
  const std::string detail = std::string(decision.approve ? "approved" : "rejected: " + decision.reason) +
                             "; 保密审查: " + decision.note;
  if (auto r = audit(reviewer, "review", "draft " + std::to_string(draft_id), "ok", detail); !r) {
    return std::unexpected(r.error());
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return draft(draft_id);
}

// ---- publishing ------------------------------------------------------------------------------

Result<std::string> CentralStore::build_manifest(std::int64_t catalogue_version, std::int64_t keys_version) {
  auto st = db_->prepare("SELECT guide_id, version, effective_from, hash, length FROM published ORDER BY guide_id, version");
  if (!st) return std::unexpected(st.error());
  struct Row {
    int version;
    std::optional<std::string> effective_from;
    std::string hash;
    std::int64_t length;
  };
  std::map<std::string, std::vector<Row>> by_guide;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    by_guide[st->text(0)].push_back({static_cast<int>(st->integer(1)),
                                     st->is_null(2) ? std::nullopt : std::optional<std::string>(st->text(2)),
                                     st->text(3), st->integer(4)});
  }
  const auto now = clock_->now();
  Json guides = Json::array();
  for (const auto& [id, rows] : by_guide) {
    // The version in effect now and every later one (scheduled); older versions are no longer needed.
    std::size_t first = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto from = rows[i].effective_from ? parse_rfc3339(*rows[i].effective_from) : std::nullopt;
      if (!from || *from <= now) first = i;
    }
    for (std::size_t i = first; i < rows.size(); ++i) {
      const auto& r = rows[i];
      guides.push_back({{"id", id},
                        {"version", r.version},
                        {"effective_from", r.effective_from ? Json(*r.effective_from) : Json(nullptr)},
                        {"hash", r.hash},
                        {"length", r.length}});
    }
  }
  const Json payload = {{"catalogue_version", catalogue_version},
                        {"issued_at", format_rfc3339_utc(now)},
                        {"expires_at", format_rfc3339_utc(now + config_.manifest_validity)},
                        {"keys_version", keys_version},
                        {"guides", std::move(guides)}};
  auto key = signing_key(keys_version);
  if (!key) return std::unexpected(key.error());
  return make_envelope(manifest_format, payload.dump(), {*key});
}

Result<PublishReport> CentralStore::publish(const std::string& publisher, const PublishRequest& request) {
  auto r = publish_locked(publisher, request);
  if (!r) (void)audit(publisher, "publish", "catalogue", "refused", r.error().message);
  return r;
}

Result<PublishReport> CentralStore::publish_locked(const std::string& publisher, const PublishRequest& request) {
  if (auto r = require_role(publisher, Role::publisher); !r) return std::unexpected(r.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  std::vector<Draft> chosen;
  if (request.drafts.empty()) {
    auto approved = query_drafts("WHERE d.state = 'approved'", 0);
    if (!approved) return std::unexpected(approved.error());
    chosen = std::move(*approved);
    if (chosen.empty()) return fail(ErrorCode::conflict, "nothing to publish: no draft is approved (先审查、后公开)");
  } else {
    for (const auto id : request.drafts) {
      auto d = draft(id);
      if (!d) return std::unexpected(d.error());
      if (d->state != DraftState::approved) {
        return fail(ErrorCode::conflict, "draft " + std::to_string(id) + " is " + to_string(d->state) +
                                             ", not approved: publishing needs a review by another administrator");
      }
      chosen.push_back(std::move(*d));
    }
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Draft& a, const Draft& b) { return std::tie(a.guide_id, a.version) < std::tie(b.guide_id, b.version); });

  auto version = catalogue_version();
  if (!version) return std::unexpected(version.error());
  auto keys = keys_version();
  if (!keys) return std::unexpected(keys.error());
  PublishReport report;
  report.catalogue_version = *version + 1;
  const auto now = clock_->now();
  auto ins = db_->prepare(
      "INSERT INTO published (guide_id, version, effective_from, hash, length, body, draft_id, catalogue_version, "
      "published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  auto upd = db_->prepare("UPDATE drafts SET state = 'published', published_in = ?2 WHERE id = ?1");
  if (!ins) return std::unexpected(ins.error());
  if (!upd) return std::unexpected(upd.error());
  for (const auto& d : chosen) {
    auto published = published_version(d.guide_id);
    if (!published) return std::unexpected(published.error());
    if (*published && d.version <= **published) {
      return fail(ErrorCode::conflict, "draft " + std::to_string(d.id) + ": guide " + d.guide_id + " version " +
                                           std::to_string(d.version) + " is not above the published version " +
                                           std::to_string(**published));
    }
    Json guide = Json::parse(d.body);
    std::string body = d.body;  // validated at submit
    if (request.effective_from) {
      // The object must say what the manifest says: the new date goes into the guide, checked again
      // (effective_from before cancel_at).
      guide["effective_from"] = format_rfc3339(*request.effective_from, request.offset_seconds);
      catalogue::Problems problems;
      auto parsed = catalogue::parse_guide(guide, "draft " + std::to_string(d.id), problems);
      if (!parsed) {
        std::string all;
        for (const auto& m : problems.messages()) {
          if (!all.empty()) all += '\n';
          all += m;
        }
        return fail(ErrorCode::invalid_input, all);
      }
      body = parsed->source_json;
    }
    const std::string hash = sha256_hex(body);
    const auto from = guide.contains("effective_from") && guide["effective_from"].is_string()
                          ? std::optional<std::string>(guide["effective_from"].get<std::string>())
                          : std::nullopt;
    ins->reset();
    ins->bind(1, d.guide_id).bind(2, d.version);
    if (from) ins->bind(3, *from); else ins->bind_null(3);
    ins->bind(4, hash).bind(5, static_cast<std::int64_t>(body.size())).bind(6, body).bind(7, d.id);
    ins->bind(8, report.catalogue_version).bind(9, seconds_of(now));
    if (auto r = ins->run(); !r) return std::unexpected(r.error());
    upd->reset();
    upd->bind(1, d.id).bind(2, report.catalogue_version);
    if (auto r = upd->run(); !r) return std::unexpected(r.error());
    // Objects are content-addressed and immutable: writing one before the commit is harmless.
    const std::string object = publish_dir() + "/objects/" + hash + ".json";
    if (!fs::exists(object)) {
      if (auto r = write_file_atomically(object, body, 0644, false); !r) return std::unexpected(r.error());
      ++report.objects_written;
      report.bytes_written += body.size();
    }
    report.drafts.push_back(d.id);
    report.guides.push_back(d.guide_id + "@" + std::to_string(d.version));
  }
  auto manifest = build_manifest(report.catalogue_version, *keys);
  if (!manifest) return std::unexpected(manifest.error());
  if (auto r = set_state("manifest", *manifest); !r) return std::unexpected(r.error());
  if (auto r = set_state("catalogue_version", std::to_string(report.catalogue_version)); !r) {
    return std::unexpected(r.error());
  }
  std::string detail = "catalogue version " + std::to_string(report.catalogue_version) + ":";
  for (const auto& g : report.guides) detail += " " + g;
  if (request.effective_from) detail += "; effective from " + format_rfc3339(*request.effective_from, request.offset_seconds);
  if (auto r = audit(publisher, "publish", "catalogue", "ok", detail); !r) return std::unexpected(r.error());
  if (config_.durable_writes) {
    if (auto r = sync_folder(publish_dir() + "/objects"); !r) return std::unexpected(r.error());
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  // The manifest goes last: a reader sees the old catalogue or the whole new one.
  if (auto r = write_file_atomically(publish_dir() + "/manifest.json", *manifest, 0644, config_.durable_writes); !r) {
    return std::unexpected(r.error());
  }
  report.manifest_bytes = manifest->size();
  report.bytes_written += manifest->size();
  // timestamp.json goes after the manifest it names; a store without a timestamp key has none.
  if (auto t = renew_timestamp_locked(); !t && t.error().code != ErrorCode::not_found) return std::unexpected(t.error());
  return report;
}

Result<std::int64_t> CentralStore::rotate_key(const KeyPair& new_key, const std::string& actor) {
  const auto rotated = [&]() -> Result<std::int64_t> {
    auto tx = storage::Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto current = keys_version();
    if (!current) return std::unexpected(current.error());
    auto old_key = signing_key(*current);
    if (!old_key) return std::unexpected(old_key.error());
    if (old_key->public_key.hex == new_key.public_key.hex) {
      return fail(ErrorCode::conflict, "the new publisher key is the current one");
    }
    const std::int64_t next = *current + 1;
    const std::string key_file = dir_ + "/signing/" + std::to_string(next) + ".key";
    std::error_code ec;
    fs::remove(key_file, ec);  // left over from a rotation that did not commit
    fs::remove(key_file + ".pub", ec);
    if (auto r = write_key_files(key_file, new_key); !r) return std::unexpected(r.error());
    auto timestamp = timestamp_key_for_rotation();
    if (!timestamp) return std::unexpected(timestamp.error());
    // Signed by the current set only: a kiosk accepts it because it trusts that set.
    const std::string envelope =
        make_envelope(keys_format, key_set_payload(next, new_key.public_key, timestamp->public_key), {*old_key});
    if (auto r = set_state("keys", envelope); !r) return std::unexpected(r.error());
    if (auto r = set_state("keys_version", std::to_string(next)); !r) return std::unexpected(r.error());
    auto version = catalogue_version();
    if (!version) return std::unexpected(version.error());
    if (*version > 0) {  // issue the manifest again under the new key
      auto manifest = build_manifest(*version + 1, next);
      if (!manifest) return std::unexpected(manifest.error());
      if (auto r = set_state("manifest", *manifest); !r) return std::unexpected(r.error());
      if (auto r = set_state("catalogue_version", std::to_string(*version + 1)); !r) return std::unexpected(r.error());
    }
    if (auto r = audit(actor, "rotate-key", "key set " + std::to_string(next), "ok",
                       "new key " + new_key.public_key.key_id() + " signed by " + old_key->public_key.key_id());
        !r) {
      return std::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r) return std::unexpected(r.error());
    if (auto r = write_published(); !r) return std::unexpected(r.error());
    if (auto t = renew_timestamp_locked(); !t && t.error().code != ErrorCode::not_found) {
      return std::unexpected(t.error());
    }
    return next;
  }();
  if (!rotated) (void)audit(actor, "rotate-key", "key set", "refused", rotated.error().message);
  return rotated;
}

Result<void> CentralStore::write_published() {
  auto keys = keys_version();
  if (!keys) return std::unexpected(keys.error());
  auto envelope = state("keys");
  if (!envelope) return std::unexpected(envelope.error());
  if (auto r = write_key_set(publish_dir(), *keys, *envelope); !r) return r;
  auto manifest = state("manifest");
  if (!manifest) return manifest.error().code == ErrorCode::not_found ? Result<void>{} : std::unexpected(manifest.error());
  if (auto r = write_file_atomically(publish_dir() + "/manifest.json", *manifest, 0644, config_.durable_writes); !r) {
    return r;
  }
  auto timestamp = state("timestamp");
  if (!timestamp) return timestamp.error().code == ErrorCode::not_found ? Result<void>{} : std::unexpected(timestamp.error());
  return write_file_atomically(publish_dir() + "/timestamp.json", *timestamp, 0644, config_.durable_writes);
}

// ---- kiosks ----------------------------------------------------------------------------------

Result<void> CentralStore::enrol_kiosk(const EnrolledKiosk& k, const std::string& actor) {
  if (!valid_id(k.id))
    return fail(ErrorCode::invalid_input, "kiosk id \"" + k.id + "\": expected 1-64 of [A-Za-z0-9._-]");
  auto st = db_->prepare(
      "INSERT INTO kiosk_keys (kiosk_id, name, public_key, enrolled_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (kiosk_id) DO UPDATE SET name = ?2, public_key = ?3, enrolled_at = ?4");
  if (!st) return std::unexpected(st.error());
  st->bind(1, k.id).bind(2, k.name).bind(3, k.key.hex).bind(4, seconds_of(clock_->now()));
  if (auto r = st->run(); !r) return r;
  return audit(actor, "enrol-kiosk", k.id, "ok", "key " + k.key.key_id());
}

Result<std::optional<EnrolledKiosk>> CentralStore::enrolled_kiosk(const std::string& kiosk_id) {
  auto st = db_->prepare("SELECT name, public_key FROM kiosk_keys WHERE kiosk_id = ?1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, kiosk_id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<EnrolledKiosk>{};
  return std::optional<EnrolledKiosk>{EnrolledKiosk{kiosk_id, st->text(0), PublicKey{st->text(1)}}};
}

Result<void> CentralStore::count_refused_heartbeat(const std::string& reason) {
  auto st = db_->prepare(
      "INSERT INTO refused_heartbeats (reason, count) VALUES (?1, 1) "
      "ON CONFLICT (reason) DO UPDATE SET count = count + 1");
  if (!st) return std::unexpected(st.error());
  st->bind(1, reason);
  return st->run();
}

Result<std::vector<std::pair<std::string, std::int64_t>>> CentralStore::refused_heartbeats() {
  auto st = db_->prepare("SELECT reason, count FROM refused_heartbeats ORDER BY reason");
  if (!st) return std::unexpected(st.error());
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.emplace_back(st->text(0), st->integer(1));
  }
}

Result<void> CentralStore::record_heartbeat(const Heartbeat& beat) {
  if (!valid_id(beat.kiosk_id)) return fail(ErrorCode::invalid_input, "heartbeat: kiosk_id: expected 1-64 of [A-Za-z0-9._-]");
  const auto too_long = [](const std::string& s) { return s.size() > 2000; };
  if (too_long(beat.last_error) || too_long(beat.printer_state) || too_long(beat.last_good_sync)) {
    return fail(ErrorCode::invalid_input, "heartbeat from " + beat.kiosk_id + ": a field is longer than 2000 bytes");
  }
  auto st = db_->prepare(
      "INSERT INTO kiosks (kiosk_id, catalogue_version, last_good_sync, last_error, printer_state, last_seen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kiosk_id) DO UPDATE SET catalogue_version = ?2, "
      "last_good_sync = ?3, last_error = ?4, printer_state = ?5, last_seen = ?6");
  if (!st) return std::unexpected(st.error());
  st->bind(1, beat.kiosk_id).bind(2, beat.catalogue_version).bind(3, beat.last_good_sync).bind(4, beat.last_error);
  st->bind(5, beat.printer_state).bind(6, seconds_of(clock_->now()));
  return st->run();
}

Result<std::vector<KioskStatus>> CentralStore::kiosks() {
  auto latest = catalogue_version();
  if (!latest) return std::unexpected(latest.error());
  auto st = db_->prepare(
      "SELECT kiosk_id, catalogue_version, last_good_sync, last_error, printer_state, last_seen FROM kiosks "
      "ORDER BY kiosk_id");
  if (!st) return std::unexpected(st.error());
  const auto now = clock_->now();
  std::vector<KioskStatus> out;
  for (;;) {
    auto row = st->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    KioskStatus k;
    k.last = {st->text(0), st->integer(1), st->text(2), st->text(3), st->text(4)};
    k.last_seen = instant_of(st->integer(5));
    k.behind = k.last.catalogue_version < *latest;
    k.silent = now - k.last_seen > config_.silent_after;
    out.push_back(std::move(k));
  }
}

}  // namespace hall::central
