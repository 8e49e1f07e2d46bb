// SPDX-License-Identifier: Apache-2.0
#include "print/slip_painter.h"

#include <algorithm>
#include <cmath>

#include "print/cairo_handles.h"
#include "print/slip_renderer.h"

namespace hall::print {
namespace {

using slip::TextSize;

constexpr double line_gap_pt = 1.5;
constexpr double top_margin_mm = 3, bottom_margin_mm = 8;  // a roll printer cuts a few mm below the last line

double font_size(const slip::Slip& s, TextSize size) {
  const bool a4 = s.paper == slip::PaperKind::a4;
  const bool narrow = s.width_mm < 70;
  switch (size) {
    case TextSize::small:
      return a4 ? 10.5 : narrow ? 7.5 : 8.5;
    case TextSize::normal:
      return a4 ? 12 : narrow ? 9 : 10.5;
    case TextSize::large:
      return a4 ? 16 : narrow ? 11 : 13;
    case TextSize::huge:
      return a4 ? 40 : narrow ? 38 : 48;
  }
  return 10;
}

double content_width(const slip::Slip& s) {
  return (s.width_mm - 2 * s.margin_mm) * pt_per_mm;
}

// One Pango context per pass, at 72 dpi with metric hinting off, so sizes are points and the same
// on every surface (a context per layout cost a font lookup each: 3x slower).
ContextPtr make_context(cairo_t* cr) {
  ContextPtr context(pango_cairo_create_context(cr));
  pango_cairo_context_set_resolution(context.get(), 72);
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options.get());
  return context;
}

LayoutPtr make_layout(PangoContext* context, const slip::Slip& s, const slip::TextLine& line, double font_pt) {
  LayoutPtr layout(pango_layout_new(context));
  FontPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), slip_font_family);
  pango_font_description_set_weight(font.get(),
                                    line.weight == slip::Weight::bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size(font.get(), static_cast<int>(font_pt * PANGO_SCALE));
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), static_cast<int>(content_width(s) * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), line.align == slip::Align::center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout.get(), line.text.c_str(), static_cast<int>(line.text.size()));
  return layout;
}

// The line laid out at its size; a one-line text (the number) shrinks until it fits on one line.
void lay_out(PangoContext* cr, const slip::Slip& s, const slip::TextLine& line, PlacedBlock& placed) {
  double size = font_size(s, line.size);
  LayoutPtr layout = make_layout(cr, s, line, size);
  while (!line.wrap && size > 6 && pango_layout_get_line_count(layout.get()) > 1) {
    size *= 0.9;
    layout = make_layout(cr, s, line, size);
  }
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  placed.font_pt = size;
  placed.height_pt = static_cast<double>(h) / PANGO_SCALE + line_gap_pt;
  placed.text = std::shared_ptr<PangoLayout>(layout.release(), CairoDeleter{});
}

void paint_qr(cairo_t* cr, const slip::Slip& s, const slip::QrBlock& qr, double y) {
  const double side = qr.side_mm * pt_per_mm;
  const double module = side / (qr.modules + 2 * qr.quiet_zone);
  const double x0 = (s.width_mm * pt_per_mm - side) / 2 + qr.quiet_zone * module;
  const double y0 = y + qr.quiet_zone * module;
  cairo_set_source_rgb(cr, 1, 1, 1);  // the quiet zone is white even on tinted paper
  cairo_rectangle(cr, x0 - qr.quiet_zone * module, y, side, side);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < qr.modules; ++row) {
    for (int col = 0; col < qr.modules;) {  // one rectangle per run of dark modules: no seams
      if (!qr.is_dark(row, col)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.modules && qr.is_dark(row, end)) ++end;
      cairo_rectangle(cr, x0 + col * module, y0 + row * module, (end - col) * module, module);
      col = end;
    }
  }
  cairo_fill(cr);
}

}  // namespace

PageLayout measure(const slip::Slip& s) {
  SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
  CairoPtr cairo(cairo_create(surface.get()));
  ContextPtr cr = make_context(cairo.get());
  PageLayout out;
  out.width_pt = s.width_mm * pt_per_mm;
  const double a4_height = 297 * pt_per_mm;
  const double top = s.fixed_length() ? s.margin_mm * pt_per_mm : top_margin_mm * pt_per_mm;
  const double bottom = s.fixed_length() ? s.margin_mm * pt_per_mm : bottom_margin_mm * pt_per_mm;
  double y = top;
  int page = 0;
  for (const auto& block : s.blocks) {
    PlacedBlock placed{&block, page, y, 0, 0};
    if (const auto* line = std::get_if<slip::TextLine>(&block)) {
      lay_out(cr.get(), s, *line, placed);
    } else if (const auto* qr = std::get_if<slip::QrBlock>(&block)) {
      placed.height_pt = qr->side_mm * pt_per_mm + 1;
    } else if (std::holds_alternative<slip::Rule>(block)) {
      placed.height_pt = 2.5 * pt_per_mm;
    } else {
      placed.height_pt = std::get<slip::Gap>(block).mm * pt_per_mm;
    }
    if (s.fixed_length() && y + placed.height_pt > a4_height - bottom && y > top) {
      ++page;
      y = top;
      placed.page = page;
      placed.y_pt = y;
    }
    y += placed.height_pt;
    out.blocks.push_back(placed);
  }
  out.pages = page + 1;
  out.height_pt = s.fixed_length() ? a4_height : std::ceil(y + bottom);
  return out;
}

void paint(cairo_t* cr, const slip::Slip& s, const PageLayout& layout, int page, double top_pt) {
  const double left = s.margin_mm * pt_per_mm;
  ContextPtr context = make_context(cr);
  for (const auto& placed : layout.blocks) {
    if (placed.page != page) continue;
    const double y = top_pt + placed.y_pt;
    if (const auto* line = std::get_if<slip::TextLine>(placed.block)) {
      LayoutPtr fresh;  // a layout measured elsewhere has its line; else it is laid out here
      PangoLayout* text = placed.text.get();
      if (!text) {
        fresh = make_layout(context.get(), s, *line, placed.font_pt);
        text = fresh.get();
      }
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, left, y);
      pango_cairo_show_layout(cr, text);
    } else if (const auto* qr = std::get_if<slip::QrBlock>(placed.block)) {
      paint_qr(cr, s, *qr, y);
    } else if (std::holds_alternative<slip::Rule>(*placed.block)) {
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_set_line_width(cr, 0.6);
      cairo_set_dash(cr, nullptr, 0, 0);
      const double mid = y + placed.height_pt / 2;
      cairo_move_to(cr, left, mid);
      cairo_line_to(cr, layout.width_pt - left, mid);
      cairo_stroke(cr);
    }
  }
}

}  // namespace hall::print
