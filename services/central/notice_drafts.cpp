// SPDX-License-Identifier: Apache-2.0
// 政务公开 notices through the central store's review: a submitted notice becomes a draft with its
// 去标识化 scan; another administrator reviews it once and decides each hit (mask, or keep with a
// reason); publisher.cpp publishes what the review made of it.
#include <nlohmann/json.hpp>

#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "notices/notice_file.h"
#include "notices/notice_labels.h"

namespace hall::central {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;

std::optional<DraftState> notice_state_from(const std::string& s) {
  for (const auto st : {DraftState::pending, DraftState::approved, DraftState::rejected, DraftState::published}) {
    if (s == to_string(st)) return st;
  }
  return std::nullopt;
}

Json hit_json(const notices::Hit& h) {
  return {{"kind", notices::term(h.kind).code}, {"path", h.path}, {"offset", h.offset}, {"found", h.found},
          {"mask", h.mask}};
}

std::optional<notices::Hit> hit_from(const Json& j) {
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string() || !j.contains("offset") ||
      !j["offset"].is_number_unsigned()) {
    return std::nullopt;
  }
  notices::Hit h;
  bool known = false;
  for (const auto& t : notices::hit_kinds()) {
    if (j["kind"].get<std::string>() == t.code) {
      h.kind = t.value;
      known = true;
    }
  }
  if (!known) return std::nullopt;
  h.path = j.value("path", "");
  h.offset = j["offset"].get<std::size_t>();
  h.found = j.value("found", "");
  h.mask = j.value("mask", "");
  return h;
}

std::string hits_text(const std::vector<notices::Hit>& hits) {
  Json out = Json::array();
  for (const auto& h : hits) out.push_back(hit_json(h));
  return out.dump();
}

std::vector<notices::Hit> hits_from(const std::string& text) {
  std::vector<notices::Hit> out;
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& h : j) {
    if (auto hit = hit_from(h)) out.push_back(std::move(*hit));
  }
  return out;
}

std::string decisions_text(const std::vector<notices::ReviewedHit>& decisions) {
  Json out = Json::array();
  for (const auto& d : decisions) {
    Json j = hit_json(d.hit);
    j["action"] = d.decision.action == notices::ReviewAction::mask ? "mask" : "keep";
    j["reason"] = d.decision.reason;
    out.push_back(std::move(j));
  }
  return out.dump();
}

std::vector<notices::ReviewedHit> decisions_from(const std::string& text) {
  std::vector<notices::ReviewedHit> out;
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& d : j) {
    auto hit = hit_from(d);
    if (!hit) continue;
    notices::Decision decision;
    decision.action = d.value("action", "mask") == "keep" ? notices::ReviewAction::keep : notices::ReviewAction::mask;
    decision.reason = d.value("reason", "");
    out.push_back({std::move(*hit), std::move(decision)});
  }
  return out;
}

// The list fields a draft shows, read from its stored body (validated at submit).
void describe(NoticeDraft& d) {
  const Json j = Json::parse(d.body, nullptr, false);
  if (!j.is_object()) return;
  d.kind = j.value("kind", "");
  d.title = j.value("title", "");
  d.disclosure = j.value("disclosure", "");
}

std::vector<notices::Representative> representatives_of(const notices::Notice& n) {
  return n.proposal ? n.proposal->representatives : std::vector<notices::Representative>{};
}

// A draft's body as stored (validated at submit, without the file's "format" envelope).
Result<notices::Notice> parse_stored(const Json& body, const std::string& name, notices::Destination destination) {
  notices::Problems problems;
  auto n = notices::parse_notice(body, name, destination, problems);
  if (!n) {
    std::string all;
    for (const auto& m : problems.messages()) all += (all.empty() ? "" : "\n") + m;
    return fail(ErrorCode::invalid_input, all);
  }
  return std::move(*n);
}

}  // namespace

Result<std::string> detail::notice_published_form(const NoticeDraft& d) {
  const std::string name = "notice draft " + std::to_string(d.id);
  const Json body = Json::parse(d.body, nullptr, false);
  auto central = parse_stored(body, name, notices::Destination::central);
  if (!central) return std::unexpected(central.error());
  auto masked = notices::apply_review(body, representatives_of(*central), d.decisions);
  if (!masked) return fail(ErrorCode::conflict, name + ": 去标识化 review incomplete:\n" + masked.error().message);
  // Checked again as what leaves the store: 主动公开 only, no list of deputies.
  auto published = parse_stored(*masked, name, notices::Destination::published);
  if (!published) return std::unexpected(published.error());
  Json out = {{"format", "hallkiosk.notice/1"}};
  for (auto& [key, value] : masked->items()) out[key] = std::move(value);
  return out.dump();
}

Result<std::vector<NoticeDraft>> query_notice_drafts(storage::Database& db, std::string_view where, std::int64_t id) {
  auto st = db.prepare(
      "SELECT d.id, d.notice_id, d.version, d.author, d.submitted_at, d.state, d.body, d.hits, r.reviewer, "
      "r.reviewed_at, r.reason, r.confidentiality_note, r.decisions, d.published_in "
      "FROM notice_drafts d LEFT JOIN notice_reviews r ON r.draft_id = d.id " +
      std::string(where) + " ORDER BY d.id DESC");
  if (!st) return std::unexpected(st.error());
  if (id != 0) st->bind(1, id);
  std::vector<NoticeDraft> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        NoticeDraft d;
        d.id = row.integer(0);
        d.notice_id = row.text(1);
        d.version = static_cast<int>(row.integer(2));
        d.author = row.text(3);
        d.submitted_at = instant_of(row.integer(4));
        d.state = notice_state_from(row.text(5)).value_or(DraftState::pending);
        d.body = row.text(6);
        d.hits = hits_from(row.text(7));
        if (!row.is_null(8)) {
          d.reviewer = row.text(8);
          d.reviewed_at = instant_of(row.integer(9));
          d.reason = row.text(10);
          d.confidentiality_note = row.text(11);
          d.decisions = decisions_from(row.text(12));
        }
        d.published_in = row.optional_integer(13);
        describe(d);
        out.push_back(std::move(d));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

Result<std::vector<NoticeDraft>> CentralStore::notice_drafts() { return query_notice_drafts(*db_, "", 0); }

Result<NoticeDraft> CentralStore::notice_draft(std::int64_t id) {
  auto found = query_notice_drafts(*db_, "WHERE d.id = ?1", id);
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return fail(ErrorCode::not_found, "no notice draft " + std::to_string(id));
  return std::move(found->front());
}

namespace {

Result<std::vector<PublishedNotice>> query_published_notices(storage::Database& db, bool one, const std::string& id) {
  // The highest version of each notice: the one phones and the catalogue show.
  auto st = db.prepare(
      std::string("SELECT p.notice_id, p.version, p.hash, p.body, p.draft_id, p.catalogue_version, p.published_at "
                  "FROM notice_published p WHERE p.version = (SELECT max(q.version) FROM notice_published q "
                  "WHERE q.notice_id = p.notice_id)") +
      (one ? " AND p.notice_id = ?1" : "") + " ORDER BY p.notice_id");
  if (!st) return std::unexpected(st.error());
  if (one) st->bind(1, id);
  std::vector<PublishedNotice> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back({row.text(0), static_cast<int>(row.integer(1)), row.text(2), row.text(3), row.integer(4),
                       row.integer(5), instant_of(row.integer(6))});
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

}  // namespace

std::optional<notices::Notice> published_form(const PublishedNotice& p) {
  auto file = notices::parse_notice_file(p.body, notices::Destination::published);
  if (!file || file->notices.size() != 1) return std::nullopt;
  return std::move(file->notices.front());
}

Result<std::vector<PublishedNotice>> CentralStore::published_notices() {
  return query_published_notices(*db_, false, {});
}

Result<std::optional<PublishedNotice>> CentralStore::published_notice(const std::string& notice_id) {
  auto found = query_published_notices(*db_, true, notice_id);
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::optional<PublishedNotice>();
  return std::optional<PublishedNotice>(std::move(found->front()));
}

Result<std::vector<NoticeDraft>> CentralStore::submit_notices(const std::string& author, std::string_view file_bytes) {
  const auto submitted = [&]() -> Result<std::vector<NoticeDraft>> {
    if (auto r = require_role(author, Role::author); !r) return std::unexpected(r.error());
    auto file = notices::parse_notice_file(file_bytes, notices::Destination::central);
    if (!file) return std::unexpected(file.error());
    if (file->notices.empty()) return fail(ErrorCode::invalid_input, "the file holds no notice");
    auto tx = storage::Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto latest = db_->prepare("SELECT max(version) FROM notice_published WHERE notice_id = ?1");
    auto insert = db_->prepare(
        "INSERT INTO notice_drafts (notice_id, version, author, submitted_at, state, body, hits) "
        "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)");
    auto opinions = db_->prepare("SELECT COUNT(*) FROM notice_comments WHERE notice_id = ?1");
    if (!latest) return std::unexpected(latest.error());
    if (!insert) return std::unexpected(insert.error());
    if (!opinions) return std::unexpected(opinions.error());
    std::vector<NoticeDraft> out;
    for (const auto& n : file->notices) {
      // An adoption report counts every opinion received, by letter and phone alike: never fewer
      // than this store took on the draft's page.
      if (n.draft && n.draft->adoption) {
        opinions->reset();
        opinions->bind(1, n.id);
        if (auto row = opinions->step(); !row) return std::unexpected(row.error());
        if (const auto taken = opinions->integer(0); n.draft->adoption->received < taken) {
          return fail(ErrorCode::invalid_input,
                      "notice " + n.id + ": $.draft.adoption.received: " + std::to_string(n.draft->adoption->received) +
                          " is fewer than the " + std::to_string(taken) +
                          " opinion(s) its comment page received (hallctl central comments " + n.id + ")");
        }
      }
      latest->reset();
      latest->bind(1, n.id);
      if (auto row = latest->step(); !row) return std::unexpected(row.error());
      if (const auto published = latest->optional_integer(0); published && n.version <= *published) {
        return fail(ErrorCode::conflict, "notice " + n.id + ": version " + std::to_string(n.version) +
                                             " is not above the published version " + std::to_string(*published));
      }
      NoticeDraft d;
      d.notice_id = n.id;
      d.version = n.version;
      d.author = author;
      d.submitted_at = clock_->now();
      d.body = n.source_json;
      d.hits = notices::scan_notice(Json::parse(n.source_json), representatives_of(n));
      describe(d);
      insert->reset();
      insert->bind(1, d.notice_id).bind(2, d.version).bind(3, author).bind(4, seconds_of(d.submitted_at));
      insert->bind(5, d.body).bind(6, hits_text(d.hits));
      if (auto r = insert->run(); !r) return std::unexpected(r.error());
      d.id = db_->last_insert_id();
      const std::string summary = d.notice_id + " v" + std::to_string(d.version) + " (" + d.kind + ", " +
                                  d.disclosure + "), 去标识化: " + std::to_string(d.hits.size()) + " hit(s)";
      if (auto r = audit(author, "submit", "notice draft " + std::to_string(d.id), "ok", summary); !r) {
        return std::unexpected(r.error());
      }
      out.push_back(std::move(d));
    }
    if (auto r = tx->commit(); !r) return std::unexpected(r.error());
    return out;
  }();
  return audit_refusal(submitted, author, "submit", "notice file of " + std::to_string(file_bytes.size()) + " bytes");
}

Result<NoticeDraft> CentralStore::review_notice(const std::string& reviewer, std::int64_t draft_id,
                                                const NoticeReviewDecision& decision) {
  const auto reviewed = [&]() -> Result<NoticeDraft> {
    if (auto r = require_role(reviewer, Role::reviewer); !r) return std::unexpected(r.error());
    if (decision.note.empty()) {
      return fail(ErrorCode::invalid_input, "a review records its confidentiality check (保密审查记录): the note is empty");
    }
    if (!decision.approve && decision.reason.empty()) {
      return fail(ErrorCode::invalid_input, "a rejection goes back to the author with its reason: the reason is empty");
    }
    auto tx = storage::Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto d = notice_draft(draft_id);
    if (!d) return std::unexpected(d.error());
    const std::string name = "notice draft " + std::to_string(draft_id);
    if (d->author == reviewer) {
      return fail(ErrorCode::conflict,
                  name + ": " + reviewer + " wrote it and may not review it (先审查、后公开: another administrator reviews)");
    }
    if (!d->reviewer.empty() || d->state != DraftState::pending) {
      return fail(ErrorCode::conflict, name + " was already reviewed" + (d->reviewer.empty() ? "" : " by " + d->reviewer) +
                                           " (一事一审: one review per change)");
    }
    if (decision.approve) {
      // The decisions must cover exactly what the scan finds: apply_review says which do not.
      const Json body = Json::parse(d->body, nullptr, false);
      auto n = parse_stored(body, name, notices::Destination::central);
      if (!n) return std::unexpected(n.error());
      auto masked = notices::apply_review(body, representatives_of(*n), decision.decisions);
      if (!masked) return fail(ErrorCode::invalid_input, name + ": 去标识化 review incomplete:\n" + masked.error().message);
    }
    const auto now = clock_->now();
    auto ins = db_->prepare(
        "INSERT INTO notice_reviews (draft_id, reviewer, reviewed_at, conclusion, reason, confidentiality_note, "
        "decisions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!ins) return std::unexpected(ins.error());
    ins->bind(1, draft_id).bind(2, reviewer).bind(3, seconds_of(now)).bind(4, decision.approve ? "approve" : "reject");
    ins->bind(5, decision.reason).bind(6, decision.note).bind(7, decisions_text(decision.approve ? decision.decisions
                                                                                                   : std::vector<notices::ReviewedHit>{}));
    if (auto r = ins->run(); !r) return std::unexpected(r.error());
    auto upd = db_->prepare("UPDATE notice_drafts SET state = ?2 WHERE id = ?1");
    if (!upd) return std::unexpected(upd.error());
    upd->bind(1, draft_id).bind(2, decision.approve ? "approved" : "rejected");
    if (auto r = upd->run(); !r) return std::unexpected(r.error());
    int masked = 0, kept = 0;
    for (const auto& h : decision.decisions) (h.decision.action == notices::ReviewAction::mask ? masked : kept) += 1;
    const std::string detail = std::string(decision.approve ? "approved" : "rejected: " + decision.reason) +
                               "; 去标识化: " + std::to_string(masked) + " masked, " + std::to_string(kept) +
                               " kept; 保密审查: " + decision.note;
    if (auto r = audit(reviewer, "review", name, "ok", detail); !r) return std::unexpected(r.error());
    if (auto r = tx->commit(); !r) return std::unexpected(r.error());
    return notice_draft(draft_id);
  }();
  return audit_refusal(reviewed, reviewer, "review", "notice draft " + std::to_string(draft_id));
}

}  // namespace hall::central
