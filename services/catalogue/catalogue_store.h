// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall's guide cache: every version of every guide, with what each screen needs to list it,
// and its search terms. A single SQLite file in WAL mode; imports are all or nothing.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/catalogue_file.h"
#include "catalogue/guide.h"
#include "catalogue/guide_summary.h"
#include "common/clock.h"
#include "common/error.h"
#include "search/search_index.h"
#include "search/search_terms.h"
#include "storage/sqlite.h"

namespace hall::catalogue {

struct ImportReport {
  int added = 0;      // guides new to this store
  int updated = 0;    // a higher version of a stored guide
  int unchanged = 0;  // the same version with the same content: nothing to do
  int scheduled = 0;  // of added/updated, versions whose effective_from is still ahead
};

struct StoredVersion {
  int version = 1;
  std::optional<Instant> effective_from, cancel_at;
  GuideStatus status = GuideStatus::active;
  std::string content_hash;
  Instant imported_at;
};

// A guide version as a published catalogue names it.
struct PublishedVersion {
  std::string guide_id;
  int version = 1;
  std::string hash;  // the content hash it was published under
};

struct PublishedGuide {
  Guide guide;
  std::string hash;
  // search_terms_for(guide), when the caller computed it ahead (the sync does, on its fetch
  // workers, so a first sync of 10,000 guides does not compute pinyin inside its transaction).
  std::optional<std::vector<search::SearchTerm>> terms;
};

struct ReplaceReport {
  int inserted = 0;  // versions new to this store
  int removed = 0;   // versions no longer published (withdrawn guides, superseded versions)
};

class CatalogueStore {
 public:
  static constexpr int schema_version = 12;

  // Opens or creates the store and brings its schema up to date.
  static Result<CatalogueStore> open(const std::string& path, const Clock& clock);

  // All or nothing: any refused guide leaves the store exactly as it was.
  Result<ImportReport> import(const CatalogueFile& file);

  // The guides a visitor sees now: for each id the highest version already in effect, unless it
  // is cancelled or past its cancel_at. Sorted by the name's pinyin, as a Chinese reader expects
  // a list (高龄 before 临时), not by code point.
  Result<std::vector<GuideSummary>> current() const;
  Result<Guide> current_guide(const std::string& id) const;
  Result<std::vector<StoredVersion>> versions(const std::string& id) const;
  // Every current guide as a catalogue file (hallkiosk.catalogue/1), unknown keys included.
  Result<std::string> export_current() const;
  // The search index over the current guides, built from the terms stored at import.
  Result<search::SearchIndex> build_search_index() const;
  // Every distinct character in the guides in effect (their full JSON), once each: what a screen
  // may have to draw, for building a glyph atlas without reading every guide.
  Result<std::string> current_characters() const;
  // The next moment at which current() changes by itself (an effective_from or cancel_at ahead).
  Result<std::optional<Instant>> next_change() const;

  // (guide_id, version, content_hash) of every stored version, in effect or not.
  Result<std::vector<PublishedVersion>> stored_versions() const;

  // One transaction: inserts `fresh` (versions not stored yet; a stored version with another hash
  // is replaced), removes every stored version not in `wanted` (versions with a future
  // effective_from stay when listed, so they switch on time offline), then runs `also` (the
  // caller's own bookkeeping, e.g. the trusted sync version). Any failure changes nothing.
  Result<ReplaceReport> replace_published(const std::vector<PublishedVersion>& wanted,
                                          const std::vector<PublishedGuide>& fresh,
                                          const std::function<Result<void>(storage::Database&)>& also);

  storage::Database& database() { return *db_; }

 private:
  CatalogueStore(std::unique_ptr<storage::Database> db, const Clock& clock) : db_(std::move(db)), clock_(&clock) {}
  // The statements that store a guide version, prepared once per transaction.
  struct VersionInserts;
  Result<VersionInserts> prepare_inserts();
  Result<void> insert_version(VersionInserts& st, const Guide& g, const std::string& hash,
                              const std::vector<search::SearchTerm>* terms = nullptr);

  std::unique_ptr<storage::Database> db_;
  const Clock* clock_;
};

}  // namespace hall::catalogue
