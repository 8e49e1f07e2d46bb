// SPDX-License-Identifier: Apache-2.0
#include "kiosk/glyph_set.h"

#include "common/utf8.h"

namespace hall::ui {
namespace {

// Controls and what a 16-bit ImWchar cannot hold are never atlas entries.
bool drawable(char32_t c) {
  return c >= 0x20 && c <= 0xFFFF && !utf8::is_control(c) && c != 0xFFFD;
}

bool insert_all(std::set<char32_t>& set, std::string_view text) {
  bool added = false;
  for (char32_t c : utf8::decode(text)) {
    if (drawable(c)) added |= set.insert(c).second;
  }
  return added;
}

std::string joined(const std::set<char32_t>& set) {
  std::string out;
  for (char32_t c : set) utf8::append(out, c);
  return out;
}

}  // namespace

void GlyphSet::reset(std::string_view titles, std::string_view body) {
  body_.clear();
  titles_.clear();
  insert_all(titles_, titles);
  insert_all(body_, titles);
  insert_all(body_, body);
  title_text_ = joined(titles_);
  body_text_ = joined(body_);
}

bool GlyphSet::add(std::string_view text) {
  if (!insert_all(body_, text)) return false;
  body_text_ = joined(body_);
  return true;
}

std::string fixed_glyphs() {
  std::string out;
  for (char c = 0x20; c < 0x7F; ++c) out += c;
  return out + "…·×";
}

}  // namespace hall::ui
