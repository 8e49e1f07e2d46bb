// SPDX-License-Identifier: Apache-2.0
// Opinions on decision drafts (重大决策预公开) from their public phone page: taken only in the
// comment period of the version published, bounded in size and per address, each answered with a
// receipt code; listed for administrators, who are audited for reading them (they carry contacts).
#include <sodium.h>

#include <stdexcept>

#include "central/central_store.h"
#include "central/central_store_detail.h"
#include "common/utf8.h"
#include "notices/notice_file.h"

namespace hall::central {

using namespace detail;

namespace {

// No 0/O or 1/I: a receipt is read off a phone and may be said over the telephone.
constexpr std::string_view receipt_letters = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::size_t receipt_length = 8;

std::string new_receipt() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string out;
  for (std::size_t i = 0; i < receipt_length; ++i) {
    out += receipt_letters[randombytes_uniform(static_cast<std::uint32_t>(receipt_letters.size()))];
  }
  return out;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000; }

// The visitor's words as they typed them: line breaks kept as \n, other controls dropped,
// surrounding blanks trimmed.
std::string cleaned(std::string_view text, bool keep_lines) {
  std::string out;
  const auto cps = utf8::decode(text);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    if (cp == '\r') {
      if (i + 1 < cps.size() && cps[i + 1] == '\n') continue;
      cp = '\n';
    }
    if (cp == '\n' && !keep_lines) cp = ' ';
    if (cp != '\n' && utf8::is_control(cp)) continue;
    utf8::append(out, cp);
  }
  const auto first = out.find_first_not_of(" \t\n");
  if (first == std::string::npos) return {};
  out = out.substr(first, out.find_last_not_of(" \t\n") - first + 1);
  // A text of ideographic spaces alone is as empty as one of spaces.
  for (const char32_t cp : utf8::decode(out)) {
    if (!is_space(cp)) return out;
  }
  return {};
}

CommentRefused refused(CommentRefusal reason, std::string message) { return {reason, std::move(message)}; }

NoticeComment comment_of(const storage::Statement& row) {
  NoticeComment c;
  c.id = row.integer(0);
  c.notice_id = row.text(1);
  c.version = static_cast<int>(row.integer(2));
  c.received_at = instant_of(row.integer(3));
  c.receipt = row.text(4);
  c.source = row.text(5);
  c.text = row.text(6);
  c.contact = row.text(7);
  return c;
}

}  // namespace

std::expected<NoticeComment, CommentRefused> CentralStore::add_comment(const std::string& notice_id, std::string_view text,
                                                                       std::string_view contact, const std::string& source,
                                                                       int offset_seconds) {
  const auto storage_error = [](const Error& e) { return std::unexpected(refused(CommentRefusal::storage, e.message)); };
  auto published = published_notice(notice_id);
  if (!published) return storage_error(published.error());
  if (!*published) return std::unexpected(refused(CommentRefusal::no_such_notice, "no published notice " + notice_id));
  const auto form = published_form(**published);
  if (!form) return std::unexpected(refused(CommentRefusal::storage, "published notice " + notice_id + " does not parse"));
  const notices::Notice& n = *form;
  if (!n.draft) return std::unexpected(refused(CommentRefusal::not_a_draft, notice_id + " is not a decision draft"));
  const auto now = clock_->now();
  const Date today = date_at(now, offset_seconds);
  if (!n.open_for_comment(today)) {
    return std::unexpected(refused(CommentRefusal::not_open, notice_id + ": comments are taken from " +
                                                                 format_iso_date(n.draft->comment_from) + " to " +
                                                                 format_iso_date(n.draft->comment_to) + ", today is " +
                                                                 format_iso_date(today)));
  }
  NoticeComment c;
  c.notice_id = notice_id;
  c.version = (*published)->version;
  c.received_at = now;
  c.source = source;
  c.text = cleaned(text, true);
  c.contact = cleaned(contact, false);
  if (c.text.empty()) return std::unexpected(refused(CommentRefusal::empty, "the opinion is empty"));
  if (const auto n_text = utf8::length(c.text); n_text > comment_limits_.max_text) {
    return std::unexpected(refused(CommentRefusal::too_long, "the opinion has " + std::to_string(n_text) +
                                                                 " characters, more than " +
                                                                 std::to_string(comment_limits_.max_text)));
  }
  if (utf8::length(c.contact) > comment_limits_.max_contact) {
    return std::unexpected(refused(CommentRefusal::contact_too_long,
                                   "the contact is longer than " + std::to_string(comment_limits_.max_contact)));
  }

  auto tx = storage::Transaction::begin(*db_);
  if (!tx) return storage_error(tx.error());
  auto count = db_->prepare(
      "SELECT COUNT(*) FILTER (WHERE received_at > ?2), COUNT(*) FROM notice_comments "
      "WHERE source = ?1 AND received_at > ?3");
  if (!count) return storage_error(count.error());
  count->bind(1, source).bind(2, seconds_of(now) - 600).bind(3, seconds_of(now) - 86400);
  auto row = count->step();
  if (!row) return storage_error(row.error());
  if (count->integer(0) >= comment_limits_.per_ten_minutes || count->integer(1) >= comment_limits_.per_day) {
    return std::unexpected(refused(CommentRefusal::too_many, source + " sent " + std::to_string(count->integer(1)) +
                                                                 " opinions in the last day (limits: " +
                                                                 std::to_string(comment_limits_.per_ten_minutes) +
                                                                 " in 10 minutes, " +
                                                                 std::to_string(comment_limits_.per_day) + " a day)"));
  }
  auto ins = db_->prepare(
      "INSERT INTO notice_comments (notice_id, version, received_at, receipt, source, text, contact) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!ins) return storage_error(ins.error());
  // A receipt already given is drawn again: 32^8 makes that rare, UNIQUE makes it impossible.
  for (int attempt = 0;; ++attempt) {
    c.receipt = new_receipt();
    ins->reset();
    ins->bind(1, c.notice_id).bind(2, c.version).bind(3, seconds_of(now)).bind(4, c.receipt).bind(5, c.source);
    ins->bind(6, c.text).bind(7, c.contact);
    auto r = ins->run();
    if (r) break;
    if (attempt == 3) return storage_error(r.error());
  }
  c.id = db_->last_insert_id();
  if (auto r = tx->commit(); !r) return storage_error(r.error());
  return c;
}

Result<std::vector<NoticeComment>> CentralStore::comments(const std::string& notice_id, const std::string& actor) {
  auto st = db_->prepare(
      "SELECT id, notice_id, version, received_at, receipt, source, text, contact FROM notice_comments "
      "WHERE notice_id = ?1 ORDER BY received_at, id");
  if (!st) return std::unexpected(st.error());
  st->bind(1, notice_id);
  std::vector<NoticeComment> out;
  if (auto r = st->each([&](const storage::Statement& row) -> Result<void> {
        out.push_back(comment_of(row));
        return {};
      });
      !r) {
    return std::unexpected(r.error());
  }
  if (auto r = audit(actor, "read comments", "notice " + notice_id, "ok", std::to_string(out.size()) + " comment(s)"); !r) {
    return std::unexpected(r.error());
  }
  return out;
}

}  // namespace hall::central
