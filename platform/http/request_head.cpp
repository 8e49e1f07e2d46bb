// SPDX-License-Identifier: Apache-2.0
#include "http/request_head.h"

#include <algorithm>
#include <charconv>

namespace hall::http {
namespace {

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX only: in a path '+' is a plus.
Result<std::string> decode_path(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size() || hex_digit(raw[i + 1]) < 0 || hex_digit(raw[i + 2]) < 0) {
      return fail(ErrorCode::invalid_input, "bad percent-encoding in the path");
    }
    const char c = static_cast<char>(hex_digit(raw[i + 1]) * 16 + hex_digit(raw[i + 2]));
    if (c == '\0') return fail(ErrorCode::invalid_input, "a NUL in the path");
    out += c;
    i += 2;
  }
  return out;
}

bool has_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (iequals(trim(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

Result<RequestHead> parse_request_line(std::string_view line) {
  const auto sp1 = line.find(' ');
  const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return fail(ErrorCode::invalid_input, "malformed request line");
  }
  RequestHead head;
  head.method = std::string(line.substr(0, sp1));
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!is_token(head.method)) return fail(ErrorCode::invalid_input, "malformed method");
  if (!version.starts_with("HTTP/")) return fail(ErrorCode::invalid_input, "malformed version");
  if (version == "HTTP/1.0") {
    head.minor_version = 0;
    head.keep_alive = false;
  } else if (version != "HTTP/1.1") {
    return fail(ErrorCode::unavailable, "only HTTP/1.0 and HTTP/1.1 are spoken here");
  }
  if (!target.starts_with('/')) return fail(ErrorCode::invalid_input, "the target must be a path");
  const auto question = target.find('?');
  auto path = decode_path(target.substr(0, question));
  if (!path) return std::unexpected(path.error());
  head.path = std::move(*path);
  if (question != std::string_view::npos) head.query = std::string(target.substr(question + 1));
  return head;
}

Result<void> add_field(RequestHead& head, std::string_view line) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
    return fail(ErrorCode::invalid_input, "malformed header field");  // also obs-fold (a leading space)
  }
  const std::string_view name = line.substr(0, colon);
  const std::string_view value = trim(line.substr(colon + 1));
  if (iequals(name, "Content-Length")) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      return fail(ErrorCode::invalid_input, "malformed Content-Length");
    }
    if (head.content_length && *head.content_length != n) {
      return fail(ErrorCode::invalid_input, "two different Content-Length fields");
    }
    head.content_length = n;
  } else if (iequals(name, "Transfer-Encoding")) {
    head.chunked = true;
  } else if (iequals(name, "Connection")) {
    if (has_token(value, "close")) head.keep_alive = false;
    if (has_token(value, "keep-alive")) head.keep_alive = true;
  } else if (iequals(name, "Expect")) {
    if (!iequals(value, "100-continue")) return fail(ErrorCode::invalid_input, "unknown expectation");
    head.expect_continue = head.minor_version == 1;
  }
  head.headers.emplace_back(std::string(name), std::string(value));
  return {};
}

}  // namespace

Result<RequestHead> parse_request_head(std::string_view text) {
  auto end = text.find("\r\n");
  auto head = parse_request_line(text.substr(0, end));
  if (!head) return head;
  while (end != std::string_view::npos) {
    text.remove_prefix(end + 2);
    end = text.find("\r\n");
    if (auto r = add_field(*head, text.substr(0, end)); !r) return std::unexpected(r.error());
  }
  if (head->chunked && head->content_length) {
    return fail(ErrorCode::invalid_input, "both Content-Length and Transfer-Encoding");
  }
  return head;
}

}  // namespace hall::http
