// SPDX-License-Identifier: Apache-2.0
#pragma once
// Owning handles for the Cairo and Pango objects the renderer makes (RAII; never throw).
#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>

namespace hall::print {

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
  void operator()(PangoLayout* l) const { g_object_unref(l); }
  void operator()(PangoContext* c) const { g_object_unref(c); }
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, CairoDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, CairoDeleter>;
using FontPtr = std::unique_ptr<PangoFontDescription, CairoDeleter>;

}  // namespace hall::print
