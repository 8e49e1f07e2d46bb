// SPDX-License-Identifier: Apache-2.0
#pragma once
// Renders a slip::Slip with Cairo and Pango: to PDF for the printer (text stays text, the QR code
// stays vector rectangles) and to PNG for a person to look at. CJK comes through fontconfig
// (Noto Sans CJK SC). A roll's page is exactly its width and as long as its content; A4 pages.
#include <string>

#include "common/error.h"
#include "slip/slip.h"

namespace hall::print {

struct RenderedPdf {
  std::string bytes;
  double width_pt = 0, height_pt = 0;  // of each page
  int pages = 1;
  std::string media;  // what the print job asks for: "Custom.80x143mm" or "iso_a4_210x297mm"
};

Result<RenderedPdf> render_pdf(const slip::Slip& slip);

// A picture of the slip at `dpi` (a roll printer is 203 dpi); A4 pages are stacked.
Result<void> write_png(const slip::Slip& slip, const std::string& path, int dpi = 203);

inline constexpr const char* slip_font_family = "Noto Sans CJK SC";

}  // namespace hall::print
