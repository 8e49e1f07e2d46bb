// SPDX-License-Identifier: Apache-2.0
#pragma once
// Finds the CJK font the kiosk draws with, through fontconfig: Noto Sans CJK SC preferred (in
// NotoSansCJK-*.ttc it is face 2), WenQuanYi Micro Hei as the fallback.
#include <string>

#include "common/error.h"

namespace hall::platform {

struct FontMatch {
  std::string path;
  int index = 0;  // the face inside a .ttc collection
  std::string family;
};

// The families tried, best first.
inline constexpr const char* preferred_cjk_families[] = {"Noto Sans CJK SC", "WenQuanYi Micro Hei"};

// not_found when neither family is installed; the message names the Debian package to install.
Result<FontMatch> find_cjk_font();

// The same search for one family: an exact family match only (fontconfig's nearest substitute,
// say DejaVu Sans, does not count: it has no Chinese glyphs).
Result<FontMatch> find_font_family(const std::string& family);

}  // namespace hall::platform
