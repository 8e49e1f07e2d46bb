// SPDX-License-Identifier: Apache-2.0
#pragma once
// The visitor's status page behind the QR code (/t/<token>): one small HTML page, Chinese or
// English, that works on an old phone browser with no app and no login. The first answer already
// shows everything (no script needed to read it); a few lines of ES5 then poll the ticket's JSON
// and update the page in place, and without script a meta refresh does the same more slowly.
#include <string>
#include <string_view>

#include "common/html_text.h"

namespace hall::hub {

using http::PageLanguage;
using http::page_language;

// `ticket_json` is the public view (public_ticket_body); `token` builds the page's own links.
std::string phone_page_html(std::string_view ticket_json, std::string_view token, PageLanguage lang);

// The page's changing part alone (what the script swaps in when the ticket changed).
std::string phone_main_html(std::string_view ticket_json, std::string_view token, PageLanguage lang);

// The page for a token that is not (or no longer) a ticket: says so, in the same look.
std::string phone_missing_html(PageLanguage lang);

}  // namespace hall::hub
