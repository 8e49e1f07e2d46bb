// SPDX-License-Identifier: Apache-2.0
#pragma once
// 8-bit RGB PNG files through libpng: the kiosk's --screenshot writes them, tests read them back.
#include <string>

#include "common/error.h"
#include "gui/gui_window.h"

namespace hall::platform {

Result<void> write_png(const std::string& path, const RgbImage& image);
// Any 8-bit PNG (grey, palette, with alpha ...) comes back as RGB.
Result<RgbImage> read_png(const std::string& path);

}  // namespace hall::platform
