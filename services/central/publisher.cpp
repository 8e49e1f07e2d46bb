// SPDX-License-Identifier: Apache-2.0
// The publisher: approved drafts become the next signed catalogue version; key rotation. The only
// code that reads the publisher key (signing/<n>.key).
#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "catalogue/guide_parser.h"
#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "common/rfc3339.h"
#include "common/sha256.h"

namespace hall::central {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

Result<CentralStore::BuiltManifest> CentralStore::build_manifest(std::int64_t catalogue_version,
                                                                 std::int64_t keys_version) {
  auto st = db_->prepare("SELECT guide_id, version, effective_from, hash, length FROM published ORDER BY guide_id, version");
  if (!st) return std::unexpected(st.error());
  struct Row {
    int version;
    std::optional<std::string> effective_from;
    std::string hash;
    std::int64_t length;
  };
  std::map<std::string, std::vector<Row>> by_guide;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        by_guide[row.text(0)].push_back({static_cast<int>(row.integer(1)),
                                         row.is_null(2) ? std::nullopt : std::optional<std::string>(row.text(2)),
                                         row.text(3), row.integer(4)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  const auto now = clock_->now();
  // hallkiosk.manifest/2 (services/sync/PROTOCOL.md): each guide in bin = first byte of SHA-256
  // of its id; a one-guide change then re-signs the bin hashes and writes one bin.
  std::map<int, Json> bins;
  for (const auto& [id, rows] : by_guide) {
    const std::string id_hash = sha256_hex(id);
    Json& guides = bins.try_emplace(std::stoi(id_hash.substr(0, 2), nullptr, 16), Json::array()).first->second;
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
  BuiltManifest built;
  Json refs = Json::array();
  for (auto& [bin, guides] : bins) {
    const Json object = {{"format", bin_format}, {"bin", bin}, {"guides", std::move(guides)}};
    const std::string body = object.dump();
    const std::string hash = sha256_hex(body);
    auto written = write_object(hash, body, "bins");
    if (!written) return std::unexpected(written.error());
    if (*written) {
      ++built.bins_written;
      built.bin_bytes += body.size();
    }
    refs.push_back({{"bin", bin}, {"hash", hash}, {"length", body.size()}});
  }
  Json payload = {{"catalogue_version", catalogue_version},
                  {"issued_at", format_rfc3339_utc(now)},
                  {"expires_at", format_rfc3339_utc(now + config_.manifest_validity)},
                  {"keys_version", keys_version},
                  {"bins", std::move(refs)}};
  // 政务公开 notices and the working-day calendar ride in the same signed snapshot (信息同源).
  auto index = notice_index();
  if (!index) return std::unexpected(index.error());
  if (*index) {
    const std::string hash = sha256_hex(**index);
    auto written = write_object(hash, **index, "bins");
    if (!written) return std::unexpected(written.error());
    if (*written) {
      ++built.bins_written;
      built.bin_bytes += (*index)->size();
    }
    payload["notices"] = {{"hash", hash}, {"length", (*index)->size()}};
  }
  if (auto calendar = state("workdays"); calendar) {
    const std::string hash = sha256_hex(*calendar);
    if (auto written = write_object(hash, *calendar); !written) return std::unexpected(written.error());
    payload["workdays"] = {{"hash", hash}, {"length", calendar->size()}};
    built.workdays_hash = hash;
  } else if (calendar.error().code != ErrorCode::not_found) {
    return std::unexpected(calendar.error());
  }
  auto key = signing_key(keys_version);
  if (!key) return std::unexpected(key.error());
  built.envelope = make_envelope(manifest_format, payload.dump(), {*key});
  return built;
}

Result<PublishReport> CentralStore::publish(const std::string& publisher, const PublishRequest& request) {
  return audit_refusal(publish_locked(publisher, request), publisher, "publish", "catalogue");
}

Result<PublishReport> CentralStore::publish_locked(const std::string& publisher, const PublishRequest& request) {
  if (auto r = require_role(publisher, Role::publisher); !r) return std::unexpected(r.error());
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  std::vector<Draft> chosen;
  auto chosen_notices = notices_to_publish(request);
  if (!chosen_notices) return std::unexpected(chosen_notices.error());
  auto calendar_changed = workdays_unpublished();
  if (!calendar_changed) return std::unexpected(calendar_changed.error());
  const bool every_approved = request.drafts.empty() && request.notice_drafts.empty();
  if (every_approved) {
    auto approved = query_drafts("WHERE d.state = 'approved'", 0);
    if (!approved) return std::unexpected(approved.error());
    chosen = std::move(*approved);
    if (chosen.empty() && chosen_notices->empty() && !*calendar_changed) {
      return fail(ErrorCode::conflict,
                  "nothing to publish: no draft is approved (先审查、后公开) and the working-day calendar is unchanged");
    }
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
    auto noted = with_change_note(d, body, request.offset_seconds);
    if (!noted) return std::unexpected(noted.error());
    body = std::move(*noted);
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
    auto written = write_object(hash, body);
    if (!written) return std::unexpected(written.error());
    if (*written) {
      ++report.objects_written;
      report.bytes_written += body.size();
    }
    report.drafts.push_back(d.id);
    report.guides.push_back(d.guide_id + "@" + std::to_string(d.version));
  }
  if (auto r = publish_notices(*chosen_notices, report, now); !r) return std::unexpected(r.error());
  auto late = late_publications(chosen, request.offset_seconds, publisher);
  if (!late) return std::unexpected(late.error());
  report.late = std::move(*late);
  auto built = build_manifest(report.catalogue_version, *keys);
  if (!built) return std::unexpected(built.error());
  const std::string* manifest = &built->envelope;
  report.bins_written = built->bins_written;
  report.bytes_written += built->bin_bytes;
  if (auto r = set_state("manifest", *manifest); !r) return std::unexpected(r.error());
  if (auto r = set_state("catalogue_version", std::to_string(report.catalogue_version)); !r) {
    return std::unexpected(r.error());
  }
  report.workdays_changed = *calendar_changed;
  if (!built->workdays_hash.empty()) {
    if (auto r = set_state("workdays_published", built->workdays_hash); !r) return std::unexpected(r.error());
  }
  std::string detail = "catalogue version " + std::to_string(report.catalogue_version) + ":";
  for (const auto& g : report.guides) detail += " " + g;
  for (const auto& n : report.notices) detail += " notice " + n;
  if (report.workdays_changed) detail += " working-day calendar";
  if (request.effective_from) detail += "; effective from " + format_rfc3339(*request.effective_from, request.offset_seconds);
  if (auto r = audit(publisher, "publish", "catalogue", "ok", detail); !r) return std::unexpected(r.error());
  if (auto r = flush_objects(); !r) return std::unexpected(r.error());
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  // The manifest goes last: a reader sees the old catalogue or the whole new one.
  if (auto r = write_published_file("manifest.json", *manifest); !r) return std::unexpected(r.error());
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
    std::filesystem::remove(key_file, ec);  // left over from a rotation that did not commit
    std::filesystem::remove(key_file + ".pub", ec);
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
      if (auto r = set_state("manifest", manifest->envelope); !r) return std::unexpected(r.error());
      if (auto r = flush_objects(); !r) return std::unexpected(r.error());
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
  return audit_refusal(rotated, actor, "rotate-key", "key set");
}

}  // namespace hall::central
