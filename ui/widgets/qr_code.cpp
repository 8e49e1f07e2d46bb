// SPDX-License-Identifier: Apache-2.0
#include "widgets/qr_code.h"

#include <cmath>

#include "widgets/text.h"

namespace hall::ui {
namespace {

int module_px(const slip::QrBlock& qr, float max_side) {
  const int span = qr.modules + 2 * qr.quiet_zone;
  if (span <= 0 || max_side <= 0.0f) return 0;
  return static_cast<int>(std::floor(max_side / static_cast<float>(span)));
}

}  // namespace

float qr_side(const slip::QrBlock& qr, float max_side) {
  return static_cast<float>(module_px(qr, max_side) * (qr.modules + 2 * qr.quiet_zone));
}

float draw_qr(ImDrawList* dl, ImVec2 pos, const slip::QrBlock& qr, float max_side) {
  const int px = module_px(qr, max_side);
  if (px == 0) return 0.0f;
  const float side = qr_side(qr, max_side);
  // Whole pixels: a module edge between two pixels would be grey, and a decoder reads grey badly.
  const ImVec2 o(std::round(pos.x), std::round(pos.y));
  dl->AddRectFilled(o, ImVec2(o.x + side, o.y + side), IM_COL32(255, 255, 255, 255));
  record_drawn_box(dl, "qr", o, ImVec2(o.x + side, o.y + side));
  const float m = static_cast<float>(px);
  const float start = static_cast<float>(qr.quiet_zone) * m;
  for (int row = 0; row < qr.modules; ++row) {
    // A run of dark modules in a row is one rectangle: fewer vertices, the same pixels.
    int col = 0;
    while (col < qr.modules) {
      if (!qr.is_dark(row, col)) {
        ++col;
        continue;
      }
      const int run_start = col;
      while (col < qr.modules && qr.is_dark(row, col)) ++col;
      const ImVec2 a(o.x + start + static_cast<float>(run_start) * m, o.y + start + static_cast<float>(row) * m);
      dl->AddRectFilled(a, ImVec2(o.x + start + static_cast<float>(col) * m, a.y + m), IM_COL32(0, 0, 0, 255));
    }
  }
  return side;
}

}  // namespace hall::ui
