// SPDX-License-Identifier: Apache-2.0
#include "gui/font_finder.h"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace hall::platform {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

struct FontSetDeleter {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};

const FcChar8* fc_text(const char* s) {
  return reinterpret_cast<const FcChar8*>(s);
}
std::string from_fc(const FcChar8* s) {
  return reinterpret_cast<const char*>(s);
}

// Whether `candidate` lists `family` among its family names (a font may carry several, localised).
bool has_family(FcPattern* candidate, const std::string& family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(candidate, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (from_fc(name) == family) return true;
  }
  return false;
}

}  // namespace

Result<FontMatch> find_font_family(const std::string& family) {
  if (!FcInit()) return fail(ErrorCode::unavailable, "fontconfig could not be initialised");
  Pattern pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, fc_text(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  FcResult result = FcResultNoMatch;
  std::unique_ptr<FcFontSet, FontSetDeleter> sorted(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
  if (!sorted) return fail(ErrorCode::not_found, "fontconfig: no font for family \"" + family + "\"");
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* candidate = sorted->fonts[i];
    if (!has_family(candidate, family)) continue;
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(candidate, FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(candidate, FC_INDEX, 0, &index);
    return FontMatch{from_fc(file), index, family};
  }
  return fail(ErrorCode::not_found, "fontconfig: the family \"" + family + "\" is not installed");
}

Result<FontMatch> find_cjk_font() {
  for (const char* family : preferred_cjk_families) {
    if (auto found = find_font_family(family)) return found;
  }
  return fail(ErrorCode::not_found,
              "no Chinese font found through fontconfig (tried \"Noto Sans CJK SC\" and \"WenQuanYi Micro Hei\"); "
              "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)");
}

}  // namespace hall::platform
