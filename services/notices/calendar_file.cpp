// SPDX-License-Identifier: Apache-2.0
#include "notices/calendar_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalogue/json_reader.h"
#include "common/json_guard.h"
#include "notices/notice_reading.h"

namespace hall::notices {
namespace {

using catalogue::JsonReader;
using catalogue::Need;
using catalogue::Problems;

constexpr std::string_view calendar_format = "hallkiosk.workdays/1";

CalendarYear read_year(JsonReader& r) {
  CalendarYear y;
  y.year = r.integer("year", Need::required, 1900, 2999).value_or(0);
  y.source = r.text("source", Need::required, 200);
  r.objects("holidays", Need::required, 1, [&](JsonReader& h) {
    HolidaySpan span;
    span.name = h.text("name", Need::required, 64);
    span.name_en = h.text("name_en", Need::optional, 64);
    const auto from = detail::read_date(h, "from", Need::required);
    const auto to = detail::read_date(h, "to", Need::required);
    if (!from || !to) return;
    span.from = *from;
    span.to = *to;
    y.holidays.push_back(std::move(span));
  });
  const auto days = r.texts("working_weekends", Need::required);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto d = parse_iso_date(days[i]);
    if (!d) {
      r.problem("working_weekends[" + std::to_string(i) + "]",
                "expected a date such as 2026-10-10, got \"" + days[i] + "\"");
      continue;
    }
    y.working_weekends.push_back(*d);
  }
  return y;
}

}  // namespace

Result<WorkingCalendar> parse_calendar_file(std::string_view bytes) {
  auto root = parse_untrusted_json(bytes, {1u << 20, 8}, "calendar");
  if (!root) return std::unexpected(root.error().error);
  Problems problems;
  JsonReader top(*root, "$", "calendar", problems);
  if (!root->is_object()) {
    return fail(ErrorCode::invalid_input, "calendar: $: expected an object");
  }
  const auto format = top.text("format", Need::required, 64);
  if (!format.empty() && format != calendar_format) {
    top.problem("format", "expected \"hallkiosk.workdays/1\", got \"" + format + "\"");
  }
  std::vector<CalendarYear> years;
  top.objects("years", Need::required, 1, [&](JsonReader& y) { years.push_back(read_year(y)); });
  if (!problems.empty()) {
    std::string message;
    for (const auto& m : problems.messages()) message += (message.empty() ? "" : "\n") + m;
    return fail(ErrorCode::invalid_input, message);
  }
  return WorkingCalendar::from_years(std::move(years));
}

Result<std::string> read_calendar_bytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorCode::io, path + ": " + ec.message());
  if (size > (1u << 20)) {
    return fail(ErrorCode::invalid_input,
                path + ": file is " + std::to_string(size) + " bytes, more than a calendar's limit of 1 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::io, path + ": cannot be opened for reading");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace hall::notices
