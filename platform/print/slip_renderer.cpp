// SPDX-License-Identifier: Apache-2.0
#include "print/slip_renderer.h"

#include <cairo-pdf.h>

#include <cmath>

#include "print/cairo_handles.h"
#include "print/slip_painter.h"

namespace hall::print {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string media_for(const slip::Slip& s, const PageLayout& layout) {
  if (s.fixed_length()) return "iso_a4_210x297mm";
  const int length_mm = static_cast<int>(std::ceil(layout.height_pt / pt_per_mm));
  return "Custom." + std::to_string(s.width_mm) + "x" + std::to_string(length_mm) + "mm";
}

Result<void> check(cairo_status_t status, const std::string& what) {
  if (status == CAIRO_STATUS_SUCCESS) return {};
  return fail(ErrorCode::io, what + ": " + cairo_status_to_string(status));
}

}  // namespace

Result<RenderedPdf> render_pdf(const slip::Slip& slip) {
  const PageLayout layout = measure(slip);
  RenderedPdf out;
  out.width_pt = layout.width_pt;
  out.height_pt = layout.height_pt;
  out.pages = layout.pages;
  out.media = media_for(slip, layout);
  {
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out.bytes, layout.width_pt, layout.height_pt));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, slip.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "hallkiosk");
    CairoPtr cr(cairo_create(surface.get()));
    for (int page = 0; page < layout.pages; ++page) {
      paint(cr.get(), slip, layout, page, 0);
      cairo_show_page(cr.get());
    }
    if (auto ok = check(cairo_status(cr.get()), "slip \"" + slip.title + "\": PDF"); !ok) {
      return std::unexpected(ok.error());
    }
    cairo_surface_finish(surface.get());
    if (auto ok = check(cairo_surface_status(surface.get()), "slip \"" + slip.title + "\": PDF"); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return out;
}

Result<void> write_png(const slip::Slip& slip, const std::string& path, int dpi) {
  const PageLayout layout = measure(slip);
  const double scale = dpi / 72.0;
  const int width = static_cast<int>(std::ceil(layout.width_pt * scale));
  const int height = static_cast<int>(std::ceil(layout.height_pt * layout.pages * scale));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  for (int page = 0; page < layout.pages; ++page) {
    paint(cr.get(), slip, layout, page, page * layout.height_pt);
    if (page > 0) {  // a grey line where one A4 sheet ends and the next begins
      cairo_set_source_rgb(cr.get(), 0.6, 0.6, 0.6);
      cairo_set_line_width(cr.get(), 1);
      cairo_move_to(cr.get(), 0, page * layout.height_pt);
      cairo_line_to(cr.get(), layout.width_pt, page * layout.height_pt);
      cairo_stroke(cr.get());
    }
  }
  cairo_surface_flush(surface.get());
  return check(cairo_surface_write_to_png(surface.get(), path.c_str()), path);
}

}  // namespace hall::print
