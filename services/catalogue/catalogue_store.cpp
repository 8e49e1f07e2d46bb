// SPDX-License-Identifier: Apache-2.0
#include "catalogue/catalogue_store.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "catalogue/catalogue_schema.h"
#include "catalogue/guide_parser.h"
#include "catalogue/guide_rows.h"
#include "catalogue/guide_search_terms.h"
#include "common/sha256.h"
#include "common/utf8.h"

namespace hall::catalogue {
namespace {

using storage::Statement;

std::optional<std::int64_t> seconds_or_null(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(hall::seconds_of(*t)) : std::nullopt;
}

GuideStatus status_of(const std::string& s) {
  return s == "suspended" ? GuideStatus::suspended : s == "cancelled" ? GuideStatus::cancelled : GuideStatus::active;
}

LimitUnit unit_of(const std::string& s) {
  return s == "on_the_spot" ? LimitUnit::on_the_spot
         : s == "days"      ? LimitUnit::days
         : s == "months"    ? LimitUnit::months
                            : LimitUnit::working_days;
}

// The versions in effect at :now, one per guide (the highest whose effective_from has come),
// without those cancelled or past cancel_at. Parameter ?1 is now.
constexpr const char* current_versions_sql = R"sql(
  SELECT v.guide_id, v.version FROM guide_versions v
  WHERE v.version = (SELECT MAX(w.version) FROM guide_versions w
                     WHERE w.guide_id = v.guide_id AND (w.effective_from IS NULL OR w.effective_from <= ?1))
    AND v.status <> 'cancelled' AND (v.cancel_at IS NULL OR v.cancel_at > ?1)
)sql";

}  // namespace

Result<CatalogueStore> CatalogueStore::open(const std::string& path, const Clock& clock) {
  auto db = storage::Database::open(path);
  if (!db) return std::unexpected(db.error());
  auto owned = std::make_unique<storage::Database>(std::move(*db));
  if (auto r = migrate_catalogue(*owned, schema_version); !r) return std::unexpected(r.error());
  return CatalogueStore(std::move(owned), clock);
}

struct CatalogueStore::VersionInserts {
  storage::Statement version, topic;
  GuideRowStatements rows;
};

Result<CatalogueStore::VersionInserts> CatalogueStore::prepare_inserts() {
  auto version = db_->prepare(
      "INSERT INTO guide_versions (guide_id, version, status, effective_from, cancel_at, name, body, content_hash, "
      "imported_at, name_en, onsite_visits, case_type, promised_value, promised_unit, window, queue_group, "
      "suspended_until, change_since) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
      "?17, ?18)");
  if (!version) return std::unexpected(version.error());
  auto topic = db_->prepare("INSERT INTO guide_topics VALUES (?1, ?2, ?3, ?4)");
  if (!topic) return std::unexpected(topic.error());
  auto rows = GuideRowStatements::prepare(*db_);
  if (!rows) return std::unexpected(rows.error());
  return VersionInserts{std::move(*version), std::move(*topic), std::move(*rows)};
}

Result<void> CatalogueStore::insert_version(VersionInserts& ins, const Guide& g, const std::string& hash,
                                            const std::vector<search::SearchTerm>* terms) {
  storage::Statement* st = &ins.version;
  st->reset();
  st->bind(1, g.id).bind(2, g.version).bind(3, to_string(g.status));
  st->bind(4, seconds_or_null(g.effective_from)).bind(5, seconds_or_null(g.cancel_at));
  st->bind(6, g.name).bind(7, g.source_json).bind(8, hash).bind(9, seconds_of(clock_->now()));
  st->bind(10, g.name_en).bind(11, g.onsite_visits).bind(12, to_string(g.case_type));
  st->bind(13, g.promised_limit.value).bind(14, to_string(g.promised_limit.unit));
  st->bind(15, g.location.window).bind(16, g.queue_group);
  st->bind(17, g.suspension ? g.suspension->until : std::string());
  st->bind(18, g.change ? g.change->since : std::string());
  if (auto r = st->run(); !r) return r;

  storage::Statement* topic = &ins.topic;
  for (std::size_t i = 0; i < g.topics.size(); ++i) {
    topic->reset();
    topic->bind(1, g.id).bind(2, g.version).bind(3, static_cast<int>(i)).bind(4, g.topics[i]);
    if (auto r = topic->run(); !r) return r;
  }
  if (auto r = insert_material_rows(ins.rows.material, g); !r) return r;
  if (terms) return insert_search_term_rows(ins.rows.term, g, *terms);
  return insert_search_term_rows(ins.rows.term, g, search_terms_for(g));
}

Result<ImportReport> CatalogueStore::import(const CatalogueFile& file) {
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  auto latest = db_->prepare(
      "SELECT version, content_hash FROM guide_versions WHERE guide_id = ?1 ORDER BY version DESC LIMIT 1");
  auto same_version = db_->prepare("SELECT content_hash FROM guide_versions WHERE guide_id = ?1 AND version = ?2");
  if (!latest) return std::unexpected(latest.error());
  if (!same_version) return std::unexpected(same_version.error());
  auto inserts = prepare_inserts();
  if (!inserts) return std::unexpected(inserts.error());

  ImportReport report;
  std::vector<std::string> refusals;
  const Instant now = clock_->now();
  for (const Guide& g : file.guides) {
    const std::string hash = sha256_hex(g.source_json);
    same_version->reset();
    same_version->bind(1, g.id).bind(2, g.version);
    auto exists = same_version->step();
    if (!exists) return std::unexpected(exists.error());
    if (*exists) {
      if (same_version->text(0) == hash) {
        ++report.unchanged;
      } else {
        refusals.push_back("guide " + g.id + ": $.version: version " + std::to_string(g.version) +
                           " is already stored with other content; give the change a higher version");
      }
      continue;
    }
    latest->reset();
    latest->bind(1, g.id);
    auto row = latest->step();
    if (!row) return std::unexpected(row.error());
    if (*row && latest->integer(0) > g.version) {
      refusals.push_back("guide " + g.id + ": $.version: version " + std::to_string(g.version) +
                         " is lower than the stored version " + std::to_string(latest->integer(0)));
      continue;
    }
    (*row ? report.updated : report.added) += 1;
    if (g.effective_from && *g.effective_from > now) ++report.scheduled;
    if (auto r = insert_version(*inserts, g, hash); !r) return std::unexpected(r.error());
  }
  if (!refusals.empty()) {
    std::string message;
    for (const auto& r : refusals) message += (message.empty() ? "" : "\n") + r;
    return fail(ErrorCode::conflict, message);  // the transaction rolls back on return
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return report;
}

Result<std::vector<PublishedVersion>> CatalogueStore::stored_versions() const {
  auto st = db_->prepare("SELECT guide_id, version, content_hash FROM guide_versions");
  if (!st) return std::unexpected(st.error());
  std::vector<PublishedVersion> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({row.text(0), static_cast<int>(row.integer(1)), row.text(2)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<ReplaceReport> CatalogueStore::replace_published(const std::vector<PublishedVersion>& wanted,
                                                        const std::vector<PublishedGuide>& fresh,
                                                        const std::function<Result<void>(storage::Database&)>& also) {
  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return std::unexpected(tx.error());
  ReplaceReport report;
  auto drop = db_->prepare("DELETE FROM guide_versions WHERE guide_id = ?1 AND version = ?2");
  if (!drop) return std::unexpected(drop.error());
  auto inserts = prepare_inserts();
  if (!inserts) return std::unexpected(inserts.error());
  // In key order: the B-trees of guide_versions and its rows then grow at one end, page after page,
  // instead of a seek into a random page for every row (a first sync brings 10,000 guides at once).
  std::vector<const PublishedGuide*> in_order;
  in_order.reserve(fresh.size());
  for (const auto& f : fresh) in_order.push_back(&f);
  std::sort(in_order.begin(), in_order.end(), [](const PublishedGuide* a, const PublishedGuide* b) {
    return std::tie(a->guide.id, a->guide.version) < std::tie(b->guide.id, b->guide.version);
  });
  for (const PublishedGuide* p : in_order) {
    const PublishedGuide& f = *p;
    drop->reset();
    drop->bind(1, f.guide.id).bind(2, f.guide.version);
    if (auto r = drop->run(); !r) return std::unexpected(r.error());
    if (auto r = insert_version(*inserts, f.guide, f.hash, f.terms ? &*f.terms : nullptr); !r) {
      return std::unexpected(r.error());
    }
    ++report.inserted;
  }
  if (auto r = db_->exec("CREATE TEMP TABLE IF NOT EXISTS wanted_versions (guide_id TEXT NOT NULL, "
                         "version INTEGER NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (guide_id, version)); "
                         "DELETE FROM temp.wanted_versions;");
      !r) {
    return std::unexpected(r.error());
  }
  auto want = db_->prepare("INSERT OR REPLACE INTO temp.wanted_versions VALUES (?1, ?2, ?3)");
  if (!want) return std::unexpected(want.error());
  for (const auto& w : wanted) {
    want->reset();
    want->bind(1, w.guide_id).bind(2, w.version).bind(3, w.hash);
    if (auto r = want->run(); !r) return std::unexpected(r.error());
  }
  if (auto r = db_->exec("DELETE FROM guide_versions WHERE NOT EXISTS (SELECT 1 FROM temp.wanted_versions w "
                         "WHERE w.guide_id = guide_versions.guide_id AND w.version = guide_versions.version "
                         "AND w.hash = guide_versions.content_hash)");
      !r) {
    return std::unexpected(r.error());
  }
  report.removed = static_cast<int>(db_->changes());
  if (auto r = db_->exec("DELETE FROM temp.wanted_versions"); !r) return std::unexpected(r.error());
  if (also) {
    if (auto r = also(*db_); !r) return std::unexpected(r.error());
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return report;
}

Result<std::vector<GuideSummary>> CatalogueStore::current() const {
  auto st = db_->prepare(std::string("WITH cur AS (") + current_versions_sql + R"sql()
    SELECT g.guide_id, g.version, g.name, g.name_en, g.status, g.onsite_visits, g.case_type, g.promised_value,
           g.promised_unit, g.window, g.queue_group, g.effective_from, g.suspended_until, g.change_since,
           (SELECT group_concat(topic, char(31)) FROM (SELECT topic FROM guide_topics t
              WHERE t.guide_id = g.guide_id AND t.version = g.version ORDER BY ordinal))
    FROM guide_versions g JOIN cur ON cur.guide_id = g.guide_id AND cur.version = g.version
    ORDER BY COALESCE((SELECT s.term FROM search_terms s WHERE s.guide_id = g.guide_id AND s.version = g.version
                       AND s.kind = 1), g.name), g.guide_id)sql");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now()));
  std::vector<GuideSummary> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        GuideSummary s;
        s.id = row.text(0);
        s.version = static_cast<int>(row.integer(1));
        s.name = row.text(2);
        s.name_en = row.text(3);
        s.status = status_of(row.text(4));
        s.onsite_visits = static_cast<int>(row.integer(5));
        s.case_type = row.text(6) == "immediate" ? CaseType::immediate : CaseType::promised;
        s.promised_limit = TimeLimit{static_cast<int>(row.integer(7)), unit_of(row.text(8))};
        s.window = row.text(9);
        s.queue_group = row.text(10);
        if (const auto ef = row.optional_integer(11)) s.effective_from = instant_of(*ef);
        s.suspended_until = row.text(12);
        s.change_since = row.text(13);
        const std::string topics = row.text(14);
        std::size_t start = 0;
        while (start < topics.size()) {
          const auto end = topics.find('\x1f', start);
          s.topics.push_back(topics.substr(start, end == std::string::npos ? std::string::npos : end - start));
          if (end == std::string::npos) break;
          start = end + 1;
        }
        out.push_back(std::move(s));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<Guide> CatalogueStore::current_guide(const std::string& id) const {
  auto st = db_->prepare(std::string("WITH cur AS (") + current_versions_sql +
                         ") SELECT g.body FROM guide_versions g JOIN cur ON cur.guide_id = g.guide_id AND "
                         "cur.version = g.version WHERE g.guide_id = ?2");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now())).bind(2, id);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorCode::not_found, "guide " + id + ": no such guide in effect");
  Json node;
  try {
    node = Json::parse(st->text(0));
  } catch (const Json::exception&) {
    return fail(ErrorCode::corrupt, "guide " + id + ": stored body is not JSON");
  }
  Problems problems;
  auto guide = parse_guide(node, "guide " + id, problems);
  if (!guide) return fail(ErrorCode::corrupt, "stored " + problems.messages().front());
  return *guide;
}

Result<std::vector<StoredVersion>> CatalogueStore::versions(const std::string& id) const {
  auto st = db_->prepare(
      "SELECT version, effective_from, cancel_at, status, content_hash, imported_at FROM guide_versions "
      "WHERE guide_id = ?1 ORDER BY version");
  if (!st) return std::unexpected(st.error());
  st->bind(1, id);
  std::vector<StoredVersion> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        StoredVersion v;
        v.version = static_cast<int>(row.integer(0));
        if (const auto t = row.optional_integer(1)) v.effective_from = instant_of(*t);
        if (const auto t = row.optional_integer(2)) v.cancel_at = instant_of(*t);
        v.status = status_of(row.text(3));
        v.content_hash = row.text(4);
        v.imported_at = instant_of(row.integer(5));
        out.push_back(std::move(v));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  if (out.empty()) return fail(ErrorCode::not_found, "guide " + id + ": not in this store");
  return out;
}

Result<std::string> CatalogueStore::export_current() const {
  auto st = db_->prepare(std::string("WITH cur AS (") + current_versions_sql +
                         ") SELECT g.body FROM guide_versions g JOIN cur ON cur.guide_id = g.guide_id AND "
                         "cur.version = g.version ORDER BY g.guide_id");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now()));
  Json out = {{"format", "hallkiosk.catalogue/1"}, {"guides", Json::array()}};
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        try {
          out["guides"].push_back(Json::parse(row.text(0)));
        } catch (const Json::exception&) {
          return fail(ErrorCode::corrupt, "a stored guide body is not JSON");
        }
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out.dump(2);
}

Result<search::SearchIndex> CatalogueStore::build_search_index() const {
  auto st = db_->prepare(std::string("WITH cur AS (") + current_versions_sql + R"sql()
    SELECT g.guide_id, g.name, s.kind, s.term
    FROM guide_versions g JOIN cur ON cur.guide_id = g.guide_id AND cur.version = g.version
    JOIN search_terms s ON s.guide_id = g.guide_id AND s.version = g.version
    ORDER BY g.guide_id, s.ordinal)sql");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now()));
  std::vector<search::IndexEntry> entries;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        std::string id = row.text(0);
        if (entries.empty() || entries.back().guide_id != id) entries.push_back({std::move(id), row.text(1), {}});
        entries.back().terms.push_back({static_cast<search::TermKind>(row.integer(2)), row.text(3)});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return search::SearchIndex(std::move(entries));
}

Result<std::string> CatalogueStore::current_characters() const {
  auto st = db_->prepare(std::string("WITH cur AS (") + current_versions_sql +
                         ") SELECT g.body FROM guide_versions g JOIN cur ON cur.guide_id = g.guide_id AND "
                         "cur.version = g.version");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now()));
  std::vector<bool> seen(0x110000, false);
  std::string out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        for (const char32_t cp : utf8::decode(row.text(0))) {
          if (cp < seen.size() && !seen[cp]) {
            seen[cp] = true;
            utf8::append(out, cp);
          }
        }
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<std::optional<Instant>> CatalogueStore::next_change() const {
  auto st = db_->prepare(
      "SELECT MIN(t) FROM (SELECT effective_from AS t FROM guide_versions WHERE effective_from > ?1 "
      "UNION ALL SELECT cancel_at FROM guide_versions WHERE cancel_at > ?1)");
  if (!st) return std::unexpected(st.error());
  st->bind(1, seconds_of(clock_->now()));
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  if (const auto t = st->optional_integer(0)) return std::optional<Instant>(instant_of(*t));
  return std::optional<Instant>{};
}

}  // namespace hall::catalogue
