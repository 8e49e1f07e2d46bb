// SPDX-License-Identifier: Apache-2.0
#include "common/sse_reader.h"

#include <charconv>

namespace hall::http {

void SseReader::restart() {
  pending_.clear();
  skip_newline_ = false;
  type_.clear();
  data_.clear();
  has_data_ = false;
}

void SseReader::feed(std::string_view bytes, const Sink& sink) {
  for (const char c : bytes) {
    if (skip_newline_) {
      skip_newline_ = false;
      if (c == '\n') continue;
    }
    if (c == '\n' || c == '\r') {
      line(pending_, sink);
      pending_.clear();
      skip_newline_ = c == '\r';
      continue;
    }
    pending_ += c;
  }
}

void SseReader::line(std::string_view text, const Sink& sink) {
  if (text.empty()) {
    if (has_data_) {
      SseEvent e{last_id_, type_.empty() ? std::string("message") : type_, data_};
      sink(e);
    }
    type_.clear();
    data_.clear();
    has_data_ = false;
    return;
  }
  if (text.front() == ':') return;
  const auto colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "data") {
    if (has_data_) data_ += '\n';
    data_ += value;
    has_data_ = true;
  } else if (field == "event") {
    type_ = value;
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) last_id_ = value;
  } else if (field == "retry") {
    int ms = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
    if (ec == std::errc() && end == value.data() + value.size() && ms >= 0) retry_ = ms;
  }
}

}  // namespace hall::http
