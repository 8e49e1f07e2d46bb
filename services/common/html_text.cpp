// SPDX-License-Identifier: Apache-2.0
#include "common/html_text.h"

#include <algorithm>

namespace hall::http {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

PageLanguage page_language(std::string_view accept_language, std::string_view lang_param) {
  if (lang_param == "en") return PageLanguage::en;
  if (lang_param == "zh") return PageLanguage::zh;
  // The first language the phone names that the page has; a phone set to any Chinese reads Chinese.
  std::size_t at = 0;
  while (at < accept_language.size()) {
    std::size_t end = accept_language.find(',', at);
    if (end == std::string_view::npos) end = accept_language.size();
    std::string_view tag = accept_language.substr(at, end - at);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    const auto semi = tag.find(';');
    const bool refused = semi != std::string_view::npos && tag.substr(semi).find("q=0") != std::string_view::npos &&
                         tag.substr(semi).find("q=0.") == std::string_view::npos;
    const std::string_view lang = tag.substr(0, std::min(tag.find('-'), semi));
    if (!refused && (lang == "zh" || lang == "ZH")) return PageLanguage::zh;
    if (!refused && (lang == "en" || lang == "EN")) return PageLanguage::en;
    at = end + 1;
  }
  return PageLanguage::zh;
}

}  // namespace hall::http
