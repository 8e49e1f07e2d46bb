// SPDX-License-Identifier: Apache-2.0
#pragma once
// Places a slip's blocks on pages (measure) and draws them on a Cairo context (paint). The same
// layout code serves both passes, so what was measured is what is drawn: nothing clipped.
#include <cairo.h>
#include <pango/pango-layout.h>

#include <memory>
#include <vector>

#include "slip/slip.h"

namespace hall::print {

struct PlacedBlock {
  const slip::Block* block = nullptr;
  int page = 0;
  double y_pt = 0, height_pt = 0;
  double font_pt = 0;  // for text: the size chosen (a one-line text may be shrunk to fit)
  // For text: the line laid out once, when measured, and drawn as it was measured (laying each
  // line out again to draw it cost as much as the measuring).
  std::shared_ptr<PangoLayout> text{};
};

struct PageLayout {
  double width_pt = 0, height_pt = 0;
  int pages = 1;
  std::vector<PlacedBlock> blocks;
};

constexpr double pt_per_mm = 72.0 / 25.4;

PageLayout measure(const slip::Slip& slip);
// Draws page `page` of `layout` with its top at `top_pt` (PNG stacks the pages of an A4 notice).
void paint(cairo_t* cr, const slip::Slip& slip, const PageLayout& layout, int page, double top_pt);

}  // namespace hall::print
