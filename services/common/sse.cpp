// SPDX-License-Identifier: Apache-2.0
#include "common/sse.h"

#include <utility>

namespace hall::http {
namespace {

// id and event are single-line fields: a line break in them would start another field.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '\n' && c != '\r' && c != '\0') out += c;
  }
  return out;
}

// Calls `line` for every line of `text`, whatever its line ends (\n, \r\n or \r).
template <class F>
void for_each_line(std::string_view text, F line) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    line(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  line(text.substr(start));
}

}  // namespace

std::string sse_frame(const SseEvent& event) {
  std::string out;
  if (!event.id.empty()) out += "id: " + one_line(event.id) + "\n";
  if (!event.event.empty()) out += "event: " + one_line(event.event) + "\n";
  // Always at least one data line: an event with none is never dispatched by the client.
  for_each_line(event.data, [&out](std::string_view line) {
    out += "data: ";
    out += line;
    out += '\n';
  });
  out += '\n';
  return out;
}

std::string sse_comment(std::string_view text) {
  std::string out;
  for_each_line(text, [&out](std::string_view line) {
    out += ": ";
    out += line;
    out += '\n';
  });
  out += '\n';
  return out;
}

Response sse_response(StreamProducer producer) {
  Response r;
  r.status = 200;
  r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"}};
  r.stream = std::move(producer);
  return r;
}

}  // namespace hall::http
