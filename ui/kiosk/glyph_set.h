// SPDX-License-Identifier: Apache-2.0
#pragma once
// The characters the kiosk's atlas must hold: every UI string, every name and everything the
// catalogue lists, plus what a loaded guide turned out to bring. Built once per catalogue.
#include <set>
#include <string>
#include <string_view>

namespace hall::ui {

class GlyphSet {
 public:
  // `titles`: what is drawn in the title size; `body`: everything else (titles are included).
  void reset(std::string_view titles, std::string_view body);
  // Adds what `text` has that the set lacks; true when anything was new (the atlas must grow).
  bool add(std::string_view text);
  bool empty() const { return body_.empty(); }

  const std::string& body() const { return body_text_; }
  const std::string& titles() const { return title_text_; }

 private:
  std::set<char32_t> body_, titles_;
  std::string body_text_, title_text_;
};

// Printable ASCII and the few symbols the widgets draw themselves.
std::string fixed_glyphs();

}  // namespace hall::ui
