// SPDX-License-Identifier: Apache-2.0
// GET /n/<id>: a notice's page on the visitor's phone, behind the kiosk's QR code, read from the
// hall's own catalogue. Read-only: opinions on a draft go to the central store (hall.json
// notice_url, linked from the page), since the hub keeps no record of them.
#include "common/http_content.h"
#include "hub/hub.h"
#include "hub/phone_page.h"
#include "notices/notice_html.h"

namespace hall::hub {
namespace {

using http::Request;
using http::Response;

Response notice_page(Hub& hub, const Request& r) {
  const std::string id = r.path_param("id");
  notices::NoticePage page;
  page.lang = page_language(r.header("Accept-Language"), r.query_param("lang"));
  page.today = hub.zone().local_date(hub.clock().now());
  const auto brief = hub.notice(id, page.today);
  std::string body;
  if (brief) {
    if (!hub.hall().notice_url.empty()) page.comment_elsewhere = hub.hall().notice_url + "/n/" + id;
    page.readings = brief->readings;
    page.policy = brief->policy;
    for (const auto& g : brief->notice.guides) {
      if (auto guide = hub.guide(g)) page.guides.push_back({guide->id, {guide->name, guide->name_en}});
    }
    body = notices::notice_page_html(brief->notice, page);
  }
  Response out = http::html_response(brief ? 200 : 404, brief ? std::move(body) : notices::notice_missing_html(page.lang));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return out;
}

}  // namespace

void add_notice_routes(http::Router& router, Hub& hub) {
  router.get("/n/{id}", [&hub](const Request& r) { return notice_page(hub, r); });
}

}  // namespace hall::hub
