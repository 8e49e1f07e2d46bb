// SPDX-License-Identifier: Apache-2.0
#pragma once
// The central store (中心库): administrators, drafts with their diffs, reviews (先审查、后公开,
// 一事一审), publishing to a folder of plain signed files, kiosk heartbeats, and an audit log of
// every action. One SQLite file (central.db, WAL) in the store's data folder; no sockets.
//
// Data folder:  central.db   signing/<n>.key (the publisher key set n, mode 0600; needed only to
//                            publish and rotate, so it may live offline)
//               signing/timestamp.key (the online timestamp key: signs timestamp.json, nothing else)
//               publish/     what any static server serves (services/sync/PROTOCOL.md)
#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "central/guide_diff.h"
#include "central/signing.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/working_calendar.h"
#include "notices/deidentify.h"
#include "notices/notice.h"
#include "storage/sqlite.h"

namespace hall::central {

enum class Role { author, reviewer, publisher };
const char* to_string(Role r);
std::optional<Role> role_from(std::string_view name);

struct Admin {
  std::string id;  // [A-Za-z0-9._-]{1,64}
  std::string name;
  PublicKey key;
  std::vector<Role> roles;
  bool has(Role r) const;
};

enum class DraftState { pending, approved, rejected, published };
const char* to_string(DraftState s);

struct Draft {
  std::int64_t id = 0;
  std::string guide_id;
  int version = 0;
  std::string author;
  Instant submitted_at;
  DraftState state = DraftState::pending;
  std::vector<Change> changes;  // against the highest published version of the guide
  std::string body;             // the guide's JSON as validated
  // The review (一事一审), when there is one.
  std::string reviewer;
  std::optional<Instant> reviewed_at;
  std::string reason;                // why it was rejected, for the author
  std::string confidentiality_note;  // 保密审查记录
  std::optional<std::int64_t> published_in;  // the catalogue version that carried it
};

struct ReviewDecision {
  bool approve = false;
  std::string reason;  // required when rejecting
  std::string note;    // the confidentiality-check record, always required
};

// A notice (政务公开, hallkiosk.notice/1) through the same steps: the author's file is kept whole,
// with the 去标识化 scan made at submit; the review decides each hit (mask, or keep with a reason);
// what is published is the reviewed notice, masked, without a proposal reply's deputies.
struct NoticeDraft {
  std::int64_t id = 0;
  std::string notice_id;
  int version = 0;
  std::string author;
  Instant submitted_at;
  DraftState state = DraftState::pending;
  std::string kind, title, disclosure;  // as the draft states them, for lists
  std::string body;                     // the notice's JSON as submitted (central form)
  std::vector<notices::Hit> hits;       // the 去标识化 scan at submit
  // The review, when there is one.
  std::string reviewer;
  std::optional<Instant> reviewed_at;
  std::string reason;                          // why it was rejected
  std::string confidentiality_note;            // 保密审查记录
  std::vector<notices::ReviewedHit> decisions;  // what the reviewer did with each hit
  std::optional<std::int64_t> published_in;
};

struct NoticeReviewDecision {
  bool approve = false;
  std::string reason;  // required when rejecting
  std::string note;    // the confidentiality-check record, always required
  // Approving: one decision per hit of the draft's scan (apply_review's rules); rejecting: none needed.
  std::vector<notices::ReviewedHit> decisions;
};

// A notice version as published: the bytes kiosks and phones read.
struct PublishedNotice {
  std::string id;
  int version = 0;
  std::string hash;  // SHA-256 of body: objects/<hash>.json
  std::string body;  // hallkiosk.notice/1, published form
  std::int64_t draft_id = 0;
  std::int64_t catalogue_version = 0;
  Instant published_at;
};
// A published notice as the format reads it; nullopt for bytes that no longer parse (never
// expected: they were checked when published).
std::optional<notices::Notice> published_form(const PublishedNotice& p);

// An opinion on a decision draft (重大决策预公开), left on its public phone page during the
// comment period. The contact is for the office alone: it is never published.
struct NoticeComment {
  std::int64_t id = 0;
  std::string notice_id;
  int version = 0;  // the published version the visitor read
  Instant received_at;
  std::string receipt;  // what the visitor was given: 8 letters and digits, none of 0 O 1 I
  std::string source;   // the address it came from (the rate limit counts by it)
  std::string text, contact;
};

enum class CommentRefusal {
  no_such_notice,  // not published (or not 主动公开)
  not_a_draft,     // only a decision draft takes comments
  not_open,        // before or after its comment period
  empty,
  too_long,          // the opinion is over CommentLimits::max_text code points
  contact_too_long,  // over CommentLimits::max_contact
  too_many,          // this address sent its share for now
  storage,
};
struct CommentRefused {
  CommentRefusal reason = CommentRefusal::storage;
  std::string message;  // for the log and the administrator; the page says it in its own words
};

struct CommentLimits {
  std::size_t max_text = 2000;  // code points
  std::size_t max_contact = 100;
  int per_ten_minutes = 5;  // from one address
  int per_day = 20;
};

struct PublishRequest {
  std::optional<Instant> effective_from;  // overrides the guides' own effective_from
  int offset_seconds = 8 * 3600;          // the zone effective_from is written in (the hall's, +08:00)
  // Both empty: every approved draft, guides and notices. Otherwise only those named.
  std::vector<std::int64_t> drafts;
  std::vector<std::int64_t> notice_drafts;
};

// The plan's rule for changed services: an approved change is public within 1 working day of its
// approval (dates in the hall's zone, working days from the store's calendar, Monday–Friday
// without one). One approved draft measured against that rule.
struct PublicationDue {
  std::int64_t draft = 0;
  std::string guide;           // "id@version"
  std::string approved_on;     // YYYY-MM-DD
  std::string due_on;          // the 1st working day after approved_on
  int working_days_late = 0;   // working days past due_on (0: on time)
  bool due_today = false;      // today is due_on
  bool weekdays_only = false;  // the store holds no calendar: Monday–Friday were counted
};

struct PublishReport {
  std::int64_t catalogue_version = 0;
  std::vector<std::int64_t> drafts;
  std::vector<std::string> guides;  // "id@version"
  int objects_written = 0;
  int bins_written = 0;             // bins/<sha256>.json not already in the published folder
  std::uint64_t bytes_written = 0;  // objects + bins + manifest
  std::uint64_t manifest_bytes = 0;
  std::vector<PublicationDue> late;  // drafts published after their due day, each audited
  std::vector<std::int64_t> notice_drafts;
  std::vector<std::string> notices;  // "id@version"
  bool workdays_changed = false;     // the calendar published differs from the one before
};

struct Heartbeat {
  std::string kiosk_id;
  std::int64_t catalogue_version = 0;
  std::string last_good_sync, last_error, printer_state;
};

// A kiosk enrolled by an administrator: the public half of the key it made at set-up.
struct EnrolledKiosk {
  std::string id;  // [A-Za-z0-9._-]{1,64}
  std::string name;
  PublicKey key;
};

struct KioskStatus {
  Heartbeat last;
  Instant last_seen;
  bool behind = false;  // its version is below the latest published one
  bool silent = false;  // not heard from for longer than CentralConfig::silent_after
};

struct AuditEntry {
  std::int64_t seq = 0;
  Instant at;
  std::string actor, action, target, outcome, detail;
};

// Refusals of unauthenticated callers, aggregated: one row per minute, source and reason.
struct RefusalCount {
  Instant minute;
  std::string source, reason;
  std::int64_t count = 0;
};

struct CentralConfig {
  std::chrono::seconds manifest_validity = std::chrono::days(7);
  std::chrono::seconds silent_after = std::chrono::minutes(15);
  bool durable_writes = true;  // fsync published files (tests and benches may turn it off)
  // timestamp.json: short-lived, renewed well before it runs out (TUF's timestamp role).
  std::chrono::seconds timestamp_validity = std::chrono::days(1);
  std::chrono::seconds timestamp_renew_every = std::chrono::hours(6);
};

class CentralStore {
 public:
  static constexpr int schema_version = 4;

  // Creates the data folder, its database and publisher key set 1 (keys.json, keys/1.json) from
  // the given key. Refuses a folder that already holds a store.
  static Result<void> init(const std::string& data_dir, const KeyPair& publisher_key, const Clock& clock);
  static Result<CentralStore> open(const std::string& data_dir, const Clock& clock, CentralConfig config = {});

  // Local administration (the operator on the central machine): `actor` goes to the audit log.
  Result<void> add_admin(const Admin& admin, const std::string& actor);
  Result<Admin> admin(const std::string& id);
  Result<std::vector<Admin>> admins();

  // An author submits a catalogue or guide file (the exchange format): each guide becomes a
  // pending draft with its diff. All or nothing.
  Result<std::vector<Draft>> submit(const std::string& author, std::string_view file_bytes);
  Result<Draft> review(const std::string& reviewer, std::int64_t draft_id, const ReviewDecision& decision);
  Result<PublishReport> publish(const std::string& publisher, const PublishRequest& request);
  // A new publisher key set (version + 1) signed by the current one; the manifest is issued again
  // under the new key with the next catalogue version. Returns the new key set's version.
  Result<std::int64_t> rotate_key(const KeyPair& new_key, const std::string& actor);
  // Signs timestamp.json again (the next timestamp version, valid CentralConfig::timestamp_validity)
  // for the manifest in force, with the timestamp key alone: the publisher key is not read.
  // Returns the timestamp version; not_found before the first publish or without a timestamp key.
  Result<std::int64_t> renew_timestamp(const std::string& actor);

  Result<std::vector<Draft>> drafts();
  Result<Draft> draft(std::int64_t id);

  // 政务公开 (notice_drafts.cpp). A notice or directory file (Destination::central: every 公开属性,
  // the deputies of a proposal reply) becomes one pending draft per notice, scanned. All or nothing.
  Result<std::vector<NoticeDraft>> submit_notices(const std::string& author, std::string_view file_bytes);
  Result<NoticeDraft> review_notice(const std::string& reviewer, std::int64_t draft_id,
                                    const NoticeReviewDecision& decision);
  Result<std::vector<NoticeDraft>> notice_drafts();  // newest first
  Result<NoticeDraft> notice_draft(std::int64_t id);
  // The highest published version of each notice, by id; or of one (nullopt: never published).
  Result<std::vector<PublishedNotice>> published_notices();
  Result<std::optional<PublishedNotice>> published_notice(const std::string& notice_id);
  // The highest published version of a guide, as published (nullopt: never published).
  Result<std::optional<std::string>> published_guide(const std::string& guide_id);

  // A visitor's opinion on a published decision draft (notice_comments.cpp): refused outside the
  // comment period (dates in the hall's zone), over the limits, or past the address's share.
  std::expected<NoticeComment, CommentRefused> add_comment(const std::string& notice_id, std::string_view text,
                                                           std::string_view contact, const std::string& source,
                                                           int offset_seconds = 8 * 3600);
  // Every comment on a notice, oldest first; `actor` (an administrator) is audited for reading
  // them, since they carry contacts.
  Result<std::vector<NoticeComment>> comments(const std::string& notice_id, const std::string& actor);
  const CommentLimits& comment_limits() const { return comment_limits_; }
  void set_comment_limits(CommentLimits limits) { comment_limits_ = limits; }

  // The hall's 工作日 calendar (a hallkiosk.workdays/1 file, README) replaces the one held; the
  // publication rule counts with it. Returns the years it holds.
  Result<std::vector<int>> import_workdays(std::string_view file_bytes, const std::string& actor);
  // nullopt: none imported, working days are Monday–Friday.
  Result<std::optional<WorkingCalendar>> workdays();
  // Every approved draft not yet published, with its due day measured now (hall zone at
  // `offset_seconds` east of UTC), oldest approval first.
  Result<std::vector<PublicationDue>> publication_due(int offset_seconds = 8 * 3600);

  // Local administration: registers a kiosk's public key; only enrolled kiosks' signed
  // heartbeats are recorded (and shown).
  Result<void> enrol_kiosk(const EnrolledKiosk& kiosk, const std::string& actor);
  Result<std::optional<EnrolledKiosk>> enrolled_kiosk(const std::string& kiosk_id);
  // A refused heartbeat is counted by reason, never recorded as a kiosk nor audited one by one.
  Result<void> count_refused_heartbeat(const std::string& reason);
  Result<std::vector<std::pair<std::string, std::int64_t>>> refused_heartbeats();

  Result<void> record_heartbeat(const Heartbeat& beat);
  Result<std::vector<KioskStatus>> kiosks();

  // Newest first.
  Result<std::vector<AuditEntry>> audit_log(int limit = 500);
  // One page, newest first: entries with seq below `before` (0: from the newest), at most `limit`.
  Result<std::vector<AuditEntry>> audit_page(std::int64_t before, int limit);
  // A refusal of an unauthenticated caller: counted in its minute, by source and reason.
  Result<void> count_refusal(const std::string& source, const std::string& reason);
  // Newest minute first.
  Result<std::vector<RefusalCount>> refusal_counts(int limit = 1000);
  Result<void> audit(const std::string& actor, const std::string& action, const std::string& target,
                     const std::string& outcome, const std::string& detail = {});
  // An admin request's signature, remembered for 10 minutes so the same request is not accepted
  // twice; false when it was seen before.
  Result<bool> remember_request(const std::string& signature);

  Result<std::int64_t> catalogue_version();
  Result<std::int64_t> keys_version();
  // Writes manifest.json and keys.json again from the database (the exact bytes last signed).
  Result<void> write_published();

  const std::string& data_dir() const { return dir_; }
  std::string publish_dir() const { return dir_ + "/publish"; }
  const Clock& clock() const { return *clock_; }
  const CentralConfig& config() const { return config_; }

 private:
  CentralStore(std::string dir, std::unique_ptr<storage::Database> db, const Clock& clock, CentralConfig config)
      : dir_(std::move(dir)), db_(std::move(db)), clock_(&clock), config_(config) {}
  Result<KeyPair> signing_key(std::int64_t version);
  Result<KeyPair> timestamp_key();
  // The timestamp key to authorise in a new key set: the store's own, made on first need (a store
  // created before the timestamp role gains it at its next rotation).
  Result<KeyPair> timestamp_key_for_rotation();
  Result<std::int64_t> renew_timestamp_locked();
  Result<std::string> state(const std::string& key);
  Result<void> set_state(const std::string& key, const std::string& value);
  Result<std::optional<int>> published_version(const std::string& guide_id);
  Result<std::string> published_body(const std::string& guide_id, int version);
  struct BuiltManifest {
    std::string envelope;  // manifest.json
    int bins_written = 0;
    std::uint64_t bin_bytes = 0;
    std::string workdays_hash;  // of the calendar it names; empty: none
  };
  // publish_notices.cpp: the notice index (hallkiosk.notice-index/1) a manifest names; nullopt
  // when nothing was ever published.
  Result<std::optional<std::string>> notice_index();
  Result<std::vector<NoticeDraft>> notices_to_publish(const PublishRequest& request);
  Result<void> publish_notices(const std::vector<NoticeDraft>& chosen, PublishReport& report, Instant now);
  // The calendar held differs from the one last published (or none was published).
  Result<bool> workdays_unpublished();
  // Signs the manifest of what is published now, writing first the bins it names that the
  // published folder lacks (content-addressed, so an unchanged bin is not written again).
  Result<BuiltManifest> build_manifest(std::int64_t catalogue_version, std::int64_t keys_version);
  Result<PublishReport> publish_locked(const std::string& publisher, const PublishRequest& request);
  Result<std::vector<Draft>> submit_locked(const std::string& author, std::string_view file_bytes);
  Result<Draft> review_locked(const std::string& reviewer, std::int64_t draft_id, const ReviewDecision& decision);
  Result<void> require_role(const std::string& admin_id, Role role);
  // The published folder (published_folder.cpp), the store's only file I/O besides its keys.
  // Writes `folder`/<hash>.json ("objects" or "bins") unless it is there (false).
  Result<bool> write_object(const std::string& hash, std::string_view body, const char* folder = "objects");
  Result<void> flush_objects();  // objects and bins written since the last flush
  Result<void> write_published_file(const std::string& name, const std::string& bytes);
  // Returns `result` as it is; a failure is first audited as `actor`'s refused `action` on `target`.
  template <class T>
  Result<T> audit_refusal(Result<T> result, const std::string& actor, const std::string& action,
                          const std::string& target) {
    if (!result) (void)audit(actor, action, target, "refused", result.error().message);
    return result;
  }
  Result<std::vector<Draft>> query_drafts(std::string_view where, std::int64_t id);
  // change_notes.cpp: the guide's body with the change note a visitor reads (against the version
  // published before it; none for a first version or a change no visitor acts on).
  Result<std::string> with_change_note(const Draft& d, const std::string& body, int offset_seconds);
  // Each of `chosen` published later than its due day, audited as a late publication by `publisher`.
  Result<std::vector<PublicationDue>> late_publications(const std::vector<Draft>& chosen, int offset_seconds,
                                                        const std::string& publisher);

  std::string dir_;
  std::unique_ptr<storage::Database> db_;
  const Clock* clock_;
  CentralConfig config_;
  CommentLimits comment_limits_;
};

}  // namespace hall::central
