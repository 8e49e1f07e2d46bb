// SPDX-License-Identifier: Apache-2.0
#pragma once
// A slip laid out as data: what goes on the paper, top to bottom, and how big. platform/print
// turns it into a PDF; nothing here knows about fonts, pixels or printers.
#include <string>
#include <variant>
#include <vector>

namespace hall::slip {

enum class Language { zh_cn, en };

// Size classes, not points: the renderer maps them to the paper's width.
enum class TextSize { small, normal, large, huge };
enum class Weight { regular, bold };
enum class Align { start, center };

struct TextLine {
  std::string text;
  TextSize size = TextSize::normal;
  Weight weight = Weight::regular;
  Align align = Align::start;
  bool wrap = true;  // false: one line, shrunk by the renderer if it would not fit
};

// A line that wraps (what every slip's text is): text, size, weight and alignment.
inline TextLine line(std::string text, TextSize size = TextSize::normal, Weight weight = Weight::regular,
                     Align align = Align::start) {
  return TextLine{std::move(text), size, weight, align, true};
}

// A QR code as its modules (row-major, true = dark) with the quiet zone the scanner needs.
struct QrBlock {
  std::string payload;
  int modules = 0;  // per side, without the quiet zone
  int quiet_zone = 4;
  std::vector<bool> dark;
  double side_mm = 30;  // printed side, quiet zone included
  bool is_dark(int row, int col) const { return dark[static_cast<std::size_t>(row * modules + col)]; }
};

struct Rule {};  // a thin line across the paper
struct Gap {
  double mm = 2;
};  // blank space

using Block = std::variant<TextLine, QrBlock, Rule, Gap>;

enum class PaperKind { roll, a4 };

struct Slip {
  std::string title;  // the document name the printer queue shows
  PaperKind paper = PaperKind::roll;
  int width_mm = 80;  // 80 or 58 for a roll, 210 for A4
  double margin_mm = 4;
  std::vector<Block> blocks;

  // The media a print job asks for: a roll's length follows the content, A4 is fixed.
  bool fixed_length() const { return paper == PaperKind::a4; }
};

}  // namespace hall::slip
