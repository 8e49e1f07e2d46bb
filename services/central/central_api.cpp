// SPDX-License-Identifier: Apache-2.0
#include "central/central_api.h"
#include "central/central_api_parts.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include <nlohmann/json.hpp>

#include "catalogue/json_reader.h"
#include "common/json_guard.h"
#include "common/rfc3339.h"
#include "common/sha256.h"

namespace hall::central {
namespace api {

using Json = nlohmann::ordered_json;

ApiResponse json_response(int status, const Json& body) {
  return {status, {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}},
          body.dump(2) + "\n"};
}

ApiResponse error_response(int status, const std::string& message) { return json_response(status, {{"error", message}}); }

int status_for(const Error& e) {
  switch (e.code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::io:
    case ErrorCode::corrupt: return 500;
  }
  return 500;
}

ApiResponse from_error(const Error& e) { return error_response(status_for(e), e.message); }

Json to_json(const Draft& d) {
  Json changes = Json::array();
  for (const auto& c : d.changes) changes.push_back({{"path", c.path}, {"old", c.old_value}, {"new", c.new_value}});
  Json j = {{"id", d.id},
            {"guide_id", d.guide_id},
            {"version", d.version},
            {"author", d.author},
            {"submitted_at", format_rfc3339_utc(d.submitted_at)},
            {"state", to_string(d.state)},
            {"changes", std::move(changes)}};
  if (d.reviewed_at) {
    j["review"] = {{"reviewer", d.reviewer},
                   {"reviewed_at", format_rfc3339_utc(*d.reviewed_at)},
                   {"conclusion", d.state == DraftState::rejected ? "reject" : "approve"},
                   {"reason", d.reason},
                   {"confidentiality_note", d.confidentiality_note}};
  }
  if (d.published_in) j["published_in"] = *d.published_in;
  return j;
}

Json to_json(const PublicationDue& p) {
  return {{"draft", p.draft},
          {"guide", p.guide},
          {"approved_on", p.approved_on},
          {"due_on", p.due_on},
          {"working_days_late", p.working_days_late},
          {"due_today", p.due_today},
          {"weekdays_only", p.weekdays_only}};
}

std::string source_of(const ApiRequest& req) {
  return req.remote_addr.empty() ? "(unknown)" : req.remote_addr;
}

// What each endpoint's body may be, checked before authentication and before anything is built:
// a heartbeat is a few hundred bytes, a submitted catalogue up to the exchange format's limit.
JsonLimits body_limits(const ApiRequest& req) {
  if (req.method != "POST") return {1u << 10, 2, 8};
  if (req.path == "/api/heartbeat") return {4u << 10, 2, 8};
  if (req.path == "/api/drafts") return {catalogue::max_file_bytes, catalogue::max_nesting};
  if (req.path == "/api/publish") return {1u << 20, 3, 8};
  if (req.path.starts_with("/api/drafts/")) return {64u << 10, 2, 8};  // a review
  if (req.path == "/api/notice-drafts") return {catalogue::max_file_bytes, catalogue::max_nesting};
  if (req.path.starts_with("/api/notice-drafts/")) return {1u << 20, 4, 8};  // a review with its decisions
  return {1u << 10, 2, 8};
}

// The request's body as JSON through the guard; the response to send when it is refused (audited:
// `actor` is the verified admin, or "(unsigned)" for a heartbeat).
std::expected<Json, ApiResponse> parse_body(CentralStore& store, const ApiRequest& req, const std::string& actor) {
  const std::string target = req.method + " " + req.path;
  auto j = parse_untrusted_json(req.body, body_limits(req), target);
  if (j) return std::move(*j);
  (void)store.audit(actor, "parse", target, "refused", j.error().error.message);
  return std::unexpected(error_response(400, j.error().error.message));
}

std::string text_field(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// Who signed a heartbeat: the enrolled kiosk's id, or the reason it was refused (counted, never
// written as a kiosk nor audited one by one, so forged heartbeats can neither show nor flood).
std::expected<std::string, std::pair<std::string, std::string>> heartbeat_signer(CentralStore& store,
                                                                                 const ApiRequest& req) {
  using Refused = std::pair<std::string, std::string>;
  const std::string kiosk = req.header("X-Hall-Kiosk");
  const std::string time_text = req.header("X-Hall-Time");
  const std::string nonce = req.header("X-Hall-Nonce");
  const std::string signature = req.header("X-Hall-Signature");
  if (kiosk.empty() || time_text.empty() || nonce.empty() || signature.empty()) {
    return std::unexpected(Refused{"unsigned",
                                   "unsigned heartbeat: X-Hall-Kiosk, X-Hall-Time, X-Hall-Nonce and "
                                   "X-Hall-Signature are required (hallctl sync --kiosk-key)"});
  }
  auto enrolled = store.enrolled_kiosk(kiosk);
  if (!enrolled) return std::unexpected(Refused{"storage", enrolled.error().message});
  if (!*enrolled) {
    return std::unexpected(
        Refused{"unknown_kiosk", "kiosk \"" + kiosk.substr(0, 64) + "\" is not enrolled (hallctl central add-kiosk)"});
  }
  const auto t = parse_int(time_text);
  const auto now = store.clock().now().time_since_epoch().count();
  if (!t || *t > now + CentralApi::max_clock_skew.count() || *t < now - CentralApi::max_clock_skew.count()) {
    return std::unexpected(Refused{"stale", "stale heartbeat from " + kiosk + ": X-Hall-Time more than 300 s off"});
  }
  if (!verify((*enrolled)->key, admin_signing_text(req.method, req.path, *t, nonce, req.body), signature)) {
    return std::unexpected(Refused{"bad_signature", "bad signature for kiosk " + kiosk});
  }
  auto fresh = store.remember_request(signature);
  if (!fresh) return std::unexpected(Refused{"storage", fresh.error().message});
  if (!*fresh) return std::unexpected(Refused{"replayed", "replayed heartbeat from " + kiosk});
  return kiosk;
}

ApiResponse heartbeat(CentralStore& store, const ApiRequest& req) {
  auto kiosk = heartbeat_signer(store, req);
  if (!kiosk) {
    if (kiosk.error().first == "storage") return error_response(500, kiosk.error().second);
    (void)store.count_refused_heartbeat(kiosk.error().first);
    return error_response(401, kiosk.error().second);
  }
  const auto parsed = parse_body(store, req, "kiosk " + *kiosk);
  if (!parsed) return parsed.error();
  const Json& j = *parsed;
  if (!j.is_object()) return error_response(400, "heartbeat: body is not a JSON object");
  Heartbeat beat;
  beat.kiosk_id = text_field(j, "kiosk_id");
  if (beat.kiosk_id != *kiosk) {
    (void)store.count_refused_heartbeat("kiosk_mismatch");
    return error_response(
        401, "heartbeat signed by kiosk " + *kiosk + " reports for \"" + beat.kiosk_id.substr(0, 64) + "\"");
  }
  const auto v = j.find("catalogue_version");
  if (v == j.end() || !v->is_number_integer()) return error_response(400, "heartbeat: catalogue_version: expected an integer");
  beat.catalogue_version = v->get<std::int64_t>();
  beat.last_good_sync = text_field(j, "last_good_sync");
  beat.last_error = text_field(j, "last_error");
  beat.printer_state = text_field(j, "printer_state");
  if (auto r = store.record_heartbeat(beat); !r) return from_error(r.error());
  auto latest = store.catalogue_version();
  return json_response(200, {{"ok", true}, {"latest_catalogue_version", latest.value_or(0)}});
}

ApiResponse submit(CentralStore& store, const ApiRequest& req, const std::string& admin) {
  auto drafts = store.submit(admin, req.body);
  if (!drafts) return from_error(drafts.error());
  Json out = Json::array();
  for (const auto& d : *drafts) out.push_back(to_json(d));
  return json_response(201, {{"drafts", std::move(out)}});
}

ApiResponse review(CentralStore& store, const ApiRequest& req, const std::string& admin, std::int64_t draft_id) {
  const auto parsed = parse_body(store, req, admin);
  if (!parsed) return parsed.error();
  const Json& j = *parsed;
  const std::string conclusion = j.is_object() ? text_field(j, "conclusion") : std::string();
  if (conclusion != "approve" && conclusion != "reject") {
    return error_response(400, "review: conclusion: expected \"approve\" or \"reject\"");
  }
  auto d = store.review(admin, draft_id,
                        {conclusion == "approve", text_field(j, "reason"), text_field(j, "note")});
  if (!d) return from_error(d.error());
  return json_response(200, {{"draft", to_json(*d)}});
}

ApiResponse publish(CentralStore& store, const ApiRequest& req, const std::string& admin) {
  auto parsed = req.body.empty() ? std::expected<Json, ApiResponse>(Json::object()) : parse_body(store, req, admin);
  if (!parsed) return parsed.error();
  const Json& j = *parsed;
  if (!j.is_object()) return error_response(400, "publish: body is not a JSON object");
  PublishRequest p;
  if (const auto it = j.find("effective_from"); it != j.end() && !it->is_null()) {
    const auto t = it->is_string() ? parse_rfc3339(it->get<std::string>()) : std::nullopt;
    if (!t) return error_response(400, "publish: effective_from: expected an RFC 3339 time with an offset");
    p.effective_from = *t;
  }
  if (const auto it = j.find("drafts"); it != j.end()) {
    if (!it->is_array()) return error_response(400, "publish: drafts: expected an array of draft ids");
    for (const auto& id : *it) {
      if (!id.is_number_integer()) return error_response(400, "publish: drafts: expected an array of draft ids");
      p.drafts.push_back(id.get<std::int64_t>());
    }
  }
  if (const auto it = j.find("notice_drafts"); it != j.end()) {
    if (!it->is_array()) return error_response(400, "publish: notice_drafts: expected an array of notice draft ids");
    for (const auto& id : *it) {
      if (!id.is_number_integer()) return error_response(400, "publish: notice_drafts: expected an array of notice draft ids");
      p.notice_drafts.push_back(id.get<std::int64_t>());
    }
  }
  auto report = store.publish(admin, p);
  if (!report) return from_error(report.error());
  Json late = Json::array();
  for (const auto& l : report->late) late.push_back(to_json(l));
  return json_response(200, {{"catalogue_version", report->catalogue_version},
                             {"drafts", report->drafts},
                             {"guides", report->guides},
                             {"notice_drafts", report->notice_drafts},
                             {"notices", report->notices},
                             {"workdays_changed", report->workdays_changed},
                             {"objects_written", report->objects_written},
                             {"bins_written", report->bins_written},
                             {"bytes_written", report->bytes_written},
                             {"late", late}});
}

ApiResponse kiosks(CentralStore& store) {
  auto list = store.kiosks();
  if (!list) return from_error(list.error());
  auto latest = store.catalogue_version();
  Json out = Json::array();
  for (const auto& k : *list) {
    out.push_back({{"kiosk_id", k.last.kiosk_id},
                   {"catalogue_version", k.last.catalogue_version},
                   {"last_good_sync", k.last.last_good_sync},
                   {"last_error", k.last.last_error},
                   {"printer_state", k.last.printer_state},
                   {"last_seen", format_rfc3339_utc(k.last_seen)},
                   {"behind", k.behind},
                   {"silent", k.silent}});
  }
  auto refused = store.refused_heartbeats();
  if (!refused) return from_error(refused.error());
  Json counts = Json::object();
  for (const auto& [reason, count] : *refused) counts[reason] = count;
  return json_response(200, {{"latest_catalogue_version", latest.value_or(0)},
                             {"kiosks", std::move(out)},
                             {"refused_heartbeats", std::move(counts)}});
}

// GET /api/audit[/before/SEQ][?limit=N]: one page of administrators' actions, newest first
// (entries below SEQ; N from 1 to 500, default 500), with the cursor of the next page; and the
// aggregated refusals of unauthenticated callers. The cursor is in the path, so it is signed.
ApiResponse audit(CentralStore& store, const ApiRequest& req, std::int64_t before) {
  constexpr std::int64_t max_limit = 500;
  const auto limit = std::clamp<std::int64_t>(parse_int(req.query_param("limit")).value_or(max_limit), 1, max_limit);
  auto log = store.audit_page(before, static_cast<int>(limit));
  if (!log) return from_error(log.error());
  Json out = Json::array();
  for (const auto& e : *log) {
    out.push_back({{"seq", e.seq},
                   {"at", format_rfc3339_utc(e.at)},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"target", e.target},
                   {"outcome", e.outcome},
                   {"detail", e.detail}});
  }
  const Json next =
      static_cast<std::int64_t>(log->size()) == limit && log->back().seq > 1 ? Json(log->back().seq) : Json(nullptr);
  auto counts = store.refusal_counts();
  if (!counts) return from_error(counts.error());
  Json refused = Json::array();
  for (const auto& c : *counts) {
    refused.push_back(
        {{"minute", format_rfc3339_utc(c.minute)}, {"source", c.source}, {"reason", c.reason}, {"count", c.count}});
  }
  return json_response(
      200,
      {{"audit", std::move(out)},
       {"next_before", next},
       {"next", next.is_null() ? Json(nullptr) : Json("/api/audit/before/" + std::to_string(next.get<std::int64_t>()))},
       {"unauthenticated_refusals", refused}});
}

// The role a route needs, so a missing role is a plain 403 before the store is asked.
std::optional<Role> role_for(const ApiRequest& req) {
  if (req.method != "POST") return std::nullopt;
  if (req.path == "/api/drafts" || req.path == "/api/notice-drafts") return Role::author;
  if (req.path == "/api/publish") return Role::publisher;
  if (req.path.starts_with("/api/drafts/") || req.path.starts_with("/api/notice-drafts/")) return Role::reviewer;
  return std::nullopt;
}

}  // namespace api

using namespace api;

std::string admin_signing_text(std::string_view method, std::string_view path, std::int64_t unix_seconds,
                               std::string_view nonce, std::string_view body) {
  return std::string(method) + "\n" + std::string(path) + "\n" + std::to_string(unix_seconds) + "\n" +
         std::string(nonce) + "\n" + sha256_hex(body);
}

HeaderList sign_heartbeat(const KeyPair& kiosk_key, const std::string& kiosk_id, std::string_view body, Instant now) {
  HeaderList h = sign_admin_request(kiosk_key, kiosk_id, "POST", "/api/heartbeat", body, now);
  h[0].first = "X-Hall-Kiosk";  // the same signed text; the id names a kiosk, not an administrator
  return h;
}

HeaderList sign_admin_request(const KeyPair& key, const std::string& admin_id, std::string_view method,
                              std::string_view path, std::string_view body, Instant now) {
  const std::int64_t t = now.time_since_epoch().count();
  // A fresh nonce makes two equal requests in the same second two different signatures, so the
  // replay check refuses only a request sent again, not a second publish a moment later.
  char random[16];
  randombytes_buf(random, sizeof random);
  const std::string nonce = to_hex(std::string_view(random, sizeof random));
  return {{"X-Hall-Admin", admin_id},
          {"X-Hall-Time", std::to_string(t)},
          {"X-Hall-Nonce", nonce},
          {"X-Hall-Signature", sign(key, admin_signing_text(method, path, t, nonce, body))}};
}

std::expected<std::string, ApiResponse> CentralApi::authenticate(const ApiRequest& req) {
  const std::string admin_id = req.header("X-Hall-Admin");
  const std::string time_text = req.header("X-Hall-Time");
  const std::string nonce = req.header("X-Hall-Nonce");
  const std::string signature = req.header("X-Hall-Signature");
  // Not authenticated: counted per minute, source and reason, never one audit row each, so noise
  // cannot push administrators' actions out of view.
  const auto refuse = [&](const char* reason, const std::string& why) {
    (void)store_->count_refusal(source_of(req), reason);
    return std::unexpected(error_response(401, why));
  };
  if (admin_id.empty() || time_text.empty() || nonce.empty() || signature.empty()) {
    return refuse("unsigned",
                  "unsigned request: X-Hall-Admin, X-Hall-Time, X-Hall-Nonce and X-Hall-Signature are required");
  }
  auto admin = store_->admin(admin_id);
  if (!admin) return refuse("unknown_admin", "unknown administrator \"" + admin_id.substr(0, 64) + "\"");
  const auto t = parse_int(time_text);
  if (!t) return refuse("bad_time", "X-Hall-Time: expected unix seconds");
  const auto now = store_->clock().now().time_since_epoch().count();
  if (*t > now + max_clock_skew.count() || *t < now - max_clock_skew.count()) {
    return refuse("stale", "stale request: X-Hall-Time is " + std::to_string(*t - now) +
                               " s from the store's clock (limit 300 s)");
  }
  if (!verify(admin->key, admin_signing_text(req.method, req.path, *t, nonce, req.body), signature)) {
    return refuse("bad_signature", "bad signature for administrator " + admin_id);
  }
  if (req.method != "GET") {
    auto fresh = store_->remember_request(signature);
    if (!fresh) return std::unexpected(from_error(fresh.error()));
    if (!*fresh) return refuse("replayed", "replayed request: this signed request was already accepted");
  }
  return admin_id;
}

ApiResponse CentralApi::handle(const ApiRequest& req) {
  // A visitor's page answers in HTML, a refused form too (it bounds its own body).
  if (auto page = route_public(*store_, req)) return std::move(*page);
  // Bounded before authentication: the cheapest refusal comes first.
  if (const auto limit = body_limits(req).max_bytes; req.body.size() > limit) {
    const std::string why = req.method + " " + req.path + ": body is " + std::to_string(req.body.size()) +
                            " bytes, more than the limit of " + std::to_string(limit) + " for this endpoint";
    (void)store_->count_refusal(source_of(req), "body_too_large");
    return error_response(413, why);
  }
  if (req.method == "POST" && req.path == "/api/heartbeat") return heartbeat(*store_, req);
  if (!req.path.starts_with("/api/")) return error_response(404, "not found: " + req.path);
  auto admin = authenticate(req);
  if (!admin) return admin.error();
  if (const auto role = role_for(req)) {
    auto a = store_->admin(*admin);
    if (a && !a->has(*role)) {
      const std::string why = "administrator " + *admin + " does not hold the " + to_string(*role) + " role";
      (void)store_->audit(*admin, "authorise", req.method + " " + req.path, "refused", why);
      return error_response(403, why);
    }
  }
  return route_admin(req, *admin);
}

ApiResponse CentralApi::route_admin(const ApiRequest& req, const std::string& admin) {
  if (auto notice = route_notice_admin(*store_, req, admin)) return std::move(*notice);
  if (auto comments = route_comments_admin(*store_, req, admin)) return std::move(*comments);
  if (req.method == "POST" && req.path == "/api/drafts") return submit(*store_, req, admin);
  if (req.method == "POST" && req.path == "/api/publish") return publish(*store_, req, admin);
  if (req.method == "GET" && req.path == "/api/kiosks") return kiosks(*store_);
  if (req.method == "GET" && req.path == "/api/audit") return audit(*store_, req, 0);
  if (constexpr std::string_view page = "/api/audit/before/"; req.method == "GET" && req.path.starts_with(page)) {
    const auto before = parse_int(std::string_view(req.path).substr(page.size()));
    if (!before || *before < 1) return error_response(404, "not found: " + req.path);
    return audit(*store_, req, *before);
  }
  if (req.method == "GET" && req.path == "/api/drafts") {
    auto list = store_->drafts();
    if (!list) return from_error(list.error());
    auto due = store_->publication_due();
    if (!due) return from_error(due.error());
    Json out = Json::array();
    for (const auto& d : *list) {
      Json j = to_json(d);
      for (const auto& p : *due) {
        if (p.draft == d.id) j["publish_by"] = to_json(p);
      }
      out.push_back(std::move(j));
    }
    Json pending = Json::array();  // approved, not published, and late or due today: oldest first
    for (const auto& p : *due) {
      if (p.working_days_late > 0 || p.due_today) pending.push_back(to_json(p));
    }
    return json_response(200, {{"drafts", std::move(out)}, {"publication_due", std::move(pending)}});
  }
  constexpr std::string_view prefix = "/api/drafts/", suffix = "/review";
  if (req.method == "POST" && req.path.size() > prefix.size() + suffix.size() && req.path.starts_with(prefix) &&
      req.path.ends_with(suffix)) {
    const auto id = parse_int(std::string_view(req.path).substr(prefix.size(), req.path.size() - prefix.size() - suffix.size()));
    if (!id) return error_response(404, "not found: " + req.path);
    return review(*store_, req, admin, *id);
  }
  return error_response(404, "not found: " + req.method + " " + req.path);
}

}  // namespace hall::central
