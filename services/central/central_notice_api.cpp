// SPDX-License-Identifier: Apache-2.0
// The notice routes of the central API (政务公开, mirroring the guides'):
//   POST /api/notice-drafts              submit a notice or directory file     author
//   GET  /api/notice-drafts              every notice draft, its 去标识化 hits and review   any admin
//   POST /api/notice-drafts/<id>/review  {"conclusion", "reason", "note", "mask_all"?: bool,
//                                         "decisions"?: [{"hit": n (1-based), "action": "mask"|"keep", "reason"}]}
//                                                                              reviewer
//   GET  /api/notice-catalogue[?format=csv|text][&date=YYYY-MM-DD]
//                                        the 主动公开基本目录 of what is published   any admin
#include "central/central_api_parts.h"

#include "common/rfc3339.h"
#include "common/working_calendar.h"
#include "notices/notice_catalogue.h"
#include "notices/notice_labels.h"

namespace hall::central::api {
namespace {

using Json = nlohmann::ordered_json;

Json hit_json(const notices::Hit& h, std::size_t number) {
  const auto& kind = notices::term(h.kind);
  return {{"hit", number}, {"kind", kind.code},  {"kind_zh", kind.zh}, {"path", h.path},
          {"offset", h.offset}, {"found", h.found}, {"mask", h.mask}};
}

ApiResponse submit_notices(CentralStore& store, const ApiRequest& req, const std::string& admin) {
  auto drafts = store.submit_notices(admin, req.body);
  if (!drafts) return from_error(drafts.error());
  Json out = Json::array();
  for (const auto& d : *drafts) out.push_back(notice_draft_json(d));
  return json_response(201, {{"notice_drafts", std::move(out)}});
}

// The reviewer's decisions, by the hit numbers the draft list shows; `mask_all` masks every hit
// not decided otherwise.
std::expected<std::vector<notices::ReviewedHit>, ApiResponse> decisions_of(const Json& j, const NoticeDraft& d) {
  std::vector<std::optional<notices::Decision>> chosen(d.hits.size());
  if (const auto it = j.find("decisions"); it != j.end()) {
    if (!it->is_array()) return std::unexpected(error_response(400, "review: decisions: expected an array"));
    for (const auto& e : *it) {
      const auto n = e.is_object() && e.contains("hit") && e["hit"].is_number_integer() ? e["hit"].get<std::int64_t>() : 0;
      if (n < 1 || n > static_cast<std::int64_t>(d.hits.size())) {
        return std::unexpected(error_response(
            400, "review: decisions: hit " + std::to_string(n) + " is not one of the draft's " +
                     std::to_string(d.hits.size()) + " 去标识化 hit(s)"));
      }
      const std::string action = text_field(e, "action");
      if (action != "mask" && action != "keep") {
        return std::unexpected(error_response(400, "review: decisions: action: expected \"mask\" or \"keep\""));
      }
      chosen[static_cast<std::size_t>(n - 1)] =
          notices::Decision{action == "mask" ? notices::ReviewAction::mask : notices::ReviewAction::keep,
                            text_field(e, "reason")};
    }
  }
  const bool mask_all = j.contains("mask_all") && j["mask_all"].is_boolean() && j["mask_all"].get<bool>();
  std::vector<notices::ReviewedHit> out;
  for (std::size_t i = 0; i < d.hits.size(); ++i) {
    if (chosen[i]) {
      out.push_back({d.hits[i], *chosen[i]});
    } else if (mask_all) {
      out.push_back({d.hits[i], {notices::ReviewAction::mask, {}}});
    }
  }
  return out;
}

ApiResponse review_notice(CentralStore& store, const ApiRequest& req, const std::string& admin, std::int64_t id) {
  const auto parsed = parse_body(store, req, admin);
  if (!parsed) return parsed.error();
  const Json& j = *parsed;
  const std::string conclusion = j.is_object() ? text_field(j, "conclusion") : std::string();
  if (conclusion != "approve" && conclusion != "reject") {
    return error_response(400, "review: conclusion: expected \"approve\" or \"reject\"");
  }
  auto d = store.notice_draft(id);
  if (!d) return from_error(d.error());
  auto decisions = decisions_of(j, *d);
  if (!decisions) return decisions.error();
  auto reviewed = store.review_notice(
      admin, id, {conclusion == "approve", text_field(j, "reason"), text_field(j, "note"), std::move(*decisions)});
  if (!reviewed) return from_error(reviewed.error());
  return json_response(200, {{"notice_draft", notice_draft_json(*reviewed)}});
}

ApiResponse catalogue(CentralStore& store, const ApiRequest& req) {
  Date today = hall_today(store);
  if (const std::string date = req.query_param("date"); !date.empty()) {
    const auto d = parse_iso_date(date);
    if (!d) return error_response(400, "notice-catalogue: date: expected YYYY-MM-DD, got \"" + date + "\"");
    today = *d;
  }
  const std::string format = req.query_param("format");
  if (!format.empty() && format != "csv" && format != "text" && format != "json") {
    return error_response(400, "notice-catalogue: format: expected csv, text or json");
  }
  auto published = store.published_notices();
  if (!published) return from_error(published.error());
  std::vector<notices::CatalogueEntry> entries;
  for (const auto& p : *published) {
    auto n = published_form(p);
    if (!n) return error_response(500, "published notice " + p.id + " v" + std::to_string(p.version) + " no longer parses");
    entries.push_back({std::move(*n), p.published_at, p.catalogue_version});
  }
  const auto groups = notices::build_catalogue(std::move(entries));
  if (format == "csv") {
    return {200, {{"Content-Type", "text/csv; charset=utf-8"}, {"Cache-Control", "no-store"}},
            notices::catalogue_csv(groups, today)};
  }
  if (format == "text") {
    return {200, {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}},
            notices::catalogue_text(groups, today)};
  }
  return json_response(200, notices::catalogue_json(groups, today));
}

}  // namespace

Json notice_draft_json(const NoticeDraft& d) {
  Json hits = Json::array();
  for (std::size_t i = 0; i < d.hits.size(); ++i) hits.push_back(hit_json(d.hits[i], i + 1));
  Json j = {{"id", d.id},
            {"notice_id", d.notice_id},
            {"version", d.version},
            {"kind", d.kind},
            {"title", d.title},
            {"disclosure", d.disclosure},
            {"author", d.author},
            {"submitted_at", format_rfc3339_utc(d.submitted_at)},
            {"state", to_string(d.state)},
            {"hits", std::move(hits)}};
  if (d.reviewed_at) {
    Json decided = Json::array();
    for (const auto& r : d.decisions) {
      Json e = hit_json(r.hit, 0);
      e.erase("hit");
      e["action"] = r.decision.action == notices::ReviewAction::mask ? "mask" : "keep";
      e["reason"] = r.decision.reason;
      decided.push_back(std::move(e));
    }
    j["review"] = {{"reviewer", d.reviewer},
                   {"reviewed_at", format_rfc3339_utc(*d.reviewed_at)},
                   {"conclusion", d.state == DraftState::rejected ? "reject" : "approve"},
                   {"reason", d.reason},
                   {"confidentiality_note", d.confidentiality_note},
                   {"decisions", std::move(decided)}};
  }
  if (d.published_in) j["published_in"] = *d.published_in;
  return j;
}

std::optional<ApiResponse> route_notice_admin(CentralStore& store, const ApiRequest& req, const std::string& admin) {
  if (req.path == "/api/notice-catalogue") {
    if (req.method != "GET") return error_response(405, "notice-catalogue: GET only");
    return catalogue(store, req);
  }
  constexpr std::string_view base = "/api/notice-drafts";
  if (!req.path.starts_with(base)) return std::nullopt;
  if (req.path == base && req.method == "POST") return submit_notices(store, req, admin);
  if (req.path == base && req.method == "GET") {
    auto list = store.notice_drafts();
    if (!list) return from_error(list.error());
    Json out = Json::array();
    for (const auto& d : *list) out.push_back(notice_draft_json(d));
    return json_response(200, {{"notice_drafts", std::move(out)}});
  }
  constexpr std::string_view suffix = "/review";
  const std::string_view path = req.path;
  if (req.method == "POST" && path.size() > base.size() + 1 + suffix.size() && path[base.size()] == '/' &&
      path.ends_with(suffix)) {
    const auto id = parse_int(path.substr(base.size() + 1, path.size() - base.size() - 1 - suffix.size()));
    if (!id) return error_response(404, "not found: " + req.path);
    return review_notice(store, req, admin, *id);
  }
  return error_response(404, "not found: " + req.method + " " + req.path);
}

}  // namespace hall::central::api
