// SPDX-License-Identifier: Apache-2.0
#pragma once
// A QR code drawn for a phone camera: every module a filled rectangle of a whole number of pixels
// (no scaled texture, no blurred edges), dark on white, with the quiet zone the code asks for.
#include "slip/slip.h"
#include "widgets/frame.h"

namespace hall::ui {

// The side the code takes within `max_side` (quiet zone included): the largest whole module size
// that fits. 0 when not even one pixel per module fits.
float qr_side(const slip::QrBlock& qr, float max_side);

// Draws at `pos` (rounded to whole pixels); returns the side drawn.
float draw_qr(ImDrawList* dl, ImVec2 pos, const slip::QrBlock& qr, float max_side);

}  // namespace hall::ui
