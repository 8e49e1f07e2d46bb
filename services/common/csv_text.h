// SPDX-License-Identifier: Apache-2.0
#pragma once
// Exports an administrator opens in a spreadsheet (a draft's opinions, the 主动公开基本目录):
// RFC 4180 rows with CRLF, a UTF-8 BOM so a Chinese Windows spreadsheet reads the encoding right,
// and text that a spreadsheet would take for a formula made inert, since an opinion is typed by
// anyone on the street.
#include <string>
#include <string_view>
#include <vector>

namespace hall::csv {

inline constexpr std::string_view bom = "\xEF\xBB\xBF";

// One field: quoted when it holds a comma, a quote or a line break; a leading = + - @ or tab gets
// a ' before it (the OWASP advice against formula injection), so "=HYPERLINK(...)" stays text.
std::string field(std::string_view s);

// The fields joined by commas, ended by CRLF.
std::string row(const std::vector<std::string>& fields);

}  // namespace hall::csv
