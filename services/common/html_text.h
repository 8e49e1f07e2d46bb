// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every public HTML page of the hall shares (the ticket page on the hub, a notice's page on
// the hub or the central store): text made safe for HTML, and the page's language.
#include <string>
#include <string_view>

namespace hall::http {

// & < > " ' as entities: safe in element text and in a quoted attribute.
std::string html_escape(std::string_view s);

enum class PageLanguage { zh, en };

// zh unless the phone prefers English (Accept-Language: en-US,en;q=0.9 ...); `?lang=` overrides.
PageLanguage page_language(std::string_view accept_language, std::string_view lang_param);

}  // namespace hall::http
