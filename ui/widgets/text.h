// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text the kiosk way: wrapped where Chinese allows a break (between Han characters, never before
// closing punctuation), with line spacing of at least 1.3, drawn straight into the window.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "widgets/frame.h"

namespace hall::ui {

struct TextStyle {
  ImFont* font;
  float size;         // font size to draw at
  float line;         // advance between lines
  std::uint32_t rgb;  // colour, 0xRRGGBB
};

TextStyle body_style(const Frame& f, std::uint32_t rgb);
TextStyle muted_style(const Frame& f);
TextStyle title_style(const Frame& f, std::uint32_t rgb);

// Byte ranges [begin, end) of each line of `text` wrapped to `width`.
std::vector<std::pair<std::size_t, std::size_t>> wrap_lines(ImFont* font, float size, std::string_view text,
                                                            float width);
float text_width(ImFont* font, float size, std::string_view text);

// Draws at `pos` without advancing the cursor; returns the height used.
float draw_paragraph(ImDrawList* dl, const TextStyle& s, ImVec2 pos, std::string_view text, float width);
float paragraph_height(const TextStyle& s, std::string_view text, float width);
// Draws at the cursor, `width` wide (0: the available width) minus `indent`; advances the cursor.
void paragraph(const TextStyle& s, std::string_view text, float indent = 0.0f, float width = 0.0f);
// Every piece of text goes through here. Characters the font lacks (they would show as '?') are
// collected while a GlyphAudit is alive, so tests and the host's screenshot tests can prove no tofu.
void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text);
class GlyphAudit {
 public:
  explicit GlyphAudit(std::string& missing);  // appends each missing character once (UTF-8)
  ~GlyphAudit();
  GlyphAudit(const GlyphAudit&) = delete;
  GlyphAudit& operator=(const GlyphAudit&) = delete;
};

// Every piece of text drawn while one is alive, in drawing order: what a visitor could read, for
// tests (the number on the ticket screen is the hub's; a refusal shows none).
class TextRecorder {
 public:
  explicit TextRecorder(std::vector<std::string>& drawn);
  ~TextRecorder();
  TextRecorder(const TextRecorder&) = delete;
  TextRecorder& operator=(const TextRecorder&) = delete;
};

// Where each piece of text (and each drawn box that is not text, such as a QR code) landed: the
// part left visible by the clip rectangle it was drawn under, in screen pixels. For layout tests:
// nothing a visitor must read may sit on something else.
struct DrawnItem {
  std::string text;  // the text, or "[what]" for a box that is not text ("[qr]")
  ImVec2 min, max;   // visible part; empty items (all clipped away) are not recorded
};
class DrawnItemRecorder {
 public:
  explicit DrawnItemRecorder(std::vector<DrawnItem>& drawn);
  ~DrawnItemRecorder();
  DrawnItemRecorder(const DrawnItemRecorder&) = delete;
  DrawnItemRecorder& operator=(const DrawnItemRecorder&) = delete;
};
// Records a drawn box (not text) under `dl`'s clip rectangle while a DrawnItemRecorder is alive.
void record_drawn_box(ImDrawList* dl, std::string_view what, ImVec2 min, ImVec2 max);

// One line, cut with "…" when it does not fit.
void draw_line_clipped(ImDrawList* dl, const TextStyle& s, ImVec2 pos, std::string_view text, float width);

}  // namespace hall::ui
