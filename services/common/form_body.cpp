// SPDX-License-Identifier: Apache-2.0
#include "common/form_body.h"

#include "common/utf8.h"

namespace hall::http {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> decode(std::string_view part) {
  std::string out;
  out.reserve(part.size());
  for (std::size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      const int hi = i + 1 < part.size() ? hex_digit(part[i + 1]) : -1;
      const int lo = i + 2 < part.size() ? hex_digit(part[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return fail(ErrorCode::invalid_input, "form: a malformed %-escape at byte " + std::to_string(i));
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (const auto bad = utf8::first_invalid(out)) {
    return fail(ErrorCode::invalid_input, "form: a field is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  }
  return out;
}

}  // namespace

Result<FormFields> parse_form(std::string_view body) {
  FormFields out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = decode(pair.substr(0, eq));
    if (!name) return std::unexpected(name.error());
    auto value = decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!value) return std::unexpected(value.error());
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

std::optional<std::string> form_value(const FormFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace hall::http
