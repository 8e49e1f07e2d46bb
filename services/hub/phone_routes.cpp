// SPDX-License-Identifier: Apache-2.0
// The visitor's page behind the QR code, and its two forms (re-activate, rate) for a phone whose
// browser runs no script: each answers 303 back to the page, which then shows the outcome.
#include <algorithm>

#include "common/http_content.h"
#include "hub/hub_handlers.h"
#include "hub/hub_reply.h"
#include "hub/phone_page.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;

PageLanguage language_of(const Request& r) {
  return page_language(r.header("Accept-Language"), r.query_param("lang"));
}

Response page(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  const PageLanguage lang = language_of(r);
  std::optional<queue::TicketView> v;
  if (plausible_token(token)) {
    auto lane = hub.lane();
    if (auto found = lane->queue.ticket_by_token(token)) {
      v = std::move(*found);
    } else if (found.error().reason != queue::Refusal::not_found) {
      return http::html_response(503, phone_missing_html(lang));
    }
  }
  if (!v) return http::html_response(404, phone_missing_html(lang));
  const std::string json = public_ticket_body(hub, *v);
  auto out = http::html_response(200, r.query_param("part") == "main" ? phone_main_html(json, token, lang)
                                                                      : phone_page_html(json, token, lang));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.headers.emplace_back("Referrer-Policy", "no-referrer");  // the token is in the address
  return out;
}

Response back_to_page(const std::string& token, const Request& r) {
  Response out;
  out.status = 303;
  const std::string lang = r.query_param("lang");
  out.headers.emplace_back("Location", "/t/" + token + (lang.empty() ? "" : "?lang=" + lang));
  out.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
  return out;
}

// level=N from an HTML form (application/x-www-form-urlencoded).
std::optional<int> form_level(const std::string& body) {
  const std::string key = "level=";
  const auto at = body.find(key);
  if (at == std::string::npos || (at != 0 && body[at - 1] != '&')) return std::nullopt;
  const char c = at + key.size() < body.size() ? body[at + key.size()] : '\0';
  const bool alone = at + key.size() + 1 == body.size() || body[at + key.size() + 1] == '&';
  if (c < '1' || c > '5' || !alone) return std::nullopt;
  return c - '0';
}

Response rate_form(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  const auto level = form_level(r.body);
  if (!plausible_token(token)) return http::html_response(404, phone_missing_html(language_of(r)));
  if (!level) return error_response(400, "bad_request", "请选择 1 到 5 的评价。", "choose a rating from 1 to 5");
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto v = lane->queue.rate(token, *level);
  if (!v && v.error().reason == queue::Refusal::not_found) return http::html_response(404, phone_missing_html(language_of(r)));
  // Refused otherwise (already rated, not done yet): the page shows the ticket as it is.
  return back_to_page(token, r);
}

Response reactivate_form(Hub& hub, const Request& r) {
  const std::string token = r.path_param("token");
  if (!plausible_token(token)) return http::html_response(404, phone_missing_html(language_of(r)));
  auto lane = hub.lane();
  auto writing = hub.write_lock();
  auto v = lane->queue.reactivate(token, "phone");
  if (!v && v.error().reason == queue::Refusal::not_found) return http::html_response(404, phone_missing_html(language_of(r)));
  if (v) hub.bell().ring();
  return back_to_page(token, r);
}

}  // namespace

void add_phone_routes(http::Router& router, Hub& hub) {
  const http::RouteLimits tiny{.max_body_bytes = 1024};
  router.get("/t/{token}", [&hub](const Request& r) { return page(hub, r); });
  router.post("/t/{token}/rating", [&hub](const Request& r) { return rate_form(hub, r); }, tiny);
  router.post("/t/{token}/reactivate", [&hub](const Request& r) { return reactivate_form(hub, r); }, tiny);
}

}  // namespace hall::hub
