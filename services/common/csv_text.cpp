// SPDX-License-Identifier: Apache-2.0
#include "common/csv_text.h"

namespace hall::csv {

std::string field(std::string_view s) {
  std::string text;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) text = "'";
  text += s;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += field(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace hall::csv
