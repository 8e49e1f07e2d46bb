// SPDX-License-Identifier: Apache-2.0
// The central store's public pages, for a visitor's phone (no login, no script needed):
//   GET  /n/<id>            a published notice in large type (?lang=en for English)
//   POST /n/<id>/comments   an opinion on a decision draft in its comment period (an HTML form:
//                           opinion, contact); answered with a receipt code, or the form again
//                           with what was typed and why it was not taken
// and the administrators' list of those opinions:
//   GET  /api/notices/<id>/comments[?format=csv]   every opinion, with its contact   any admin
#include "central/central_api_parts.h"

#include "common/csv_text.h"
#include "common/form_body.h"
#include "common/http_content.h"
#include "common/rfc3339.h"
#include "notices/notice_file.h"
#include "notices/notice_html.h"

namespace hall::central::api {
namespace {

using Json = nlohmann::ordered_json;
using notices::CommentOutcome;
using notices::NoticePage;

constexpr std::string_view notice_prefix = "/n/";
constexpr std::string_view comments_suffix = "/comments";

ApiResponse page_response(int status, std::string html) {
  auto out = http::html_response(status, std::move(html));
  out.headers.emplace_back("Cache-Control", "no-store");
  // The comment form posts to this server only; nothing on the page is loaded from elsewhere.
  out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  return out;
}

// The names of the guides a notice links to, as published (a guide never published is left out).
void add_guides(CentralStore& store, const notices::Notice& n, NoticePage& page) {
  for (const auto& id : n.guides) {
    auto body = store.published_guide(id);
    if (!body || !*body) continue;
    const auto j = nlohmann::json::parse(**body, nullptr, false);
    if (!j.is_object() || !j.contains("name") || !j["name"].is_string()) continue;
    page.guides.push_back({id, {j["name"].get<std::string>(), j.value("name_en", std::string())}});
  }
}

// The links a notice's page carries: a policy's published 解读, an interpretation's policy.
void add_links(CentralStore& store, const notices::Notice& n, NoticePage& page) {
  add_guides(store, n, page);
  if (n.kind == notices::NoticeKind::interpretation && !n.interprets.empty()) {
    if (auto p = store.published_notice(n.interprets); p && *p) {
      if (auto policy = published_form(**p)) page.policy = notices::NoticeLink{policy->id, policy->title};
    }
  }
  if (n.kind != notices::NoticeKind::policy) return;
  auto all = store.published_notices();
  if (!all) return;
  const std::string quoted = "\"" + n.id + "\"";
  for (const auto& p : *all) {
    // Only a body that names the policy is parsed: the directory may hold thousands of notices.
    if (p.id == n.id || p.body.find(quoted) == std::string::npos) continue;
    auto other = published_form(p);
    if (other && other->kind == notices::NoticeKind::interpretation && other->interprets == n.id) {
      page.readings.push_back({other->id, other->title});
    }
  }
}

ApiResponse notice_page(CentralStore& store, const ApiRequest& req, const std::string& id, NoticePage page,
                        int status = 200) {
  page.lang = http::page_language(req.header("Accept-Language"), req.query_param("lang"));
  auto published = store.published_notice(id);
  if (!published) return page_response(503, notices::notice_missing_html(page.lang));
  auto n = *published ? published_form(**published) : std::nullopt;
  if (!n) return page_response(404, notices::notice_missing_html(page.lang));
  page.today = hall_today(store);
  page.takes_comments = true;
  page.max_text = store.comment_limits().max_text;
  page.max_contact = store.comment_limits().max_contact;
  add_links(store, *n, page);
  return page_response(status, notices::notice_page_html(*n, page));
}

ApiResponse post_comment(CentralStore& store, const ApiRequest& req, const std::string& id) {
  NoticePage page;
  auto form = http::parse_form(req.body);
  if (!form) {
    page.outcome = CommentOutcome::bad_form;
    return notice_page(store, req, id, page, 400);
  }
  page.typed_text = http::form_value(*form, "opinion").value_or("");
  page.typed_contact = http::form_value(*form, "contact").value_or("");
  const std::string source = req.remote_addr.empty() ? "(unknown)" : req.remote_addr;
  auto added = store.add_comment(id, page.typed_text, page.typed_contact, source);
  if (added) {
    page.outcome = CommentOutcome::received;
    page.receipt = added->receipt;
    page.typed_text.clear();
    page.typed_contact.clear();
    return notice_page(store, req, id, page, 201);
  }
  int status = 400;
  switch (added.error().reason) {
    case CommentRefusal::no_such_notice: return page_response(404, notices::notice_missing_html(
                                                                       http::page_language(req.header("Accept-Language"),
                                                                                           req.query_param("lang"))));
    case CommentRefusal::not_a_draft:
    case CommentRefusal::not_open: page.outcome = CommentOutcome::not_open; status = 409; break;
    case CommentRefusal::empty: page.outcome = CommentOutcome::empty; break;
    case CommentRefusal::too_long: page.outcome = CommentOutcome::too_long; break;
    case CommentRefusal::contact_too_long: page.outcome = CommentOutcome::contact_too_long; break;
    case CommentRefusal::too_many:
      page.outcome = CommentOutcome::too_many;
      status = 429;
      (void)store.count_refusal(source, "comment_too_many");
      break;
    case CommentRefusal::storage: page.outcome = CommentOutcome::unavailable; status = 503; break;
  }
  return notice_page(store, req, id, page, status);
}

ApiResponse list_comments(CentralStore& store, const ApiRequest& req, const std::string& admin, const std::string& id) {
  auto published = store.published_notice(id);
  if (!published) return from_error(published.error());
  if (!*published) return error_response(404, "no published notice " + id);
  auto list = store.comments(id, admin);
  if (!list) return from_error(list.error());
  if (req.query_param("format") == "csv") {
    std::string csv = std::string(csv::bom) + csv::row({"回执码", "收到时间", "版本", "意见", "联系方式", "来源"});
    for (const auto& c : *list) {
      csv += csv::row({c.receipt, format_rfc3339(c.received_at, 8 * 3600), std::to_string(c.version), c.text,
                       c.contact, c.source});
    }
    ApiResponse out{200, {{"Content-Type", "text/csv; charset=utf-8"}, {"Cache-Control", "no-store"}}, std::move(csv)};
    return out;
  }
  Json out = Json::array();
  for (const auto& c : *list) {
    out.push_back({{"receipt", c.receipt},
                   {"received_at", format_rfc3339(c.received_at, 8 * 3600)},
                   {"version", c.version},
                   {"text", c.text},
                   {"contact", c.contact},
                   {"source", c.source}});
  }
  return json_response(200, {{"notice", id}, {"count", out.size()}, {"comments", std::move(out)}});
}

}  // namespace

Date hall_today(const CentralStore& store) {
  return date_at(store.clock().now(), 8 * 3600);
}

std::optional<ApiResponse> route_public(CentralStore& store, const ApiRequest& req) {
  if (!req.path.starts_with(notice_prefix)) return std::nullopt;
  std::string id = req.path.substr(notice_prefix.size());
  const bool comments = id.ends_with(comments_suffix);
  if (comments) id.resize(id.size() - comments_suffix.size());
  if (id.empty() || id.find('/') != std::string::npos) {
    return page_response(404, notices::notice_missing_html(http::PageLanguage::zh));
  }
  if (!comments && (req.method == "GET" || req.method == "HEAD")) return notice_page(store, req, id, {});
  if (comments && req.method == "POST") {
    if (req.body.size() > max_comment_form_bytes) {
      (void)store.count_refusal(req.remote_addr.empty() ? "(unknown)" : req.remote_addr, "body_too_large");
      NoticePage page;
      page.outcome = CommentOutcome::too_long;
      return notice_page(store, req, id, page, 413);
    }
    return post_comment(store, req, id);
  }
  ApiResponse out = error_response(405, "method not allowed: " + req.method + " " + req.path);
  out.headers.emplace_back("Allow", comments ? "POST" : "GET");
  return out;
}

std::optional<ApiResponse> route_comments_admin(CentralStore& store, const ApiRequest& req, const std::string& admin) {
  constexpr std::string_view prefix = "/api/notices/";
  if (req.method != "GET" || !req.path.starts_with(prefix) || !req.path.ends_with(comments_suffix)) return std::nullopt;
  const std::string id = req.path.substr(prefix.size(), req.path.size() - prefix.size() - comments_suffix.size());
  if (id.empty() || id.find('/') != std::string::npos) return error_response(404, "not found: " + req.path);
  return list_comments(store, req, admin, id);
}

}  // namespace hall::central::api
