// SPDX-License-Identifier: Apache-2.0
// Drafts and reviews: a submitted guide becomes a draft with its diff against the published
// version; another administrator reviews it once (先审查、后公开, 一事一审).
#include <nlohmann/json.hpp>

#include "catalogue/catalogue_file.h"
#include "central/central_store.h"
#include "central/central_store_detail.h"

namespace hall::central {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;

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
    // Stored by diff_text; anything else is skipped rather than thrown out of a Result function.
    if (c.is_array() && c.size() == 3 && c[0].is_string() && c[1].is_string() && c[2].is_string()) {
      out.push_back({c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<std::string>()});
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Draft>> CentralStore::query_drafts(std::string_view where, std::int64_t id) {
  auto st = db_->prepare(
      "SELECT d.id, d.guide_id, d.version, d.author, d.submitted_at, d.state, d.diff, d.body, r.reviewer, "
      "r.reviewed_at, r.reason, r.confidentiality_note, d.published_in "
      "FROM drafts d LEFT JOIN reviews r ON r.draft_id = d.id " +
      std::string(where) + " ORDER BY d.id DESC");
  if (!st) return std::unexpected(st.error());
  if (id != 0) st->bind(1, id);
  std::vector<Draft> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        Draft d;
        d.id = row.integer(0);
        d.guide_id = row.text(1);
        d.version = static_cast<int>(row.integer(2));
        d.author = row.text(3);
        d.submitted_at = instant_of(row.integer(4));
        d.state = state_from(row.text(5)).value_or(DraftState::pending);
        d.changes = diff_from(row.text(6));
        d.body = row.text(7);
        if (!row.is_null(8)) {
          d.reviewer = row.text(8);
          d.reviewed_at = instant_of(row.integer(9));
          d.reason = row.text(10);
          d.confidentiality_note = row.text(11);
        }
        d.published_in = row.optional_integer(12);
        out.push_back(std::move(d));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  return out;
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

Result<std::optional<std::string>> CentralStore::published_guide(const std::string& guide_id) {
  auto version = published_version(guide_id);
  if (!version) return std::unexpected(version.error());
  if (!*version) return std::optional<std::string>();
  auto body = published_body(guide_id, **version);
  if (!body) return std::unexpected(body.error());
  return std::optional<std::string>(std::move(*body));
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
  return audit_refusal(submit_locked(author, file_bytes), author, "submit",
                       "file of " + std::to_string(file_bytes.size()) + " bytes");
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
    d.id = db_->last_insert_id();
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
  return audit_refusal(review_locked(reviewer, draft_id, decision), reviewer, "review",
                       "draft " + std::to_string(draft_id));
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

}  // namespace hall::central
