// SPDX-License-Identifier: Apache-2.0
#pragma once
// "还在看吗？点任意处继续": shown over any screen but home for the last seconds before an idle
// reset, with a countdown, so a visitor reading a long guide is asked before it goes.
#include "widgets/frame.h"

namespace hall::ui {

// Draws the warning over the whole display as a window of its own (on top, so the tap that
// dismisses it presses nothing beneath); `seconds_left` counts down to the reset.
void draw_idle_warning(Frame& f, int seconds_left);

}  // namespace hall::ui
